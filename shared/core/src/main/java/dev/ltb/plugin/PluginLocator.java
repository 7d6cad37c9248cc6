package dev.ltb.plugin;

import dev.ltb.suite.PluginSpec;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Finds the plugin a suite's declaration names: on disk at its path, among the tenant's uploaded ones by name
 * and pinned hash, or among the bundled ones by name.
 */
public final class PluginLocator {

  private final PluginCatalog bundled;
  private final UploadedPlugins uploaded;
  private final boolean readsFiles;

  /** Plugins on disk and the bundled ones: the local CLI. */
  public PluginLocator(PluginCatalog bundled) {
    this(bundled, UploadedPlugins.NONE, true);
  }

  /**
   * @param uploaded the tenant's uploaded plugins, consulted for a declaration without a path that pins a hash
   * @param readsFiles whether a declaration's {@code path} may be read (false in the cloud, which has no files)
   */
  public PluginLocator(PluginCatalog bundled, UploadedPlugins uploaded, boolean readsFiles) {
    this.bundled = Objects.requireNonNull(bundled, "bundled");
    this.uploaded = Objects.requireNonNull(uploaded, "uploaded");
    this.readsFiles = readsFiles;
  }

  /** The plugins of the cloud: bundled and uploaded ones, never files. */
  public static PluginLocator cloud(PluginCatalog bundled, UploadedPlugins uploaded) {
    return new PluginLocator(bundled, uploaded, false);
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
    PluginPackage found = spec.isBundled() ? byName(spec) : onDisk(spec);
    if (!found.manifest().name().equals(spec.name()))
      throw new PluginException.InvalidManifest(
          found.source() + " holds plugin \"" + found.manifest().name() + "\", not \"" + spec.name()
              + "\": name it " + found.manifest().name() + " in the suite (plugin:" + found.manifest().name() + ")");
    return spec.limits() == null ? found : found.withLimits(spec.limits().applyTo(found.manifest().limits()));
  }

  private PluginPackage onDisk(PluginSpec spec) {
    if (!readsFiles)
      throw new PluginException.NotFound(
          "a plugin cannot be read from a path here (the cloud has no files): upload it (ltb submit uploads the"
              + " plugins a suite declares by path) and declare it by name with its hash: plugins: {" + spec.name()
              + ": {sha256: <its module's sha256>}}");
    return PluginFiles.read(Path.of(spec.path()));
  }

  private PluginPackage byName(PluginSpec spec) {
    if (spec.sha256() != null) {
      var upload = uploaded.find(spec.name(), spec.sha256().toLowerCase(java.util.Locale.ROOT));
      if (upload.isPresent()) return upload.get();
    }
    return bundled
        .find(spec.name())
        .orElseThrow(
            () -> new PluginException.NotFound(
                (uploaded == UploadedPlugins.NONE
                        ? "no bundled plugin named " + spec.name() + "; give its path under plugins:"
                        : spec.sha256() == null
                            ? "no bundled plugin named " + spec.name() + "; pin an uploaded one by its module's hash"
                                + " (plugins: {" + spec.name() + ": {sha256: ...}})"
                            : "no uploaded plugin " + spec.name() + " with sha256 " + spec.sha256()
                                + " and no bundled one of that name; upload it first")
                    + " (bundled: " + (bundled.names().isEmpty() ? "none" : String.join(", ", bundled.names()))
                    + ")"));
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
