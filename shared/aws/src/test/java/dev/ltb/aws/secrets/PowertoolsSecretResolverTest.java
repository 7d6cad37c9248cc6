package dev.ltb.aws.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.aws.AwsConfigurationException;
import dev.ltb.aws.AwsFakes;
import dev.ltb.aws.AwsSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;

class PowertoolsSecretResolverTest {

  @RegisterExtension
  static WireMockExtension aws = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private SecretsManagerClient secretsManager;
  private SsmClient ssm;

  @BeforeEach
  void connect() {
    secretsManager = AwsFakes.client(SecretsManagerClient.builder(), aws.baseUrl());
    ssm = AwsFakes.client(SsmClient.builder(), aws.baseUrl());
  }

  @AfterEach
  void disconnect() {
    secretsManager.close();
    ssm.close();
  }

  private static void secret(String secretId, int status, String fixture) {
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
            .withRequestBody(equalToJson("{\"SecretId\":\"" + secretId + "\"}", true, true))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(AwsFakes.fixture(fixture))));
  }

  private static int secretCalls(String secretId) {
    return aws.findAll(
            postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .withRequestBody(equalToJson("{\"SecretId\":\"" + secretId + "\"}", true, true)))
        .size();
  }

  @Test
  void readsTheSecretNamedByThePrefixAndCachesItForTheTtl() {
    secret("ltb/OPENAI_API_KEY", 200, "secretsmanager-get-secret-value.json");
    PowertoolsSecretResolver resolver =
        PowertoolsSecretResolver.secretsManager(secretsManager, "ltb/", Duration.ofMinutes(5));

    assertThat(resolver.resolve("OPENAI_API_KEY")).contains("sk-test-1234");
    assertThat(resolver.resolve("OPENAI_API_KEY")).contains("sk-test-1234");

    assertThat(secretCalls("ltb/OPENAI_API_KEY")).as("the second read came from the cache").isEqualTo(1);
  }

  @Test
  void webhookSecretsOfATenantLiveUnderTheDeployedPrefixOnceNotUnderTenantsTwice() {
    // the CDK sets LTB_SECRETS_PREFIX to ltb/<stage>/; the resolver adds tenants/<tenant>/ itself
    secret("ltb/prod/tenants/acme/webhooks/wh-1", 200, "secretsmanager-get-secret-value.json");
    PowertoolsSecretResolver resolver =
        PowertoolsSecretResolver.secretsManager(secretsManager, "ltb/prod/", Duration.ofMinutes(5));
    SecretStoreWebhookSecrets outbound = new SecretStoreWebhookSecrets(resolver, SecretStoreWebhookSecrets.Kind.OUTBOUND);
    SecretStoreWebhookSecrets inbound = new SecretStoreWebhookSecrets(resolver, SecretStoreWebhookSecrets.Kind.INBOUND);

    assertThat(outbound.find(dev.ltb.tenancy.TenantId.of("acme"), "wh-1").map(dev.ltb.security.SecretValue::reveal))
        .contains("sk-test-1234");
    assertThat(outbound.secretName(dev.ltb.tenancy.TenantId.of("acme"), "wh-1")).isEqualTo("ltb/prod/tenants/acme/webhooks/wh-1");
    assertThat(inbound.secretName(dev.ltb.tenancy.TenantId.of("acme"), "nightly")).isEqualTo("ltb/prod/tenants/acme/hooks/nightly");
    assertThat(inbound.find(dev.ltb.tenancy.TenantId.of("acme"), "../other")).as("no path out of the folder").isEmpty();
  }

  @Test
  void aZeroTtlReadsEveryTime() {
    secret("ltb/OPENAI_API_KEY", 200, "secretsmanager-get-secret-value.json");
    PowertoolsSecretResolver resolver = PowertoolsSecretResolver.secretsManager(secretsManager, "ltb/", Duration.ZERO);

    resolver.resolve("OPENAI_API_KEY");
    resolver.resolve("OPENAI_API_KEY");

    assertThat(secretCalls("ltb/OPENAI_API_KEY")).isEqualTo(2);
  }

  @Test
  void aMissingSecretIsEmptyAndRememberedForTheTtl() {
    secret("ltb/OPENAI_BASE_URL", 400, "secretsmanager-resource-not-found.json");
    PowertoolsSecretResolver resolver =
        PowertoolsSecretResolver.secretsManager(secretsManager, "ltb/", Duration.ofMinutes(5));

    assertThat(resolver.resolve("OPENAI_BASE_URL")).isEmpty();
    assertThat(resolver.resolve("OPENAI_BASE_URL")).isEmpty();

    assertThat(secretCalls("ltb/OPENAI_BASE_URL")).isEqualTo(1);
  }

  @Test
  void aTenantReadsOnlyItsOwnSecrets() {
    secret("ltb/tenants/acme/OPENAI_API_KEY", 200, "secretsmanager-get-secret-value.json");
    PowertoolsSecretResolver resolver =
        PowertoolsSecretResolver.secretsManager(secretsManager, "ltb/", Duration.ofMinutes(5)).forTenant("acme");

    assertThat(resolver.secretName("OPENAI_API_KEY")).isEqualTo("ltb/tenants/acme/OPENAI_API_KEY");
    assertThat(resolver.resolve("OPENAI_API_KEY")).contains("sk-test-1234");
    assertThat(secretCalls("ltb/OPENAI_API_KEY")).isZero();
    assertThatThrownBy(() -> resolver.forTenant("../other")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accessDeniedNamesTheSecretAndThePermissionButNoValue() {
    secret("ltb/ANTHROPIC_API_KEY", 400, "secretsmanager-access-denied.json");
    PowertoolsSecretResolver resolver =
        PowertoolsSecretResolver.secretsManager(secretsManager, "ltb/", Duration.ofMinutes(5));

    assertThatThrownBy(() -> resolver.resolve("ANTHROPIC_API_KEY"))
        .isInstanceOf(AwsConfigurationException.class)
        .hasMessage(
            "Cannot read Secrets Manager secret ltb/ANTHROPIC_API_KEY: AccessDeniedException (HTTP 400). Check that it"
                + " exists and that the function's role may read it (secretsmanager:GetSecretValue)");
  }

  @Test
  void readsDecryptedParametersFromSsmUnderALeadingSlash() {
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
            .withRequestBody(equalToJson("{\"Name\":\"/ltb/OPENAI_API_KEY\",\"WithDecryption\":true}"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(AwsFakes.fixture("ssm-get-parameter.json"))));
    aws.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("AmazonSSM.GetParameter"))
            .withRequestBody(equalToJson("{\"Name\":\"/ltb/MISTRAL_API_KEY\"}", true, true))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(AwsFakes.fixture("ssm-parameter-not-found.json"))));
    PowertoolsSecretResolver resolver =
        PowertoolsSecretResolver.from(
            AwsSettings.of(Map.of("LTB_SECRETS_SOURCE", "ssm")), () -> secretsManager, () -> ssm);

    assertThat(resolver.resolve("OPENAI_API_KEY")).contains("sk-from-ssm");
    assertThat(resolver.resolve("MISTRAL_API_KEY")).isEmpty();
  }

  @Test
  void rejectsNamesThatAreNoVariableNames() {
    PowertoolsSecretResolver resolver = PowertoolsSecretResolver.secretsManager(secretsManager, "ltb/", Duration.ZERO);

    assertThatThrownBy(() -> resolver.resolve("OPENAI API KEY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Secret name 'OPENAI API KEY' is not valid: use letters, digits and _ . / -");
  }
}
