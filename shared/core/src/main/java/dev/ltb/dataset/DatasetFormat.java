package dev.ltb.dataset;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats a dataset of test cases may have: the ones a suite's {@code tests: file://...} reads. */
public enum DatasetFormat {
  CSV("csv", "text/csv"),
  JSONL("jsonl", "application/jsonl"),
  JSON("json", "application/json"),
  YAML("yaml", "application/yaml");

  private final String extension;
  private final String contentType;

  DatasetFormat(String extension, String contentType) {
    this.extension = extension;
    this.contentType = contentType;
  }

  /** The file extension, also the format's id in the API ({@code csv}, {@code jsonl}, ...). */
  @JsonValue
  public String extension() {
    return extension;
  }

  /** The {@code Content-Type} an upload is signed with. */
  public String contentType() {
    return contentType;
  }

  /** The format with this id or file extension ({@code yml} is YAML), case-insensitive. */
  public static Optional<DatasetFormat> of(String id) {
    if (id == null) return Optional.empty();
    String normalized = id.toLowerCase(Locale.ROOT);
    if (normalized.equals("yml")) return Optional.of(YAML);
    return Arrays.stream(values()).filter(format -> format.extension.equals(normalized)).findFirst();
  }

  /** The format of a file by its name's extension. */
  public static Optional<DatasetFormat> ofFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : of(fileName.substring(dot + 1));
  }
}
