package dev.ltb.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.ltb.security.AuthenticationException.Reason;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.CognitoTokens;
import dev.ltb.testkit.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthenticatorTest {

  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final CognitoTokens POOL = CognitoTokens.generate(NOW);
  static final TenantId ACME = TenantId.of("acme");
  static final ApiKeyHasher HASHER = new ApiKeyHasher();

  @RegisterExtension
  static WireMockExtension cognito = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(NOW);
  private final CountingStore store = new CountingStore();
  private final ApiKeys apiKeys = new ApiKeys(store, HASHER, clock);
  private final Principal admin = new Principal(ACME, "user-1", Role.ADMIN, PrincipalKind.USER);

  private Authenticator authenticator(Duration ttl) {
    return new Authenticator(Optional.of(new CognitoJwtVerifier(POOL.settings(), POOL.keySource(), clock)), apiKeys,
        ttl, clock);
  }

  @Test
  void mapsAJwtAndAnApiKeyFromHeadersToTheirPrincipals() {
    Authenticator authenticator = authenticator(Authenticator.DEFAULT_TTL);
    IssuedApiKey key = apiKeys.issue(ACME, "ci", admin);

    assertThat(authenticator.authenticate("Bearer " + POOL.idToken().groups("viewer").sign(), null))
        .extracting(Principal::role, Principal::kind).containsExactly(Role.VIEWER, PrincipalKind.USER);
    assertThat(authenticator.authenticate("bearer " + key.key().reveal(), null).kind())
        .isEqualTo(PrincipalKind.API_KEY);
    assertThat(authenticator.authenticate(null, key.key().reveal()).principalId())
        .isEqualTo("key:" + key.record().keyId());
  }

  @Test
  void missingOrMalformedHeadersAreRefused() {
    Authenticator authenticator = authenticator(Authenticator.DEFAULT_TTL);

    assertThatThrownBy(() -> authenticator.authenticate(null, null))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
    assertThatThrownBy(() -> authenticator.authenticate("Basic dXNlcjpwYXNz", null))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void anAcceptedKeyIsHashedOncePerTtlAndARevokedKeyStopsWorkingWhenTheTtlEnds() {
    Authenticator authenticator = authenticator(Duration.ofSeconds(60));
    IssuedApiKey key = apiKeys.issue(ACME, "ci", admin);
    Credential credential = Credential.fromToken(key.key().reveal());

    for (int i = 0; i < 5; i++) authenticator.authenticate(credential);
    assertThat(store.lookups.get()).isEqualTo(1);

    apiKeys.revoke(ACME, key.record().keyId());
    clock.advance(Duration.ofSeconds(59));
    assertThat(authenticator.authenticate(credential).tenantId()).as("cached within the TTL").isEqualTo(ACME);
    clock.advance(Duration.ofSeconds(2));
    assertThatThrownBy(() -> authenticator.authenticate(credential))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED_KEY));
    assertThat(store.lookups.get()).isEqualTo(2);
  }

  @Test
  void refusalsAreNotCached() {
    Authenticator authenticator = authenticator(Duration.ofSeconds(60));
    IssuedApiKey key = apiKeys.issue(ACME, "ci", admin);
    String wrong = key.key().reveal().substring(0, 47) + (key.key().reveal().endsWith("a") ? "b" : "a");

    for (int i = 0; i < 3; i++)
      assertThatThrownBy(() -> authenticator.authenticate(Credential.fromToken(wrong)))
          .isInstanceOf(AuthenticationException.class);
    assertThat(store.lookups.get()).isEqualTo(3);
  }

  @Test
  void aCachedTokenNeverOutlivesItsExpiry() {
    Authenticator authenticator = authenticator(Duration.ofMinutes(5));
    Credential token = Credential.fromToken(POOL.idToken().expiresAt(NOW.plusSeconds(60)).sign());

    authenticator.authenticate(token);
    clock.advance(Duration.ofMinutes(2));

    assertThatThrownBy(() -> authenticator.authenticate(token))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
  }

  @Test
  void aDeploymentWithoutCognitoRefusesJwts() {
    Authenticator keysOnly = new Authenticator(Optional.empty(), apiKeys, Authenticator.DEFAULT_TTL, clock);

    assertThatThrownBy(() -> keysOnly.authenticate(Credential.fromToken(POOL.idToken().sign())))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void theJwksIsFetchedOnceAndFetchedAgainWhenTheKeyRotates() {
    cognito.stubFor(get(urlEqualTo("/pool/.well-known/jwks.json"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(POOL.jwksJson())));
    URI jwks = URI.create(cognito.baseUrl() + "/pool/.well-known/jwks.json");
    CognitoJwtVerifier verifier = CognitoJwtVerifier.fetchingKeys(POOL.settingsWithJwksAt(jwks), clock);

    for (int i = 0; i < 5; i++)
      assertThat(verifier.verify(SecretValue.of(POOL.idToken().sign())).principal().tenantId()).isEqualTo(ACME);
    cognito.verify(1, getRequestedFor(urlEqualTo("/pool/.well-known/jwks.json")));

    RSAKey rotated = CognitoTokens.newKey("test-key-2");
    cognito.stubFor(get(urlEqualTo("/pool/.well-known/jwks.json")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody(new JWKSet(List.of(POOL.key().toPublicJWK(), rotated.toPublicJWK())).toString())));
    String signedWithNewKey = POOL.idToken().signedWith(rotated).keyId("test-key-2").sign();

    assertThat(verifier.verify(SecretValue.of(signedWithNewKey)).principal().tenantId()).isEqualTo(ACME);
    cognito.verify(2, getRequestedFor(urlEqualTo("/pool/.well-known/jwks.json")));
  }

  @Test
  void anUnreachableJwksIsReportedAsUnavailableNotAsABadToken() {
    URI nowhere = URI.create("http://127.0.0.1:9/.well-known/jwks.json");
    CognitoJwtVerifier verifier = CognitoJwtVerifier.fetchingKeys(POOL.settingsWithJwksAt(nowhere), clock);

    assertThatThrownBy(() -> verifier.verify(SecretValue.of(POOL.idToken().sign())))
        .isInstanceOfSatisfying(AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.KEYS_UNAVAILABLE));
  }

  /** Counts the global key-id lookups, i.e. the verifications that reached the store and the hasher. */
  static final class CountingStore implements ApiKeyStore {
    final InMemoryApiKeyStore delegate = new InMemoryApiKeyStore();
    final AtomicInteger lookups = new AtomicInteger();

    @Override
    public void create(ApiKeyRecord record) {
      delegate.create(record);
    }

    @Override
    public Optional<ApiKeyRecord> findByKeyId(String keyId) {
      lookups.incrementAndGet();
      return delegate.findByKeyId(keyId);
    }

    @Override
    public List<ApiKeyRecord> list(TenantId tenant) {
      return delegate.list(tenant);
    }

    @Override
    public boolean revoke(TenantId tenant, String keyId, Instant at) {
      return delegate.revoke(tenant, keyId, at);
    }

    @Override
    public void touch(TenantId tenant, String keyId, Instant at) {
      delegate.touch(tenant, keyId, at);
    }
  }
}
