package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cdk.config.FunctionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every function of both stacks that hold functions: runtime, SnapStart, alias, logs, handler, event sources. */
class FunctionsTest {
  private final Deployment deployment = Deployment.singleAccount();
  private final Template pipeline = deployment.template(deployment.stacks().functions());
  private final Template api = deployment.template(deployment.stacks().api());

  @Test
  void everyFunctionIsJava21OnArm64WithSnapStartAndActiveTracing() {
    List<Map<String, Object>> functions = allFunctions();
    assertThat(functions).hasSize(kinds().size());
    for (Template template : List.of(pipeline, api)) {
      template.allResourcesProperties(
          "AWS::Lambda::Function",
          Map.of(
              "Runtime", "java21",
              "Architectures", List.of("arm64"),
              "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
              "TracingConfig", Map.of("Mode", "Active"),
              "Handler", Names.QUARKUS_STREAM_HANDLER,
              "LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON"))));
    }
  }

  @Test
  void eachFunctionRunsItsOwnHandlerWithItsTuning() {
    for (FunctionKind kind : kinds()) {
      Map<String, Object> function = function(kind);
      Map<String, Object> variables = env(function);
      if (kind.handler() == null) {
        assertThat(variables).doesNotContainKey(Names.Env.QUARKUS_HANDLER);
      } else {
        assertThat(variables.get(Names.Env.QUARKUS_HANDLER)).as(kind.id()).isEqualTo(kind.handler());
      }
      assertThat(function.get("MemorySize")).as(kind.id()).isEqualTo(deployment.config().tuning(kind).memoryMb());
      assertThat(function.get("Timeout")).as(kind.id()).isEqualTo(deployment.config().tuning(kind).timeoutSeconds());
      assertThat(variables.get(Names.Env.STAGE)).isEqualTo("dev");
    }
  }

  @Test
  void pipelineFunctionsFindTheirDataAndTheWorkerKnowsItsDeliveryBudget() {
    for (FunctionKind kind : List.of(FunctionKind.PLAN, FunctionKind.WORKER, FunctionKind.AGGREGATE, FunctionKind.NOTIFY, FunctionKind.MARK_FAILED, FunctionKind.CANCEL)) {
      assertThat(((Map<?, ?>) function(kind).get("Environment")).get("Variables").toString())
          .as(kind.id())
          .contains(Names.Env.TABLE, Names.Env.EVENTS_TABLE, Names.Env.BUCKET);
    }
    Map<String, Object> worker = env(function(FunctionKind.WORKER));
    assertThat(worker.get(Names.Env.WORKER_MAX_DELIVERIES)).isEqualTo(String.valueOf(deployment.config().shardMaxReceiveCount()));
    assertThat(worker.get(Names.Env.POWERTOOLS_NAMESPACE)).isEqualTo(Names.Metric.NAMESPACE);
    assertThat(worker.get(Names.Env.POWERTOOLS_SERVICE)).isEqualTo(Names.Metric.WORKER_SERVICE);
  }

  @Test
  void theProgressPublisherKnowsTheGraphqlEndpointItPublishesTo() {
    Map<String, Object> publisher = env(function(FunctionKind.PROGRESS_PUBLISHER));
    assertThat(Cfn.text(publisher.get(Names.Env.GRAPHQL_URL))).contains("GraphQLUrl");
  }

  @Test
  void secretReadersGetTheStagePrefixOnceAndTheWebhookSenderItsQueues() {
    // the functions' resolver adds tenants/<tenant>/ itself: a prefix ending in tenants/ would double it
    for (FunctionKind kind : List.of(FunctionKind.WORKER, FunctionKind.WEBHOOK_SENDER, FunctionKind.WEBHOOK_INGRESS))
      assertThat(env(function(kind)).get(Names.Env.SECRETS_PREFIX)).as(kind.id()).isEqualTo("ltb/dev/");
    Map<String, Object> sender = env(function(FunctionKind.WEBHOOK_SENDER));
    assertThat(Cfn.text(sender.get(Names.Env.WEBHOOK_QUEUE_URL))).contains("WebhookQueue");
    assertThat(Cfn.text(sender.get(Names.Env.WEBHOOK_DEAD_LETTER_URL))).contains("WebhookDeadLetters");
    assertThat(env(function(FunctionKind.AUTHORIZER)).get(Names.Env.USAGE_IDENTIFIER_KEY))
        .isEqualTo(Names.installationUsageKey("dev"));
  }

  @Test
  void codeIsTheBuiltZipsOrExplicitlyParameters() {
    String code = function(FunctionKind.WORKER).get("Code").toString();
    if (java.nio.file.Files.isRegularFile(Deployment.FUNCTIONS_ZIP)) {
      assertThat(code).contains("cdk-hnb659fds-assets").contains(".zip");
    } else {
      assertThat(code).contains("FunctionsCodeBucket", "FunctionsCodeKey");
    }
    String restCode = function(FunctionKind.REST_API).get("Code").toString();
    if (java.nio.file.Files.isRegularFile(Deployment.REST_API_ZIP)) {
      assertThat(restCode).contains("cdk-hnb659fds-assets").contains(".zip");
    } else {
      assertThat(restCode).contains("RestApiCodeBucket", "RestApiCodeKey");
    }
  }

  @Test
  void everyFunctionHasALiveAliasOnAPublishedVersion() {
    int count = kinds().size();
    assertThat(Cfn.resources(pipeline, "AWS::Lambda::Alias").size() + Cfn.resources(api, "AWS::Lambda::Alias").size()).isEqualTo(count);
    assertThat(Cfn.resources(pipeline, "AWS::Lambda::Version").size() + Cfn.resources(api, "AWS::Lambda::Version").size()).isEqualTo(count);
    pipeline.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", Names.LIVE_ALIAS));
    api.allResourcesProperties("AWS::Lambda::Alias", Map.of("Name", Names.LIVE_ALIAS));
  }

  @Test
  void everyFunctionLogsToItsOwnGroupWithTheConfiguredRetention() {
    for (FunctionKind kind : kinds()) {
      Template template = kind.ordinal() <= FunctionKind.WEBHOOK_SENDER.ordinal() ? pipeline : api;
      template.hasResourceProperties(
          "AWS::Logs::LogGroup", Map.of("LogGroupName", "/ltb/dev/functions/" + kind.id(), "RetentionInDays", 30));
    }
  }

  @Test
  void workersTakeOneShardAtATimeWithBoundedConcurrencyAndPartialBatchResponses() {
    Map<String, Object> worker = mapping(pipeline, "WorkerFunctionLive");
    assertThat(worker)
        .containsEntry("BatchSize", 1)
        .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"))
        .containsEntry("ScalingConfig", Map.of("MaximumConcurrency", deployment.config().workerMaxConcurrency()));
    assertThat(Cfn.text(worker.get("FunctionName"))).endsWith(":live");
    assertThat(Cfn.text(worker.get("EventSourceArn"))).contains("ShardQueue");
    Map<String, Object> sender = mapping(pipeline, "WebhookSenderFunctionLive");
    assertThat(sender).containsEntry("BatchSize", 10).containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
    assertThat(Cfn.text(sender.get("EventSourceArn"))).contains("WebhookQueue");
  }

  @Test
  void progressPublisherReadsTheEventsStreamAndParksWhatItCannotHandle() {
    Map<String, Object> publisher = mapping(api, "ProgressPublisherFunctionLive");
    assertThat(publisher)
        .containsEntry("StartingPosition", "LATEST")
        .containsEntry("BisectBatchOnFunctionError", true)
        .containsEntry("MaximumRetryAttempts", 3)
        .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
    assertThat(Cfn.text(publisher.get("EventSourceArn"))).contains("EventsTable", "StreamArn");
    assertThat(publisher.get("DestinationConfig").toString()).contains("EventDeadLetters");
  }

  private static Map<String, Object> mapping(Template template, String functionRef) {
    return Cfn.propertiesOf(template, "AWS::Lambda::EventSourceMapping").stream()
        .filter(m -> m.get("FunctionName").toString().contains(functionRef))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event source mapping for " + functionRef));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> env(Map<String, Object> function) {
    return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
  }

  /** The functions of this deployment's mode (single account: no sign-up trigger). */
  private List<FunctionKind> kinds() {
    return FunctionKind.ofMode(deployment.config().mode());
  }

  private List<Map<String, Object>> allFunctions() {
    List<Map<String, Object>> all = new ArrayList<>(Cfn.propertiesOf(pipeline, "AWS::Lambda::Function"));
    all.addAll(Cfn.propertiesOf(api, "AWS::Lambda::Function"));
    return all;
  }

  private Map<String, Object> function(FunctionKind kind) {
    return allFunctions().stream()
        .filter(f -> kind.description().equals(f.get("Description")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no function " + kind.id()));
  }
}
