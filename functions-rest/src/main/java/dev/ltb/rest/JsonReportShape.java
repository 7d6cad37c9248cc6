package dev.ltb.rest;

import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import java.util.List;

/**
 * The JSON report's shape, for the OpenAPI document only: {@code JsonReportWriter} streams it result by result and
 * never holds it. {@code OpenApiConformanceTest} checks a streamed report against this schema.
 */
record JsonReportShape(String formatVersion, RunSummary summary, List<ItemResult> results) {}
