package dev.ltb.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginLimits;
import dev.ltb.plugin.PluginManifest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChicoryPluginRuntimeTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<String> logs = new ArrayList<>();
  private final ChicoryPluginRuntime runtime =
      ChicoryPluginRuntime.builder()
          .logSink((plugin, level, message) -> logs.add(plugin + " " + level + " " + message))
          .build();

  @ParameterizedTest
  @EnumSource(InstanceReuse.class)
  void callsTheEntryPointWithTheInputAndReturnsItsJsonOutput(InstanceReuse reuse) {
    ChicoryPluginRuntime runtime = ChicoryPluginRuntime.builder().instanceReuse(reuse).build();
    Plugin echo = load(runtime, "wat/echo.wat");
    ObjectNode input = NODES.objectNode().put("output", "The capital of France is Paris. Ünïcödé ✓");

    for (int call = 0; call < 3; call++) {
      assertThat(echo.call(input, NODES.objectNode())).isEqualTo(input);
    }
  }

  @Test
  void configValuesAndLogLinesReachThePluginWithTheirCapabilities() {
    byte[] module = TestPlugins.module("wat/config-and-log.wat");
    Plugin plugin = runtime.load(TestPlugins.manifest("greeter", module, "config", "log"), module);
    JsonNode config = Json.mapper().createObjectNode().set("greeting", NODES.objectNode().put("text", "bonjour"));

    JsonNode output = plugin.call(NODES.objectNode(), config);

    assertThat(output).isEqualTo(NODES.objectNode().put("text", "bonjour"));
    assertThat(logs).containsExactly("greeter INFO hello from wasm");
  }

  @Test
  void stringConfigValuesArePassedAsTheyAre() {
    byte[] module = TestPlugins.module("wat/config-and-log.wat");
    ChicoryPlugin plugin =
        (ChicoryPlugin) runtime.load(TestPlugins.manifest("greeter", module, "config", "log"), module);

    byte[] output =
        plugin.callBytes(new byte[0], ChicoryPlugin.configValues(NODES.objectNode().put("greeting", "hi")));

    assertThat(new String(output, StandardCharsets.UTF_8)).isEqualTo("hi");
  }

  @Test
  void refusesAModuleWhoseHashDiffersFromTheManifest() {
    byte[] module = TestPlugins.module("wat/echo.wat");
    PluginManifest manifest = TestPlugins.manifest("echo", module);
    byte[] tampered = module.clone();
    tampered[tampered.length - 1] ^= 1;

    assertThatThrownBy(() -> runtime.load(manifest, tampered))
        .isInstanceOf(PluginException.InvalidManifest.class)
        .hasMessage(
            "plugin echo: the module's SHA-256 is " + Sha256.hex(tampered) + " but plugin.json says "
                + manifest.sha256() + "; the module changed since its manifest was written: rebuild the plugin (its"
                + " build writes sha256) or load the module the manifest was made for");
  }

  @Test
  void compilesEachContentHashOnce() {
    byte[] echo = TestPlugins.module("wat/echo.wat");
    byte[] other = TestPlugins.module("hostile/trap.wat");

    runtime.load(TestPlugins.manifest("echo", echo), echo);
    runtime.load(TestPlugins.manifest("echo-again", echo, new PluginLimits(8, 100, 100)), echo);
    runtime.load(TestPlugins.manifest("other", other), other);
    runtime.load(TestPlugins.manifest("other", other), other);

    assertThat(runtime.compilations()).isEqualTo(2);
  }

  @Test
  void runsCompiledBytecodeNotTheInterpreter() {
    byte[] module = TestPlugins.module("wat/echo.wat");
    ChicoryPlugin plugin = (ChicoryPlugin) runtime.load(TestPlugins.manifest("echo", module), module);

    assertThat(plugin.newInstance().interpreted()).isFalse();
  }

  @Test
  void poolsOnlyInstancesWhoseCallSucceeded() {
    ChicoryPluginRuntime runtime = ChicoryPluginRuntime.builder().instanceReuse(InstanceReuse.POOLED).build();
    byte[] echo = TestPlugins.module("wat/echo.wat");
    byte[] trap = TestPlugins.module("hostile/trap.wat");
    ChicoryPlugin good = (ChicoryPlugin) runtime.load(TestPlugins.manifest("echo", echo), echo);
    ChicoryPlugin bad = (ChicoryPlugin) runtime.load(TestPlugins.manifest("trap", trap), trap);

    good.call(NODES.objectNode(), NODES.objectNode());
    good.call(NODES.objectNode(), NODES.objectNode());
    assertThatThrownBy(() -> bad.call(NODES.objectNode(), NODES.objectNode()))
        .isInstanceOf(PluginException.Trap.class);

    assertThat(good.pooledInstances()).isEqualTo(1);
    assertThat(bad.pooledInstances()).isZero();
  }

  @Test
  void aPooledInstanceStartsEveryCallAsAFreshOneWould() {
    ChicoryPluginRuntime runtime = ChicoryPluginRuntime.builder().instanceReuse(InstanceReuse.POOLED).build();
    byte[] module = TestPlugins.module("wat/stateful.wat");
    ChicoryPlugin plugin = (ChicoryPlugin) runtime.load(TestPlugins.manifest("stateful", module), module);

    for (int call = 0; call < 3; call++) {
      assertThat(plugin.call(NODES.objectNode(), NODES.objectNode()).path("pass").asBoolean()).as("call " + call).isTrue();
    }
    assertThat(plugin.pooledInstances()).isEqualTo(1);
  }

  @Test
  void aPooledInstanceWhoseMemoryGrewIsDiscarded() {
    ChicoryPluginRuntime runtime = ChicoryPluginRuntime.builder().instanceReuse(InstanceReuse.POOLED).build();
    byte[] module = TestPlugins.module("wat/stateful.wat");
    ChicoryPlugin plugin = (ChicoryPlugin) runtime.load(TestPlugins.manifest("stateful", module), module);
    ObjectNode growing = NODES.objectNode().put("output", "grow the memory, please");

    assertThat(plugin.call(growing, NODES.objectNode()).path("pass").asBoolean()).isTrue();
    assertThat(plugin.pooledInstances()).isZero();
    assertThat(plugin.call(NODES.objectNode(), NODES.objectNode()).path("pass").asBoolean()).isTrue();
    assertThat(plugin.pooledInstances()).isEqualTo(1);
  }

  @Test
  void callsRunConcurrentlyFromVirtualThreadsEachWithItsOwnInput() throws Exception {
    Plugin echo = load(runtime, "wat/echo.wat");
    byte[] slow = TestPlugins.module("hostile/loop-forever.wat");
    Plugin looping = runtime.load(TestPlugins.manifest("looping", slow, new PluginLimits(16, 100, 1024)), slow);
    List<Future<JsonNode>> echoes = new ArrayList<>();
    List<Future<Throwable>> timeouts = new ArrayList<>();

    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        ObjectNode input = NODES.objectNode().put("output", "answer " + i);
        echoes.add(threads.submit(() -> echo.call(input, NODES.objectNode())));
      }
      for (int i = 0; i < 8; i++) {
        timeouts.add(threads.submit(() -> catching(() -> looping.call(NODES.objectNode(), NODES.objectNode()))));
      }
    }

    for (int i = 0; i < echoes.size(); i++) {
      assertThat(echoes.get(i).get().get("output").asText()).isEqualTo("answer " + i);
    }
    for (Future<Throwable> timeout : timeouts) {
      assertThat(timeout.get()).isInstanceOf(PluginException.Timeout.class);
    }
  }

  @Test
  void usesAModulePrecompiledAtBuildTimeForItsHash() {
    byte[] module = TestPlugins.module("wat/echo.wat");
    var parsed = com.dylibso.chicory.wasm.Parser.parse(module);
    var compiledAtBuild = com.dylibso.chicory.compiler.MachineFactoryCompiler.compile(parsed);
    ChicoryPluginRuntime runtime =
        ChicoryPluginRuntime.builder().precompiled(Sha256.hex(module), parsed, compiledAtBuild).build();

    ChicoryPlugin plugin = (ChicoryPlugin) runtime.load(TestPlugins.manifest("echo", module), module);

    assertThat(plugin.aheadOfTime()).isTrue();
    assertThat(runtime.compilations()).as("taken from the build, not compiled at load").isZero();
    assertThat(plugin.call(NODES.objectNode().put("a", 1), null)).isEqualTo(NODES.objectNode().put("a", 1));
  }

  private static Plugin load(ChicoryPluginRuntime runtime, String resource) {
    byte[] module = TestPlugins.module(resource);
    return runtime.load(TestPlugins.manifest("echo", module), module);
  }

  private static Throwable catching(Runnable call) {
    try {
      call.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

}
