package dev.ltb.rest;

import dev.ltb.api.DatasetService;
import dev.ltb.api.RunView;
import dev.ltb.api.StoredSuite;
import dev.ltb.audit.AuditRecord;
import dev.ltb.engine.ItemResult;
import dev.ltb.tenancy.Page;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Pages as the API writes them: {@link Page}'s shape, one record per item type so that the OpenAPI document can say
 * what a page holds (a generic {@code Page<T>} has no schema of its own).
 */
final class PageBodies {

  static final String NEXT_CURSOR =
      "Pass it as cursor to get the next page; absent or null on the last page.";

  private PageBodies() {}

  public record RunPage(List<RunView> items, @Schema(description = NEXT_CURSOR) Optional<String> nextCursor) {
    static RunPage of(Page<RunView> page) {
      return new RunPage(page.items(), page.nextCursor());
    }
  }

  public record ResultPage(List<ItemResult> items, @Schema(description = NEXT_CURSOR) Optional<String> nextCursor) {
    static ResultPage of(Page<ItemResult> page) {
      return new ResultPage(page.items(), page.nextCursor());
    }
  }

  public record SuitePage(
      List<StoredSuite.SuiteInfo> items, @Schema(description = NEXT_CURSOR) Optional<String> nextCursor) {
    static SuitePage of(Page<StoredSuite.SuiteInfo> page) {
      return new SuitePage(page.items(), page.nextCursor());
    }
  }

  public record AuditPage(List<AuditRecord> items, @Schema(description = NEXT_CURSOR) Optional<String> nextCursor) {
    static AuditPage of(Page<AuditRecord> page) {
      return new AuditPage(page.items(), page.nextCursor());
    }
  }

  public record DatasetPage(
      List<DatasetService.DatasetSummary> items, @Schema(description = NEXT_CURSOR) Optional<String> nextCursor) {
    static DatasetPage of(Page<DatasetService.DatasetSummary> page) {
      return new DatasetPage(page.items(), page.nextCursor());
    }
  }
}
