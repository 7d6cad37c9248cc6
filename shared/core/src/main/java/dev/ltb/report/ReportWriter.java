package dev.ltb.report;

import dev.ltb.aggregate.RunSummary;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes one output format of a finished (or stopped) run. Implementations are stateless and reusable; they
 * read the results once, keep at most a bounded amount of them, and never close {@code out}.
 */
public interface ReportWriter {

  void write(RunSummary summary, ResultSource results, OutputStream out) throws IOException;
}
