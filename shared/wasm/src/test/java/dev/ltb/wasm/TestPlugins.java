package dev.ltb.wasm;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.ltb.plugin.PluginKind;
import dev.ltb.plugin.PluginLimits;
import dev.ltb.plugin.PluginManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test modules: WAT sources under src/test/resources compiled with wabt (wat2wasm) at test time. */
final class TestPlugins {

  private static final Map<String, byte[]> COMPILED = new ConcurrentHashMap<>();

  private TestPlugins() {}

  /** The module compiled from {@code resource} (a .wat file), or its raw bytes for any other file. */
  static byte[] module(String resource) {
    return COMPILED.computeIfAbsent(resource, TestPlugins::compile).clone();
  }

  static PluginManifest manifest(String name, byte[] module, PluginLimits limits, String... capabilities) {
    return new PluginManifest(
        name, "1.0.0", PluginKind.EVALUATOR, null, name + ".wasm", Sha256.hex(module), null, Set.of(capabilities), limits);
  }

  static PluginManifest manifest(String name, byte[] module, String... capabilities) {
    return manifest(name, module, PluginLimits.DEFAULTS, capabilities);
  }

  private static byte[] compile(String resource) {
    byte[] bytes = read(resource);
    if (!resource.endsWith(".wat")) return bytes;
    return Wat2Wasm.parse(new String(bytes, StandardCharsets.UTF_8));
  }

  private static byte[] read(String resource) {
    try (InputStream in = TestPlugins.class.getResourceAsStream("/" + resource)) {
      if (in == null) throw new IllegalArgumentException("no test resource " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
