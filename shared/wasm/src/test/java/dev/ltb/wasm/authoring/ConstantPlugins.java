package dev.ltb.wasm.authoring;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.plugin.PluginKind;
import dev.ltb.plugin.PluginManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Plugins of any kind that answer every call with the same JSON, written in WAT and compiled here. */
final class ConstantPlugins {

  private ConstantPlugins() {}

  static String wat(PluginKind kind, String output) {
    int length = output.getBytes(StandardCharsets.UTF_8).length;
    return """
        (module
          (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
          (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
          (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
          (memory (export "memory") 1)
          (data (i32.const 0) "%s")
          (func (export "%s") (result i32)
            (local $block i64) (local $i i32)
            (local.set $block (call $alloc (i64.const %d)))
            (block $done
              (loop $copy
                (br_if $done (i32.ge_u (local.get $i) (i32.const %d)))
                (call $store_u8 (i64.add (local.get $block) (i64.extend_i32_u (local.get $i)))
                                (i32.load8_u (local.get $i)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $copy)))
            (call $output_set (local.get $block) (i64.const %d))
            (i32.const 0)))
        """
        .formatted(output.replace("\\", "\\\\").replace("\"", "\\\""), kind.export(), length, length, length);
  }

  /** Writes {@code folder/name.wasm} and its {@code plugin.json}. */
  static void write(Path folder, String name, PluginKind kind, String output) throws IOException {
    byte[] module = Wat2Wasm.parse(wat(kind, output));
    Files.createDirectories(folder);
    Files.write(folder.resolve(name + ".wasm"), module);
    PluginManifest manifest =
        new PluginManifest(name, "1.0.0", kind, null, name + ".wasm", ModuleHash.sha256(module), null, Set.of(), null);
    Files.writeString(folder.resolve("plugin.json"), manifest.toJson());
  }
}
