package dev.ltb.dataset;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A suite's reference to an uploaded dataset: {@code dataset://<name>@sha256:<hex>} names one version exactly;
 * {@code dataset://<name>} names the newest ready version, resolved once when the run is planned.
 *
 * @param sha256 the pinned version, lowercase hex, or null for the newest ready one
 */
public record DatasetRef(String name, String sha256) {

  public static final String SCHEME = "dataset://";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern REF = Pattern.compile("dataset://([^@]+)(?:@sha256:(.*))?");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public DatasetRef {
    requireName(name);
    if (sha256 != null) sha256 = requireSha256(sha256);
  }

  public static boolean isReference(String text) {
    return text != null && text.startsWith(SCHEME);
  }

  /**
   * @throws IllegalArgumentException saying how a reference is written
   */
  public static DatasetRef parse(String text) {
    Matcher matcher = REF.matcher(text == null ? "" : text.strip());
    if (!matcher.matches())
      throw new IllegalArgumentException(
          "a dataset reference is dataset://<name> or dataset://<name>@sha256:<64 hex digits>, got \"" + text + "\"");
    return new DatasetRef(matcher.group(1), matcher.group(2));
  }

  /** Whether this names one version rather than the newest. */
  public boolean pinned() {
    return sha256 != null;
  }

  @Override
  public String toString() {
    return SCHEME + name + (sha256 == null ? "" : "@sha256:" + sha256);
  }

  public static String requireName(String name) {
    if (name == null || name.length() > 64 || !NAME.matcher(name).matches())
      throw new IllegalArgumentException(
          "a dataset name is kebab-case, at most 64 characters (e.g. capital-cities), got \"" + name + "\"");
    return name;
  }

  /** The hash in lowercase; upper-case hex digits are accepted. */
  public static String requireSha256(String sha256) {
    String hash = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(hash).matches())
      throw new IllegalArgumentException("a dataset's sha256 is 64 hex digits, got \"" + sha256 + "\"");
    return hash;
  }
}
