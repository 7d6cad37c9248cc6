package dev.ltb.api;

import java.util.Map;

/**
 * What {@code POST /runs} asks for: a stored suite ({@code suiteId}, optionally a {@code suiteVersion}) or an inline
 * {@code suite} text in YAML or JSON ({@code format}, guessed when absent), never both.
 *
 * @param vars variables merged into the suite's {@code defaultTest.vars}
 * @param maxConcurrency shards processed at once; null for the default
 */
public record StartRun(
    String suiteId, Integer suiteVersion, String suite, String format, Map<String, String> vars,
    Integer maxConcurrency) {

  public StartRun {
    vars = vars == null ? Map.of() : Map.copyOf(vars);
  }

  public static StartRun stored(String suiteId) {
    return new StartRun(suiteId, null, null, null, Map.of(), null);
  }

  public static StartRun inline(String suite, String format) {
    return new StartRun(null, null, suite, format, Map.of(), null);
  }
}
