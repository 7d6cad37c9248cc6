package dev.ltb.suite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Stores a resolved suite as JSON and reads it back, so a run can be resumed, replayed or shipped to a
 * cloud worker without the files it was loaded from. The stream variants never hold the whole JSON text,
 * which for a suite of 100,000 tests is tens of megabytes.
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
      throw unreadable(e);
    }
  }

  /** Writes the same JSON as {@link #toJson} to {@code out} as UTF-8, leaving {@code out} open. */
  public static void write(Suite suite, OutputStream out) throws IOException {
    Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, suite);
  }

  /** Reads a suite written by {@link #write} (or {@link #toJson}, as UTF-8) from {@code in}. */
  public static Suite read(InputStream in) throws IOException {
    try {
      return Json.mapper().readValue(in, Suite.class);
    } catch (JsonProcessingException e) {
      throw unreadable(e);
    }
  }

  private static IllegalArgumentException unreadable(JsonProcessingException e) {
    return new IllegalArgumentException("stored suite is not readable: " + e.getOriginalMessage(), e);
  }
}
