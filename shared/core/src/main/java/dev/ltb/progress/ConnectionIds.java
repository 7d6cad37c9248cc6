package dev.ltb.progress;

import java.util.regex.Pattern;

/** API Gateway connection ids are short base64-like tokens (e.g. {@code L0SM9cOFvHcCIhw=}). */
final class ConnectionIds {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_=+/-]{1,128}");

  private ConnectionIds() {}

  static String require(String connectionId) {
    if (connectionId == null || !ID.matcher(connectionId).matches())
      throw new IllegalArgumentException("connection id must be 1-128 characters of letters, digits and _=+/-");
    return connectionId;
  }
}
