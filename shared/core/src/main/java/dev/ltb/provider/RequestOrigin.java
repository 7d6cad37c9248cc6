package dev.ltb.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The work item a request is made for. Vendors never see it; offline providers ({@code scripted}) use it to
 * answer per test, and to tell a retried call of one item from a call of another.
 *
 * @param itemId the work item's stable id (includes the repeat index), or null outside a run
 * @param testDescription the test's description, or null
 * @param vars the test's variables
 */
public record RequestOrigin(String itemId, String testDescription, Map<String, Object> vars) {

  /** A request made outside a run (a single call from a tool or a test). */
  public static final RequestOrigin NONE = new RequestOrigin(null, null, Map.of());

  public RequestOrigin {
    vars = vars == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(vars));
  }
}
