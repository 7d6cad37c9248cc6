package dev.ltb.rest;

import dev.ltb.api.ApiException;
import dev.ltb.tenancy.PageRequest;

/** {@code limit} and {@code cursor} query parameters. */
final class Pages {

  private Pages() {}

  static PageRequest of(Integer limit, String cursor) {
    int size = limit == null ? PageRequest.DEFAULT_LIMIT : limit;
    if (size < 1 || size > PageRequest.MAX_LIMIT)
      throw ApiException.invalidField("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
    if (cursor != null && (cursor.isEmpty() || cursor.length() > 1024))
      throw ApiException.invalidField("cursor", "is not a cursor this list produced; pass nextCursor unchanged");
    return new PageRequest(size, cursor);
  }
}
