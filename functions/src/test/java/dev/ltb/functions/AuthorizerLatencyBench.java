package dev.ltb.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.ltb.functions.HandlerFixture.invoke;
import static dev.ltb.functions.HandlerFixture.resource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ltb.aws.dynamodb.tenancy.DynamoApiKeyStore;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.CognitoJwtVerifier;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Warm latency of the {@code authorizer} handler, cached and uncached, printed (never asserted; excluded from the
 * normal build by the {@code bench} tag). Run: {@code ./mvnw -o -pl functions -am test -Dtest=AuthorizerLatencyBench
 * -Dsurefire.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
class AuthorizerLatencyBench {

  @Test
  void printLatencies() throws Exception {
    RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
    WireMockServer jwks = new WireMockServer(options().dynamicPort());
    jwks.start();
    jwks.stubFor(get(urlEqualTo("/pool/jwks.json")).willReturn(aResponse().withBody(new JWKSet(key.toPublicJWK()).toString())));
    String pool = "us-east-1_BENCH";
    DynamoApiKeyStore store = new DynamoApiKeyStore(LocalTenancyCloud.clients().dynamoDb(), LocalTenancyCloud.newTable());
    Clock clock = Clock.systemUTC();
    String apiKey = new ApiKeys(store, new ApiKeyHasher(), clock)
        .issue(TenantId.of("acme"), "bench", new Principal(TenantId.of("acme"), "o", Role.OWNER, PrincipalKind.USER)).key().reveal();
    try {
      for (String ttl : List.of("60", "0")) {
        Map<String, String> values = Map.of(AuthorizerBeans.USER_POOL_ID, pool, AuthorizerBeans.USER_POOL_CLIENT_ID, "c",
            "AWS_REGION", "us-east-1", AuthorizerBeans.CACHE_SECONDS, ttl);
        Function<String, Optional<String>> env = name -> Optional.ofNullable(values.get(name));
        var settings = AuthorizerBeans.jwtSettings(env).orElseThrow().withJwksUri(URI.create(jwks.baseUrl() + "/pool/jwks.json"));
        AuthorizerHandler handler = new AuthorizerHandler(AuthorizerBeans.authenticator(env,
            Optional.of(CognitoJwtVerifier.fetchingKeys(settings, clock)), store, clock), AuthorizerBeans.settings(env));
        String token = token(key, pool, "user");
        String label = "0".equals(ttl) ? "uncached" : "cached";
        print(label + " JWT", 300, i -> resource("authorizer-rest-request.json").replace("{{authorization}}", "Bearer " + token), handler);
        print(label + " API key", "0".equals(ttl) ? 40 : 300,
            i -> resource("authorizer-rest-request.json").replace("{{authorization}}", "Bearer " + apiKey), handler);
      }
    } finally {
      jwks.stop();
    }
  }

  static String token(RSAKey key, String pool, String sub) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(), new JWTClaimsSet.Builder()
        .issuer("https://cognito-idp.us-east-1.amazonaws.com/" + pool).subject(sub).audience("c").claim("token_use", "id")
        .claim("custom:tenant", "acme").claim("cognito:groups", List.of("member"))
        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  static void print(String label, int n, IntFunction<String> event, AuthorizerHandler handler) {
    for (int i = 0; i < Math.min(20, n); i++) invoke(handler, event.apply(i)); // warm-up
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      String json = event.apply(i);
      long start = System.nanoTime();
      invoke(handler, json);
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(micros);
    System.out.printf("AUTHORIZER %-18s n=%4d p50=%8d us p95=%8d us%n", label, n, micros[n / 2], micros[(int) (n * 0.95)]);
  }
}
