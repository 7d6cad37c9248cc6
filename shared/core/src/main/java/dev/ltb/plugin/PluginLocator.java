package dev.ltb.plugin;

import dev.ltb.suite.PluginSpec;
import java.nio.file.Path;
import java.util.Objects;

/** Finds the plugin a suite's declaration names: on disk at its path, or among the bundled ones by name. */
public final class PluginLocator {

  private final PluginCatalog bundled;

  public PluginLocator(PluginCatalog bundled) {
    this.bundled = Objects.requireNonNull(bundled, "bundled");
  }

  public PluginCatalog bundled() {
    return bundled;
  }

  /**
   * The package a declaration names, with the suite's limits applied; its manifest's hash checked against the
   * module, not yet against the declaration's pin (see {@link #locate}).
   *
   * @throws PluginException.NotFound when no plugin is at the path, or no bundled plugin has the name
   * @throws PluginException.InvalidManifest when the manifest is invalid, names another plugin, or its hash differs
   */
  public PluginPackage find(PluginSpec spec) {
    PluginPackage found =
        spec.isBundled()
            ? bundled
                .find(spec.name())
                .orElseThrow(
                    () -> new PluginException.NotFound(
                        "no bundled plugin named " + spec.name() + "; give its path under plugins: (bundled: "
                            + (bundled.names().isEmpty() ? "none" : String.join(", ", bundled.names())) + ")"))
            : PluginFiles.read(Path.of(spec.path()));
    if (!found.manifest().name().equals(spec.name()))
      throw new PluginException.InvalidManifest(
          found.source() + " holds plugin \"" + found.manifest().name() + "\", not \"" + spec.name()
              + "\": name it " + found.manifest().name() + " in the suite (plugin:" + found.manifest().name() + ")");
    return spec.limits() == null ? found : found.withLimits(spec.limits().applyTo(found.manifest().limits()));
  }

  /**
   * {@link #find}, then the module's hash checked against the declaration's {@code sha256} when it has one.
   *
   * @throws PluginException.InvalidManifest when the module is not the one the declaration pins
   */
  public PluginPackage locate(PluginSpec spec) {
    PluginPackage found = find(spec);
    if (spec.sha256() != null && !spec.sha256().equalsIgnoreCase(found.manifest().sha256()))
      throw new PluginException.InvalidManifest(pinMismatch(spec, found));
    return found;
  }

  /** The message for a module that is not the one the suite pins. */
  public static String pinMismatch(PluginSpec spec, PluginPackage found) {
    return "plugin " + spec.name() + " is pinned to sha256 " + spec.sha256().toLowerCase() + " but "
        + found.source() + " has " + found.manifest().sha256() + ": the plugin changed; rebuild the one you meant,"
        + " or update sha256 in the suite if the change is intended";
  }
}
