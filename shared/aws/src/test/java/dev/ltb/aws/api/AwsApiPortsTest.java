package dev.ltb.aws.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.api.ApiServices;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsConfigurationException;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.AwsStorageException;
import dev.ltb.aws.FakeSecretsManager;
import dev.ltb.aws.LocalAws;
import dev.ltb.aws.secrets.SecretStoreWebhookSecrets;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.json.Json;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.pipeline.RunRef;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.security.ProviderCredentialStore.Info;
import dev.ltb.security.SecretValue;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.WebhookEventType;
import dev.ltb.webhook.WebhookSubscription;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The factory's ports against the local cloud (DynamoDB, the Lambda Invoke API) and a Secrets Manager speaking its
 * JSON protocol: what the API stores is what the worker, the webhook sender and the cancel function get.
 */
@Tag("slow")
class AwsApiPortsTest {

  @RegisterExtension static LocalAws local = new LocalAws();

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static final String PREFIX = "ltb/test/";
  static final List<String> cancelEvents = new CopyOnWriteArrayList<>();

  static FakeSecretsManager secretsManager;
  static AwsAdapters aws;
  static Map<String, String> environment;
  static ApiServices.Ports ports;
  static String cancelFunction;

  @BeforeAll
  static void wire() {
    secretsManager = new FakeSecretsManager();
    System.setProperty("aws.endpointUrlSecretsManager", secretsManager.endpoint().toString());
    cancelFunction = "cancel-" + UUID.randomUUID().toString().substring(0, 8);
    LocalAws.cloud().registerFunction(cancelFunction, (payload, context) -> {
      String event = new String(payload, StandardCharsets.UTF_8);
      cancelEvents.add(event);
      if (event.contains("\"unknown-run\"")) throw new IllegalArgumentException("run unknown-run not found");
      return "{\"status\":\"CANCELLED\"}".getBytes(StandardCharsets.UTF_8);
    });
    environment = new HashMap<>(Map.of(
        AwsSettings.TABLE, local.newTables().runs(),
        AwsSettings.BUCKET, local.newBucket(),
        AwsSettings.SECRETS_PREFIX, PREFIX,
        AwsSettings.SECRETS_TTL_SECONDS, "0",
        AwsSettings.STATE_MACHINE_ARN, LocalCloud.stateMachineArn("ltb-run"),
        AwsSettings.CANCEL_FUNCTION_ARN, LocalCloud.functionArn(cancelFunction)));
    aws = new AwsAdapters(new AwsClients(), AwsSettings.of(environment));
    ports = AwsApiPorts.from(aws, providers(), loader(providers()), Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    aws.close();
    secretsManager.close();
    System.clearProperty("aws.endpointUrlSecretsManager");
  }

  static ProviderRegistry providers() {
    return BuiltInProviders.registry();
  }

  static SuiteLoader loader(ProviderRegistry providers) {
    var evaluators = BuiltInEvaluators.registry();
    var requiringValue = evaluators.descriptors().stream().filter(d -> d.valueRequired()).map(d -> d.id())
        .collect(Collectors.toSet());
    return new SuiteLoader(new SuiteVocabulary(evaluators.ids(), requiringValue, providers::supports));
  }

  @Test
  void aCredentialSetThroughTheApiIsTheKeyTheTenantsRunsResolveAndOnlyItsNameIsListed() {
    ports.credentials().put(ACME, "OPENAI_API_KEY", SecretValue.of("sk-acme-1"));
    ports.credentials().put(ACME, "OPENAI_API_KEY", SecretValue.of("sk-acme-2"));
    ports.credentials().put(BETA, "ANTHROPIC_API_KEY", SecretValue.of("sk-beta"));

    assertThat(secretsManager.names()).contains("ltb/test/tenants/acme/OPENAI_API_KEY");
    assertThat(aws.secrets().forTenant("acme").resolve("OPENAI_API_KEY")).contains("sk-acme-2");
    assertThat(aws.secrets().forTenant("beta").resolve("OPENAI_API_KEY")).isEmpty();
    assertThat(ports.credentials().list(ACME)).extracting(Info::name).containsExactly("OPENAI_API_KEY");
    assertThat(ports.credentials().list(ACME).get(0).updatedAt()).isNotNull();
    assertThat(ports.credentials().list(ACME).toString()).doesNotContain("sk-acme");

    assertThat(ports.credentials().delete(ACME, "OPENAI_API_KEY")).isTrue();
    assertThat(ports.credentials().delete(ACME, "OPENAI_API_KEY")).isFalse();
    assertThat(aws.secrets().forTenant("acme").resolve("OPENAI_API_KEY")).isEmpty();
    assertThat(ports.credentials().list(ACME)).isEmpty();
    assertThat(ports.credentials().list(BETA)).extracting(Info::name).containsExactly("ANTHROPIC_API_KEY");
  }

  @Test
  void aWebhookCreatedThroughTheApiIsSignedWithItsSecretByTheSenderAndItsSecretGoesWithIt() {
    var hook = new WebhookSubscription(ACME, "nightly", URI.create("https://hooks.example.com/ltb"),
        EnumSet.of(WebhookEventType.RUN_COMPLETED), null, true);
    ports.webhooks().create(hook, SecretValue.of("whsec-1"));
    ports.credentials().put(ACME, "MISTRAL_API_KEY", SecretValue.of("sk-m"));

    var senderSecrets = new SecretStoreWebhookSecrets(aws.secrets(), SecretStoreWebhookSecrets.Kind.OUTBOUND);
    assertThat(senderSecrets.find(ACME, "nightly").map(SecretValue::reveal)).contains("whsec-1");
    assertThat(ports.webhooks().list(ACME)).containsExactly(hook);
    assertThat(ports.webhooks().find(BETA, "nightly")).isEmpty();
    assertThat(ports.credentials().list(ACME)).extracting(Info::name).containsExactly("MISTRAL_API_KEY");

    var disabled = new WebhookSubscription(ACME, "nightly", hook.url(), hook.events(), null, false);
    assertThat(ports.webhooks().update(disabled)).isTrue();
    assertThat(ports.webhooks().find(ACME, "nightly")).contains(disabled);
    assertThat(ports.webhooks().update(new WebhookSubscription(BETA, "nightly", hook.url(), hook.events(), null,
        true))).isFalse();

    assertThat(ports.webhooks().delete(ACME, "nightly")).isTrue();
    assertThat(ports.webhooks().delete(ACME, "nightly")).isFalse();
    assertThat(ports.webhooks().list(ACME)).isEmpty();
    assertThat(senderSecrets.find(ACME, "nightly")).isEmpty();
    ports.credentials().delete(ACME, "MISTRAL_API_KEY");
  }

  @Test
  void cancellingARunInvokesTheCancelFunctionWithTheRunAndReportsItsFailure() throws Exception {
    ports.launcher().cancel(new RunRef("acme", "run-42"));

    var event = Json.mapper().readTree(cancelEvents.get(cancelEvents.size() - 1));
    assertThat(event.get("tenantId").asText()).isEqualTo("acme");
    assertThat(event.get("runId").asText()).isEqualTo("run-42");

    assertThatThrownBy(() -> ports.launcher().cancel(new RunRef("acme", "unknown-run")))
        .isInstanceOf(AwsStorageException.class)
        .hasMessageContaining(cancelFunction)
        .hasMessageContaining("run unknown-run not found");
  }

  @Test
  void aMissingVariableStopsTheWiringAndNamesIt() {
    var without = new HashMap<>(environment);
    without.remove(AwsSettings.CANCEL_FUNCTION_ARN);
    try (var partial = new AwsAdapters(new AwsClients(), AwsSettings.of(without))) {
      assertThatThrownBy(() -> AwsApiPorts.from(partial, providers(), loader(providers()), Clock.systemUTC()))
          .isInstanceOf(AwsConfigurationException.class)
          .hasMessageContaining("LTB_CANCEL_FUNCTION_ARN");
    }
  }
}
