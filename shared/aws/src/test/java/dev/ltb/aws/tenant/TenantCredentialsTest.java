package dev.ltb.aws.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.tenancy.TenantId;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Per-tenant sessions of the tenant data role against STS's documented AssumeRole answer (WireMock). */
class TenantCredentialsTest {

  @RegisterExtension
  static WireMockExtension sts = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");

  StsClient client;
  TenantCredentials credentials;

  @BeforeEach
  void stsAnswersForEachTenant() {
    for (String tenant : new String[] {"acme", "beta", "gamma"}) StsStubs.answerAssumeRole(sts, tenant);
    client = StsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.EU_WEST_1)
        .endpointOverride(URI.create(sts.baseUrl()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFUNCTIONROLE0000", "secret")))
        .build();
    credentials = new TenantCredentials(client, StsStubs.ROLE_ARN, "ltb-test-rest-api", Duration.ofMinutes(15), 2);
  }

  @AfterEach
  void close() {
    credentials.close();
    client.close();
  }

  @Test
  void eachTenantAssumesTheRoleWithItsOwnTagAndSessionNameAndGetsItsOwnKeys() {
    var acme = (AwsSessionCredentials) credentials.forTenant(ACME).resolveCredentials();
    var beta = (AwsSessionCredentials) credentials.forTenant(BETA).resolveCredentials();

    assertThat(acme.accessKeyId()).isEqualTo(StsStubs.accessKeyOf("acme"));
    assertThat(acme.sessionToken()).contains("acme");
    assertThat(beta.accessKeyId()).isEqualTo(StsStubs.accessKeyOf("beta")).isNotEqualTo(acme.accessKeyId());
    sts.verify(1, postRequestedFor(urlEqualTo("/"))
        .withRequestBody(containing("Action=AssumeRole"))
        .withRequestBody(containing("RoleArn=" + StsStubs.ROLE_ARN.replace(":", "%3A").replace("/", "%2F")))
        .withRequestBody(containing("RoleSessionName=acme%40ltb-test-rest-api"))
        .withRequestBody(containing("DurationSeconds=900"))
        .withRequestBody(containing("Tags.member.1.Key=tenant"))
        .withRequestBody(matching(".*Tags\\.member\\.1\\.Value=acme(&.*)?"))
        .withHeader("Authorization", containing("Credential=AKIAFUNCTIONROLE0000/")));
    sts.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("RoleSessionName=beta%40ltb-test-rest-api")));
  }

  @Test
  void aTenantsSessionIsReusedUntilItNearsExpiry() {
    for (int i = 0; i < 20; i++) {
      assertThat(credentials.forTenant(ACME).resolveCredentials().accessKeyId()).isEqualTo(StsStubs.accessKeyOf("acme"));
    }
    sts.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void atMostMaxTenantsSessionsAreKeptAndAnEvictedTenantAssumesAgain() {
    credentials.forTenant(ACME).resolveCredentials();
    credentials.forTenant(BETA).resolveCredentials();
    credentials.forTenant(TenantId.of("gamma")).resolveCredentials(); // evicts acme, the least recently used

    assertThat(credentials.cachedTenants()).isEqualTo(2);
    assertThat(credentials.forTenant(ACME).resolveCredentials().accessKeyId()).isEqualTo(StsStubs.accessKeyOf("acme"));
    sts.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("RoleSessionName=acme%40")));
  }

  @Test
  void sessionNamesFitStsLimitsAndAlwaysKeepTheWholeTenantId() {
    String longest = "t".repeat(63);
    assertThat(TenantCredentials.sessionName(longest, "ltb-prod-rest-api")).hasSize(64).startsWith(longest + "@");
    var odd = new TenantCredentials(client, StsStubs.ROLE_ARN, "fn name/with:odd*chars", Duration.ofMinutes(15), 2);
    odd.forTenant(ACME).resolveCredentials();
    odd.close();
    sts.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("RoleSessionName=acme%40fn-name-with-odd-chars")));
  }

  @Test
  void tenantDataOutsideATenantsRequestIsRefusedNotSignedWithABroaderRole() {
    var scoped = new TenantScopedCredentialsProvider(credentials);
    assertThatThrownBy(scoped::resolveCredentials)
        .isInstanceOf(TenantScopedCredentialsProvider.TenantScopeMissingException.class)
        .hasMessageContaining("outside a tenant's request");
    try (var bound = TenantScope.bind(BETA)) {
      assertThat(scoped.resolveCredentials().accessKeyId()).isEqualTo(StsStubs.accessKeyOf("beta"));
      try (var nested = TenantScope.bind(ACME)) {
        assertThat(scoped.resolveCredentials().accessKeyId()).isEqualTo(StsStubs.accessKeyOf("acme"));
      }
      assertThat(scoped.resolveCredentials().accessKeyId()).isEqualTo(StsStubs.accessKeyOf("beta"));
    }
    assertThat(TenantScope.current()).isEmpty();
  }

  @Test
  void sessionsOutsideWhatStsAndTheRoleAllowAreRefusedAtStartup() {
    assertThatThrownBy(() -> new TenantCredentials(client, StsStubs.ROLE_ARN, "fn", Duration.ofMinutes(5), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("15 minutes");
  }
}
