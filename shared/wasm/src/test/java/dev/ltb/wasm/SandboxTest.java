package dev.ltb.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginLimits;
import dev.ltb.plugin.PluginManifest;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the sandbox, proven by a hostile module that breaks it: the module is refused at load, or
 * its call fails with the exception that names what it did. Modules are WAT sources in src/test/resources.
 */
class SandboxTest {

  private static final JsonNode INPUT = JsonNodeFactory.instance.objectNode().put("output", "Paris");
  private static final JsonNode NO_CONFIG = JsonNodeFactory.instance.objectNode();
  /** Small limits so each hostile call ends fast: 16 pages (1 MiB), 200 ms, 64 KiB of output. */
  private static final PluginLimits SMALL = new PluginLimits(16, 200, 64 * 1024);

  private final ChicoryPluginRuntime runtime = ChicoryPluginRuntime.builder().build();

  static Stream<Arguments> refusedAtLoad() {
    return Stream.of(
        Arguments.of(
            "hostile/not-wasm.bin",
            PluginException.InvalidModule.class,
            "plugin hostile: the module is not valid WebAssembly"),
        Arguments.of(
            "hostile/missing-export.wat",
            PluginException.MissingExport.class,
            "plugin hostile does not export function 'evaluate', which every evaluator plugin must (its exports: run)"),
        Arguments.of(
            "hostile/wrong-export-type.wat",
            PluginException.MissingExport.class,
            "plugin hostile exports 'evaluate' as (I32) -> (I32), but an Extism entry point takes nothing and returns"
                + " an i32 (0 for success)"),
        Arguments.of(
            "hostile/wasi-fd_write.wat",
            PluginException.InvalidModule.class,
            "plugin hostile imports wasi_snapshot_preview1.fd_write, but the sandbox provides no WASI (no filesystem,"
                + " network, clock or environment): build the module without WASI (see docs/plugins.md)"),
        Arguments.of("hostile/wasi-path_open.wat", PluginException.InvalidModule.class, "wasi_snapshot_preview1.path_open"),
        Arguments.of(
            "hostile/wasi-sock_accept.wat", PluginException.InvalidModule.class, "wasi_snapshot_preview1.sock_accept"),
        Arguments.of(
            "hostile/wasi-clock_time_get.wat",
            PluginException.InvalidModule.class,
            "wasi_snapshot_preview1.clock_time_get"),
        Arguments.of(
            "hostile/wasi-environ_get.wat", PluginException.InvalidModule.class, "wasi_snapshot_preview1.environ_get"),
        Arguments.of(
            "hostile/wasi-random_get.wat", PluginException.InvalidModule.class, "wasi_snapshot_preview1.random_get"),
        Arguments.of(
            "hostile/http.wat",
            PluginException.InvalidModule.class,
            "plugin hostile imports extism:host/env.http_request, which needs capability 'http'; this host grants"
                + " only config and log"),
        Arguments.of(
            "hostile/unknown-import.wat",
            PluginException.InvalidModule.class,
            "plugin hostile imports env.system, which this host does not provide"),
        Arguments.of(
            "hostile/log-undeclared.wat",
            PluginException.InvalidManifest.class,
            "plugin hostile imports extism:host/env.log_info, which needs capability 'log': add \"log\" to"
                + " capabilities in plugin.json"),
        Arguments.of(
            "hostile/large-initial-memory.wat",
            PluginException.MemoryLimit.class,
            "plugin hostile starts with 1000 pages of memory, more than its limit of 16 pages (limits.memoryPages in"
                + " plugin.json)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedAtLoad")
  void refusesAtLoad(String resource, Class<? extends PluginException> expected, String message) {
    byte[] module = TestPlugins.module(resource);

    assertThatThrownBy(() -> runtime.load(TestPlugins.manifest("hostile", module, SMALL), module))
        .isInstanceOf(expected)
        .hasMessageContaining(message);
  }

  static Stream<Arguments> failsTheCall() {
    return Stream.of(
        Arguments.of(
            "hostile/loop-forever.wat",
            PluginException.Timeout.class,
            "plugin hostile ran longer than its limit of 200 ms and was stopped (limits.timeoutMs in plugin.json)"),
        Arguments.of(
            "hostile/loop-forever-in-start.wat",
            PluginException.Timeout.class,
            "plugin hostile ran longer than its limit of 200 ms and was stopped"),
        Arguments.of(
            "hostile/grow-memory.wat",
            PluginException.MemoryLimit.class,
            "plugin hostile trapped after using all 16 pages (1 MiB) of memory it may use (limits.memoryPages in"
                + " plugin.json)"),
        Arguments.of(
            "hostile/alloc-forever.wat",
            PluginException.MemoryLimit.class,
            "plugin hostile tried to allocate 1048576 bytes of Extism memory with 24 in use, over its limit of"
                + " 1048576 bytes (limits.memoryPages in plugin.json sets it)"),
        Arguments.of("hostile/trap.wat", PluginException.Trap.class, "plugin hostile trapped: "),
        Arguments.of("hostile/divide-by-zero.wat", PluginException.Trap.class, "plugin hostile trapped: "),
        Arguments.of(
            "hostile/recurse-forever.wat",
            PluginException.Trap.class,
            "plugin hostile trapped: call stack exhausted"),
        Arguments.of("hostile/out-of-bounds.wat", PluginException.Trap.class, "plugin hostile trapped: "),
        Arguments.of(
            "hostile/kernel-out-of-bounds.wat",
            PluginException.Trap.class,
            "plugin hostile made an invalid Extism call: access to Extism memory at offset 123456789 (+8) outside"
                + " its allocated blocks"),
        Arguments.of(
            "hostile/malformed-json.wat",
            PluginException.MalformedOutput.class,
            "plugin hostile returned output that is not JSON"),
        Arguments.of(
            "hostile/no-output.wat",
            PluginException.MalformedOutput.class,
            "plugin hostile returned no output: its evaluate function must set one"),
        Arguments.of(
            "hostile/gigantic-output.wat",
            PluginException.MemoryLimit.class,
            "plugin hostile tried to allocate 4194304 bytes of Extism memory"),
        Arguments.of(
            "hostile/lying-output-length.wat",
            PluginException.OutputTooLarge.class,
            "plugin hostile returned 1099511627776 bytes of output, over its limit of 65536 bytes"
                + " (limits.maxOutputBytes in plugin.json)"),
        Arguments.of(
            "hostile/reports-error.wat",
            PluginException.PluginError.class,
            "plugin hostile failed (code 1): expected must be a list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failsTheCall")
  void failsTheCall(String resource, Class<? extends PluginException> expected, String message) {
    Plugin plugin = load(resource, SMALL);

    assertThatThrownBy(() -> plugin.call(INPUT, NO_CONFIG)).isInstanceOf(expected).hasMessageContaining(message);
    assertThat(Thread.currentThread().isInterrupted()).as("the caller's thread is left uninterrupted").isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failsTheCall")
  void failsTheCallAgainWithAFreshInstance(String resource, Class<? extends PluginException> expected, String message) {
    Plugin plugin = load(resource, SMALL);
    for (int call = 0; call < 3; call++) {
      assertThatThrownBy(() -> plugin.call(INPUT, NO_CONFIG)).isInstanceOf(expected).hasMessageContaining(message);
    }
  }

  @org.junit.jupiter.api.Test
  void outputWithinMemoryButOverTheOutputLimitIsRefused() {
    Plugin plugin = load("hostile/gigantic-output.wat", new PluginLimits(256, 2_000, 1024 * 1024));

    assertThatThrownBy(() -> plugin.call(INPUT, NO_CONFIG))
        .isInstanceOf(PluginException.OutputTooLarge.class)
        .hasMessage(
            "plugin hostile returned 4194304 bytes of output, over its limit of 1048576 bytes (limits.maxOutputBytes"
                + " in plugin.json)");
  }

  @org.junit.jupiter.api.Test
  void truncatedModuleIsNotValidWebAssembly() {
    byte[] valid = TestPlugins.module("wat/echo.wat");
    byte[] truncated = Arrays.copyOf(valid, valid.length / 2);

    assertThatThrownBy(() -> runtime.load(TestPlugins.manifest("hostile", truncated), truncated))
        .isInstanceOf(PluginException.InvalidModule.class)
        .hasMessageStartingWith("plugin hostile: the module is not valid WebAssembly");
  }

  @org.junit.jupiter.api.Test
  void capabilitiesBeyondLogAndConfigAreNotGranted() {
    byte[] module = TestPlugins.module("wat/echo.wat");
    PluginManifest manifest = TestPlugins.manifest("greedy", module, "log", "http", "wasi-fs");

    assertThatThrownBy(() -> runtime.load(manifest, module))
        .isInstanceOf(PluginException.InvalidManifest.class)
        .hasMessage(
            "plugin greedy asks for http, wasi-fs, which this host does not grant: v1 grants only config and log (no"
                + " filesystem, network, clock or environment)");
  }

  private Plugin load(String resource, PluginLimits limits) {
    byte[] module = TestPlugins.module(resource);
    return runtime.load(TestPlugins.manifest("hostile", module, limits), module);
  }
}
