package dev.ltb.cli;

import dev.ltb.report.ReportFormat;
import dev.ltb.report.Reports;
import dev.ltb.run.RunHistory;
import dev.ltb.run.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code -o} files of a command. Extensions are checked before the run starts, so a typo does not cost
 * a whole run; the files are written afterwards by streaming the results from the history.
 */
final class ReportOutputs {

  private final List<Path> files;

  private ReportOutputs(List<Path> files) {
    this.files = List.copyOf(files);
  }

  static ReportOutputs of(List<Path> files) {
    for (Path file : files) {
      try {
        ReportFormat.forFile(file);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("-o " + file + ": " + e.getMessage());
      }
    }
    return new ReportOutputs(files);
  }

  List<Path> write(RunRecord record, RunHistory history) {
    List<Path> written = new ArrayList<>();
    for (Path file : files) {
      try {
        Reports.write(file, record.summary(), action -> history.forEachResult(record.runId(), action));
        written.add(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
    return written;
  }
}
