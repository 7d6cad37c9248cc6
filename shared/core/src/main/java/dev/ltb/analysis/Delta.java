package dev.ltb.analysis;

/**
 * How one measure changed from the earlier run to the later one.
 *
 * @param paired whether the change was measured on matched cases (paired tests) or on all items of each run
 * @param pairs matched items used (0 when unpaired)
 * @param nBefore items (or values) of the earlier run used
 * @param nAfter items (or values) of the later run used
 * @param before value in the earlier run (pass rate or mean)
 * @param after value in the later run
 * @param difference after - before
 * @param ciLow lower bound of the 95 % interval of the difference, null when it cannot be estimated
 * @param ciHigh upper bound
 * @param ciMethod {@code paired-bootstrap}, {@code newcombe-hybrid-score} (unpaired rates) or {@code welch}
 * @param test the significance test ({@code mcnemar-*}, {@code wilcoxon-*}, {@code fisher-exact},
 *     {@code chi-square}, {@code welch-t} or {@code none})
 * @param statistic the test statistic, null for exact tests
 * @param pValue raw two-sided p-value
 * @param adjustedPValue Holm-adjusted over the same measure of every provider in the comparison
 * @param verdict the later run against the earlier one
 */
public record Delta(
    boolean paired,
    long pairs,
    long nBefore,
    long nAfter,
    double before,
    double after,
    double difference,
    Double ciLow,
    Double ciHigh,
    String ciMethod,
    String test,
    Double statistic,
    double pValue,
    double adjustedPValue,
    Verdict verdict) {}
