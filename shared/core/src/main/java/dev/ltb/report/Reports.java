package dev.ltb.report;

import dev.ltb.aggregate.RunSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes run outputs to files, in the format the file's extension names. */
public final class Reports {

  private Reports() {}

  /**
   * Writes {@code file} in the format of its extension. The file appears complete or not at all: it is written
   * next to its destination and then moved into place, so an interrupted run never leaves half a report.
   *
   * @return the format that was written
   * @throws IllegalArgumentException when the extension names no supported format (before anything is written)
   */
  public static ReportFormat write(Path file, RunSummary summary, ResultSource results) throws IOException {
    ReportFormat format = ReportFormat.forFile(file);
    write(file, format.newWriter(), summary, results);
    return format;
  }

  /** Writes {@code file} with this writer, whatever its extension; complete or not at all. */
  public static void write(Path file, ReportWriter writer, RunSummary summary, ResultSource results)
      throws IOException {
    writeAtomically(file, out -> writer.write(summary, results, out));
  }

  /** What writes a file's content to a stream (left open). */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code file} next to its destination and moves it into place, so that an interruption never leaves
   * half a file (used for reports and the comparison page).
   */
  public static void writeAtomically(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    // Not Files.createTempFile: its owner-only permissions would stick to the report after the move.
    Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".partial");
    try {
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW), 1 << 16)) {
        content.writeTo(out);
      }
      move(partial, target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
