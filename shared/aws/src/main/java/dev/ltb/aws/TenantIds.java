package dev.ltb.aws;

import java.util.regex.Pattern;

/**
 * Tenant ids as every AWS adapter accepts them: 1 to 128 letters, digits, {@code .}, {@code _} or {@code -}.
 * They are part of DynamoDB keys ({@code TENANT#<id>}), S3 keys ({@code tenants/<id>/}) and secret names, so
 * no {@code #} or {@code /} may let one tenant's key look like another's.
 */
public final class TenantIds {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private TenantIds() {}

  /** Returns the id if valid, else throws IllegalArgumentException saying what is allowed. */
  public static String check(String tenantId) {
    if (tenantId == null || !VALID.matcher(tenantId).matches())
      throw new IllegalArgumentException(
          "Tenant id '" + tenantId + "' is not valid: use 1 to 128 letters, digits, '.', '_' or '-'");
    return tenantId;
  }
}
