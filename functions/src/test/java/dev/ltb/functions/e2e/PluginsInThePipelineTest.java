package dev.ltb.functions.e2e;

import static dev.ltb.functions.e2e.LocalPipeline.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ltb.engine.ItemResult;
import dev.ltb.pipeline.StoredPlugins;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.plugins.bundled.BundledPlugins;
import dev.ltb.run.RunRecord;
import dev.ltb.run.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Plugins run in the cloud pipeline as in {@code ltb run}: bundled ones by name, and a tenant's uploaded one by
 * name and hash, with the module unchanged. The cloud has no files, so a plugin path is refused at plan with a
 * message saying what to do instead.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginsInThePipelineTest {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

  private LocalPipeline pipeline;
  private String uploadedSha256;

  @BeforeAll
  void startCloud() {
    pipeline = LocalPipeline.start(UnaryOperator.identity(), 2, WorkerSettings.defaults().withStatusPollInterval(Duration.ofMillis(200)));
    // The tenant's own plugin: the max-words module, byte for byte, uploaded under another name.
    PluginManifest bundled = BundledPlugins.manifest("max-words");
    PluginManifest renamed =
        new PluginManifest(
            "word-cap", "2.0.0", bundled.kind(), "At most `value` words (uploaded by the tenant)", "word-cap.wasm",
            bundled.sha256(), bundled.configSchema(), bundled.capabilities(), bundled.limits());
    uploadedSha256 =
        new StoredPlugins(pipeline.aws().blobStore(), TENANT)
            .put(new PluginPackage(renamed, BundledPlugins.module("max-words"), "test upload"));
  }

  @AfterAll
  void stopCloud() {
    if (pipeline != null) pipeline.close();
  }

  @Test
  void bundledAndUploadedPluginsJudgeEveryItemInTheWorker() throws Exception {
    String suite =
        """
        description: plugins in the pipeline
        prompts: ["{{question}}"]
        providers:
          - id: scripted:thinker
            config: {responses: {default: "<think>they want a capital</think>Paris is the capital of France."}}
        plugins:
          word-cap: {sha256: %s}
        defaultTest:
          transform: plugin:strip-think
        tests:
          - vars: {question: "Capital of France, in three words?"}
            assert:
              - type: not-icontains
                value: "<think>"
              - type: plugin:max-words
                value: 3
              - type: plugin:word-cap
                value: 10
          - vars: {question: "Capital of France?"}
            assert:
              - type: plugin:max-words
                value: 6
        """
            .formatted(uploadedSha256);

    DescribeExecutionResponse ended = pipeline.awaitEnd(pipeline.start("with-plugins", suite, Map.of()), RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<ItemResult> results = results("with-plugins");
    assertThat(results).extracting(ItemResult::testIndex, r -> r.status().name()).containsExactly(tuple(0, "FAIL"), tuple(1, "PASS"));
    assertThat(results.get(0).assertions())
        .extracting(outcome -> outcome.type(), outcome -> outcome.pass())
        .containsExactly(
            tuple("not-icontains", true), tuple("plugin:max-words", false), tuple("plugin:word-cap", true));
    assertThat(results.get(0).assertions().get(1).reason()).contains("6");
    assertThat(results.get(0).output()).startsWith("<think>"); // the stored output is the provider's own
    RunRecord record = pipeline.history().find("with-plugins").orElseThrow();
    assertThat(record.summary().evaluators())
        .containsKeys("plugin:max-words", "plugin:word-cap", "transform plugin:strip-think");
  }

  @Test
  void aPluginPathIsRefusedAtPlanWithWhatToDoInstead() throws Exception {
    String suite =
        """
        description: a plugin read from disk
        prompts: ["{{question}}"]
        providers: [{id: echo}]
        plugins:
          my-check: {path: ./checks/my-check}
        tests:
          - vars: {question: "hello"}
            assert: [{type: plugin:my-check}]
        """;

    DescribeExecutionResponse ended = pipeline.awaitEnd(pipeline.start("plugin-path", suite, Map.of()), RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    RunRecord record = pipeline.history().find("plugin-path").orElseThrow();
    assertThat(record.status()).isEqualTo(RunStatus.FAILED);
    assertThat(record.statusReason())
        .contains("plugins.my-check.path")
        .contains("cannot be read from a path")
        .contains("sha256");
  }

  @Test
  void anUnknownPinIsRefusedAtPlanAndAnotherTenantsUploadIsNotFound() throws Exception {
    new StoredPlugins(pipeline.aws().blobStore(), "globex")
        .put(new PluginPackage(
            BundledPlugins.manifest("not-empty"),
            BundledPlugins.module("not-empty"), "globex's upload"));
    String globexSha = BundledPlugins.manifest("not-empty").sha256();
    String suite =
        """
        description: pins that do not resolve for this tenant
        prompts: ["{{question}}"]
        providers: [{id: echo}]
        plugins:
          word-cap: {sha256: "%s"}
        tests:
          - vars: {question: "hello"}
            assert: [{type: plugin:word-cap, value: 3}]
        """
            .formatted("0".repeat(64));

    DescribeExecutionResponse ended = pipeline.awaitEnd(pipeline.start("unknown-pin", suite, Map.of()), RUN_TIMEOUT);

    assertThat(ended.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(pipeline.history().find("unknown-pin").orElseThrow().statusReason())
        .contains("no uploaded plugin word-cap with sha256 " + "0".repeat(64));
    assertThat(new StoredPlugins(pipeline.aws().blobStore(), TENANT).find("not-empty", globexSha)).isEmpty();
  }

  private List<ItemResult> results(String runId) {
    List<ItemResult> results = new ArrayList<>();
    pipeline.history().forEachResult(runId, results::add);
    results.sort(Comparator.comparingInt(ItemResult::testIndex));
    return results;
  }
}
