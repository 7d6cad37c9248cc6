package dev.ltb.report.html;

import dev.ltb.engine.ItemStatus;

/**
 * One row of the report's results table, with long texts already cut to a bounded size.
 *
 * @param sequence position in the stream, to restore the stream's order
 * @param groupId the {@link ReportGroup#id()}
 * @param output the output, at most {@link ReportData#MAX_OUTPUT_CHARS} characters
 * @param outputChars the output's full length
 * @param prompt the rendered prompt, at most {@link ReportData#MAX_PROMPT_CHARS} characters
 * @param promptChars the rendered prompt's full length
 * @param varsJson the test's variables as JSON
 * @param judgeCostUsd what the item's judge calls cost
 */
public record ResultRow(
    long sequence,
    String itemId,
    String groupId,
    String groupLabel,
    int providerIndex,
    String test,
    ItemStatus status,
    double score,
    long latencyMs,
    Double costUsd,
    double judgeCostUsd,
    long tokensIn,
    long tokensOut,
    String reason,
    String errorKind,
    String errorMessage,
    String output,
    int outputChars,
    String prompt,
    int promptChars,
    String varsJson) {}
