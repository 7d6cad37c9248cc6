package dev.ltb.plugins.bundled;

import com.dylibso.chicory.runtime.CompiledModule;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginCatalog;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.wasm.ChicoryPluginRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugins that ship with ltb, built from plugins/ by build.sh and compiled to JVM bytecode at build time
 * (the {@code *Module} classes the Chicory compiler plugin generates), so loading one compiles nothing. A suite
 * uses them by name ({@code type: plugin:contains-all}) without declaring them: {@link #catalog()}.
 *
 * <pre>{@code
 * ChicoryPluginRuntime runtime = BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build();
 * Plugin notEmpty = BundledPlugins.load(runtime, "not-empty");
 * }</pre>
 */
public final class BundledPlugins {

  private static final String RESOURCES = "/dev/ltb/plugins/bundled/";

  /** The build-time-compiled modules, loaded on first use only (suites without plugins never pay for them). */
  private static final class Compiled {
    static final Map<String, CompiledModule> MODULES =
        Map.of(
            "contains-all", new ContainsAllModule(),
            "max-words", new MaxWordsModule(),
            "not-empty", new NotEmptyModule(),
            "strip-think", new StripThinkModule(),
            "weakest-link", new WeakestLinkModule());
  }

  /** The bundled plugins' names, as suites write them after {@code plugin:}, sorted. */
  public static final List<String> NAMES = List.of("contains-all", "max-words", "not-empty", "strip-think", "weakest-link");

  private static final PluginCatalog CATALOG =
      new PluginCatalog() {
        @Override
        public Optional<PluginPackage> find(String name) {
          return NAMES.contains(name) ? Optional.of(pluginPackage(name)) : Optional.empty();
        }

        @Override
        public List<String> names() {
          return NAMES;
        }
      };

  private BundledPlugins() {}

  /** Registers the build-time-compiled machines of every bundled plugin with a runtime builder. */
  public static ChicoryPluginRuntime.Builder precompiled(ChicoryPluginRuntime.Builder builder) {
    for (String name : NAMES) builder.precompiled(manifest(name).sha256(), Compiled.MODULES.get(name));
    return builder;
  }

  /** The bundled plugins by name, for the suite loader and runs. */
  public static PluginCatalog catalog() {
    return CATALOG;
  }

  public static PluginManifest manifest(String name) {
    return PluginManifest.parse(new String(resource(name, "plugin.json"), StandardCharsets.UTF_8), name + "/plugin.json");
  }

  public static byte[] module(String name) {
    return resource(name, manifest(name).module());
  }

  public static Plugin load(PluginRuntime runtime, String name) {
    return runtime.load(manifest(name), module(name));
  }

  private static PluginPackage pluginPackage(String name) {
    return new PluginPackage(manifest(name), module(name), "bundled plugin " + name);
  }

  private static byte[] resource(String name, String file) {
    if (!NAMES.contains(name)) throw new IllegalArgumentException("no bundled plugin " + name + "; there are " + NAMES);
    try (InputStream in = BundledPlugins.class.getResourceAsStream(RESOURCES + name + "/" + file)) {
      if (in == null) throw new IllegalStateException("bundled plugin " + name + " lacks " + file + ": run plugins/build.sh");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
