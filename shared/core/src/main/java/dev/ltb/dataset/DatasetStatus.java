package dev.ltb.dataset;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a dataset version is in its life: registered, then checked once uploaded. */
public enum DatasetStatus {
  /** Registered; its file is expected at the upload URL, then a validation. */
  PENDING,
  /** Uploaded, hash and rows checked: suites may use it. */
  READY,
  /** Uploaded but refused (wrong hash, too large, unparseable); {@code problem} says why. Upload and validate again. */
  INVALID;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
