package dev.ltb.tenancy;

/**
 * Which page of a tenant-scoped list: at most {@code limit} entries after the opaque {@code cursor} (null for the
 * first page). Cursors are produced by the adapter that serves the list and mean nothing elsewhere.
 */
public record PageRequest(int limit, String cursor) {

  public static final int MAX_LIMIT = 100;
  public static final int DEFAULT_LIMIT = 25;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT)
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    if (cursor != null && (cursor.isEmpty() || cursor.length() > 1024))
      throw new IllegalArgumentException("cursor must be 1-1024 characters");
  }

  public static PageRequest first(int limit) {
    return new PageRequest(limit, null);
  }

  public static PageRequest first() {
    return first(DEFAULT_LIMIT);
  }
}
