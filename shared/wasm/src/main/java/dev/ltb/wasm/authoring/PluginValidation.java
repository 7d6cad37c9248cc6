package dev.ltb.wasm.authoring;

import java.util.List;

/**
 * What {@link PluginValidator} found, check by check, in order.
 *
 * @param checks each check with whether it passed and what was seen
 */
public record PluginValidation(List<Check> checks) {

  public PluginValidation {
    checks = List.copyOf(checks);
  }

  /** One check: e.g. "manifest", "module", "exports", "smoke call". */
  public record Check(String name, boolean passed, String detail) {}

  public boolean valid() {
    return checks.stream().allMatch(Check::passed);
  }
}
