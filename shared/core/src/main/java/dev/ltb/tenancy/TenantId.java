package dev.ltb.tenancy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A tenant's id: 3-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit (the
 * shape of a DNS label, so it also fits S3 prefixes and IAM condition values). Every tenant-scoped port takes
 * this type, never a bare string, so an unvalidated id cannot reach a key.
 */
public record TenantId(String value) implements Comparable<TenantId> {

  private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

  public TenantId {
    if (value == null || !FORMAT.matcher(value).matches())
      throw new InvalidIdException(
          "tenant", value, "3-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit");
  }

  @JsonCreator
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  /** The DynamoDB partition key prefix of everything this tenant owns. */
  public String partitionKey() {
    return "TENANT#" + value;
  }

  /** The S3 prefix of everything this tenant owns, ending with {@code /}. */
  public String blobPrefix() {
    return "tenants/" + value + "/";
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }

  @Override
  public int compareTo(TenantId other) {
    return value.compareTo(other.value);
  }
}
