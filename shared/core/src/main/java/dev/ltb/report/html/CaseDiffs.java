package dev.ltb.report.html;

import dev.ltb.analysis.CaseRef;
import dev.ltb.analysis.PairedSamples;
import dev.ltb.analysis.ProviderDelta;
import dev.ltb.analysis.RunComparison;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The items of the cases a run comparison says flipped (newly failing, newly passing), taken from a second pass
 * over each run's results: at most {@code maxCases} cases per list and model, outputs cut to a bounded length,
 * so memory stays small however large the runs are. Cases are recognised as the comparison matched them (hash of
 * description and vars, prompt label, provider label), with the same {@link PairedSamples#acrossRuns()} numbering.
 */
public final class CaseDiffs {

  static final int MAX_OUTPUT_CHARS = 2_000;

  private final Map<String, Slot> slots = new HashMap<>();
  private final Map<String, Lists> lists = new HashMap<>();

  public CaseDiffs(RunComparison comparison, int maxCases) {
    if (maxCases < 0) throw new IllegalArgumentException("maxCases must be >= 0, was " + maxCases);
    for (ProviderDelta model : comparison.models()) {
      Lists kept = new Lists(select(model.model(), model.newlyFailing(), maxCases),
          select(model.model(), model.newlyPassing(), maxCases));
      lists.put(model.model(), kept);
    }
  }

  /** Feed the earlier run's results here, in the history's order. */
  public Consumer<ItemResult> baseline() {
    return collector(true);
  }

  /** Feed the later run's results here, in the history's order. */
  public Consumer<ItemResult> candidate() {
    return collector(false);
  }

  /** The kept newly failing cases of a model, in case order. */
  public List<CaseDiff> newlyFailing(String model) {
    Lists kept = lists.get(model);
    return kept == null ? List.of() : diffs(kept.newlyFailing);
  }

  public List<CaseDiff> newlyPassing(String model) {
    Lists kept = lists.get(model);
    return kept == null ? List.of() : diffs(kept.newlyPassing);
  }

  private List<String> select(String model, List<CaseRef> refs, int maxCases) {
    List<String> keys = new ArrayList<>();
    for (CaseRef ref : refs.subList(0, Math.min(maxCases, refs.size()))) {
      String key = key(model, ref.caseId(), ref.prompt());
      slots.put(key, new Slot(ref));
      keys.add(key);
    }
    return keys;
  }

  private Consumer<ItemResult> collector(boolean before) {
    PairedSamples cases = PairedSamples.acrossRuns();
    return result -> {
      cases.accept(result);
      Slot slot = slots.get(key(result.providerLabel(), cases.caseId(result.testIndex()), result.promptLabel()));
      if (slot == null) return;
      List<ItemView> side = before ? slot.before : slot.after;
      if (side.stream().noneMatch(item -> item.repeat() == result.repeatIndex())) side.add(ItemView.of(result));
    };
  }

  /** The kept cases in the candidate run's test order (the comparison lists them in case-id order). */
  private List<CaseDiff> diffs(List<String> keys) {
    List<CaseDiff> diffs = new ArrayList<>();
    for (String key : keys) {
      Slot slot = slots.get(key);
      diffs.add(new CaseDiff(slot.ref, sorted(slot.before), sorted(slot.after)));
    }
    diffs.sort(Comparator.comparingInt(CaseDiff::testIndex));
    return diffs;
  }

  private static List<ItemView> sorted(List<ItemView> items) {
    return items.stream().sorted(Comparator.comparingInt(ItemView::repeat)).toList();
  }

  private static String key(String model, String caseId, String prompt) {
    return model + "\u0000" + caseId + "\u0000" + prompt;
  }

  /**
   * One flipped case in both runs.
   *
   * @param before its items (one per repetition) in the earlier run
   * @param after its items in the later run
   */
  public record CaseDiff(CaseRef ref, List<ItemView> before, List<ItemView> after) {

    /** Position of the test in the later run (else the earlier one); for ordering. */
    int testIndex() {
      List<ItemView> items = after.isEmpty() ? before : after;
      return items.isEmpty() ? Integer.MAX_VALUE : items.getFirst().testIndex();
    }

    /** Mean score of the later items minus that of the earlier ones (errors count 0), or NaN when one is empty. */
    public double scoreChange() {
      return mean(after) - mean(before);
    }

    private static double mean(List<ItemView> items) {
      return items.isEmpty() ? Double.NaN : items.stream().mapToDouble(ItemView::score).average().orElse(0);
    }
  }

  /**
   * What the page shows of one item.
   *
   * @param testIndex position of its test in its run
   * @param output the output, at most {@value #MAX_OUTPUT_CHARS} characters
   * @param outputChars the output's full length
   */
  public record ItemView(
      int testIndex, int repeat, ItemStatus status, double score, String reason, String errorKind, String errorMessage,
      String output, int outputChars) {

    static ItemView of(ItemResult result) {
      String output = result.output();
      int end = Math.min(output.length(), MAX_OUTPUT_CHARS);
      if (end > 0 && end < output.length() && Character.isHighSurrogate(output.charAt(end - 1))) end--;
      return new ItemView(result.testIndex(), result.repeatIndex(), result.status(), result.score(), result.reason(),
          result.error() == null ? null : result.error().kind(), result.error() == null ? null : result.error().message(),
          output.substring(0, end), output.length());
    }
  }

  private record Lists(List<String> newlyFailing, List<String> newlyPassing) {}

  private static final class Slot {
    final CaseRef ref;
    final List<ItemView> before = new ArrayList<>();
    final List<ItemView> after = new ArrayList<>();

    Slot(CaseRef ref) {
      this.ref = ref;
    }
  }
}
