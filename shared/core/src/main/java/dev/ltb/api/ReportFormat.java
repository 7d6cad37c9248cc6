package dev.ltb.api;

/** The report representations the APIs serve. */
public enum ReportFormat {
  JSON("application/json"),
  HTML("text/html; charset=utf-8");

  private final String mediaType;

  ReportFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }
}
