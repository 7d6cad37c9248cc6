package dev.ltb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --history}: where the run history database lives (shared by every command that reads it). */
final class HistoryOption {
  @Option(
      names = "--history",
      paramLabel = "FILE",
      description = "Run history database (default: $LTB_HOME/history.db, else ./.ltb/history.db).")
  Path file;
}
