package dev.ltb.tenancy;

import java.util.regex.Pattern;

/**
 * The one place where ids from outside are checked. Ids end up in DynamoDB keys ({@code TENANT#<id>#RUN#<id>}),
 * S3 keys and log lines, so only a small alphabet passes: no {@code #} or {@code /} (key and path separators), no
 * dots (no {@code ..}), no wildcards, quotes, whitespace, control or non-ASCII characters. A filter or key that
 * could reach another tenant's items cannot be written with it.
 */
public final class Ids {

  /** Run, suite, hook, webhook, plugin and delivery ids: letters, digits, {@code _} and {@code -}, up to 128. */
  private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

  static final String RESOURCE_ID_FORM = "1-128 characters of A-Z, a-z, 0-9, '_' and '-', starting with a letter or digit";

  private static final int EXCERPT = 40;

  private Ids() {}

  /** Returns {@code value} when it is a valid resource id, otherwise throws naming {@code field}. */
  public static String requireResourceId(String field, String value) {
    if (value == null || !RESOURCE_ID.matcher(value).matches())
      throw new InvalidIdException(field, value, RESOURCE_ID_FORM);
    return value;
  }

  public static boolean isResourceId(String value) {
    return value != null && RESOURCE_ID.matcher(value).matches();
  }

  /**
   * A quoted, printable excerpt of an untrusted value for error messages: control and non-ASCII characters are
   * escaped as {@code \\uXXXX} and long values are cut, so the text cannot forge log lines or carry a payload.
   */
  public static String describe(String value) {
    if (value == null) return "(missing)";
    StringBuilder text = new StringBuilder("\"");
    int shown = Math.min(value.length(), EXCERPT);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') text.append(c);
      else text.append(String.format("\\u%04x", (int) c));
    }
    text.append('"');
    if (value.length() > EXCERPT) text.append("… (").append(value.length()).append(" characters)");
    return text.toString();
  }
}
