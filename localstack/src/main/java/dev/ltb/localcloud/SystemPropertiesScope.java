package dev.ltb.localcloud;

import java.util.HashMap;
import java.util.Map;

/** System properties set for a while; {@link #close()} restores what was there before (or clears them). */
public final class SystemPropertiesScope implements AutoCloseable {

  private final Map<String, String> previous;

  private SystemPropertiesScope(Map<String, String> previous) {
    this.previous = previous;
  }

  static synchronized SystemPropertiesScope apply(Map<String, String> properties) {
    Map<String, String> previous = new HashMap<>();
    properties.forEach((key, value) -> {
      previous.put(key, System.getProperty(key));
      System.setProperty(key, value);
    });
    return new SystemPropertiesScope(previous);
  }

  @Override
  public synchronized void close() {
    previous.forEach((key, value) -> {
      if (value == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, value);
      }
    });
  }
}
