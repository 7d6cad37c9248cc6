package dev.ltb.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.json.Json;

/**
 * Stores a resolved suite as JSON and reads it back, so a run can be resumed, replayed or shipped to a
 * cloud worker without the files it was loaded from.
 */
public final class SuiteCodec {

  private SuiteCodec() {}

  public static String toJson(Suite suite) {
    return Json.write(suite);
  }

  public static Suite fromJson(String json) {
    try {
      return Json.mapper().readValue(json, Suite.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored suite is not readable: " + e.getOriginalMessage(), e);
    }
  }
}
