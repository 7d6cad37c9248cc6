package dev.ltb.plugin;

import java.util.Objects;

/**
 * What the suite loader needs to check a suite's plugins before anything runs.
 *
 * @param locator finds declared plugins on disk and bundled ones by name
 * @param runtime loads (compiles) each module to check its imports and exports against the sandbox; null to
 *     check files, manifests and hashes only
 */
public record PluginSupport(PluginLocator locator, PluginRuntime runtime) {

  /** No bundled plugins and no runtime: declared plugins are checked on disk only. */
  public static final PluginSupport FILES_ONLY = new PluginSupport(new PluginLocator(PluginCatalog.EMPTY), null);

  public PluginSupport {
    Objects.requireNonNull(locator, "locator");
  }

  public static PluginSupport of(PluginCatalog bundled, PluginRuntime runtime) {
    return new PluginSupport(new PluginLocator(bundled), runtime);
  }
}
