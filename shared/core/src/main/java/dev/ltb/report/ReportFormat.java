package dev.ltb.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The output formats, chosen by the output file's extension. See docs/output-format.md. */
public enum ReportFormat {
  JSON("json", "JSON document: summary and every result", JsonReportWriter::new),
  JSONL("jsonl", "JSON Lines: one result per line, then the summary", JsonlReportWriter::new),
  CSV("csv", "CSV: one row per result", CsvReportWriter::new),
  JUNIT_XML("xml", "JUnit XML: one test suite per provider and prompt", JUnitXmlReportWriter::new),
  HTML("html", "HTML report: charts and tables in one self-contained file", HtmlReportWriter::new);

  private final String extension;
  private final String description;
  private final Supplier<ReportWriter> writer;

  ReportFormat(String extension, String description, Supplier<ReportWriter> writer) {
    this.extension = extension;
    this.description = description;
    this.writer = writer;
  }

  /** The file extension without its dot, e.g. {@code jsonl}. */
  public String extension() {
    return extension;
  }

  public String description() {
    return description;
  }

  public ReportWriter newWriter() {
    return writer.get();
  }

  /** The format of a file name's extension, ignoring case ({@code report.HTML} is HTML). */
  public static Optional<ReportFormat> fromFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(format -> lower.endsWith("." + format.extension)).findFirst();
  }

  /**
   * The format of an output file.
   *
   * @throws IllegalArgumentException naming the supported extensions when the extension is not one of them
   */
  public static ReportFormat forFile(Path file) {
    Path name = file.getFileName();
    String fileName = name == null ? "" : name.toString();
    return fromFileName(fileName)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Cannot tell the output format of '%s' from its extension; use one of %s"
                        .formatted(fileName, supportedExtensions())));
  }

  /** {@code .json, .jsonl, .csv, .xml (JUnit), .html}: for messages and help texts. */
  public static String supportedExtensions() {
    return Arrays.stream(values())
        .map(format -> "." + format.extension + (format == JUNIT_XML ? " (JUnit)" : ""))
        .collect(Collectors.joining(", "));
  }
}
