package dev.ltb.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.ltb.functions.HandlerFixture.invoke;
import static dev.ltb.functions.HandlerFixture.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.ltb.aws.apigateway.GatewayUsageKeys;
import dev.ltb.aws.dynamodb.tenancy.DynamoApiKeyStore;
import dev.ltb.json.Json;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.CognitoJwtVerifier;
import dev.ltb.security.IssuedApiKey;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code authorizer} function with the documented events of API Gateway (REST REQUEST and TOKEN, WebSocket
 * {@code $connect}) and AppSync, real Cognito-shaped JWTs signed here and verified against a JWKS served over HTTP
 * (WireMock), and API keys issued into DynamoDB (dynalite).
 */
class AuthorizerHandlerTest {

  static final String POOL = "us-east-1_TESTPOOL";
  static final String CLIENT = "client-1";
  static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL;
  static final TenantId ACME = TenantId.of("acme");
  static final Principal OWNER = new Principal(ACME, "owner-1", Role.OWNER, PrincipalKind.USER);

  static WireMockServer jwks;
  static RSAKey signingKey;
  static RSAKey foreignKey;
  static DynamoApiKeyStore keyStore;

  final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  ApiKeys apiKeys;
  AuthorizerHandler handler;

  @BeforeAll
  static void start() throws Exception {
    signingKey = new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
    foreignKey = new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
    jwks = new WireMockServer(options().dynamicPort());
    jwks.start();
    jwks.stubFor(get(urlEqualTo("/" + POOL + "/.well-known/jwks.json"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(new JWKSet(signingKey.toPublicJWK()).toString())));
    keyStore = new DynamoApiKeyStore(LocalTenancyCloud.clients().dynamoDb(), LocalTenancyCloud.newTable());
  }

  @AfterAll
  static void stop() {
    jwks.stop();
  }

  @BeforeEach
  void handler() {
    handler = handler(env(Map.of()));
    apiKeys = new ApiKeys(keyStore, new ApiKeyHasher(), clock);
  }

  static Function<String, Optional<String>> env(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(Map.of(
        AuthorizerBeans.USER_POOL_ID, POOL, AuthorizerBeans.USER_POOL_CLIENT_ID, CLIENT, "AWS_REGION", "us-east-1"));
    values.putAll(extra);
    return name -> Optional.ofNullable(values.get(name));
  }

  AuthorizerHandler handler(Function<String, Optional<String>> env) {
    var settings = AuthorizerBeans.jwtSettings(env).orElseThrow()
        .withJwksUri(URI.create(jwks.baseUrl() + "/" + POOL + "/.well-known/jwks.json"));
    return new AuthorizerHandler(
        AuthorizerBeans.authenticator(env, Optional.of(CognitoJwtVerifier.fetchingKeys(settings, clock)), keyStore, clock),
        AuthorizerBeans.settings(env));
  }

  // ---- tokens --------------------------------------------------------------------------------------------

  JWTClaimsSet.Builder claims() {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder().issuer(ISSUER).subject("b1c2d3e4-user").audience(CLIENT)
        .claim("token_use", "id").claim("custom:tenant", "acme").claim("cognito:groups", List.of("member"))
        .issueTime(Date.from(now.minusSeconds(5))).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  String validToken() throws Exception {
    return sign(claims().build(), signingKey);
  }

  String badToken(String kind) throws Exception {
    return switch (kind) {
      case "tampered" -> {
        String[] parts = validToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"acme\"", "\"beta\"");
        yield parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "." + parts[2];
      }
      case "expired" -> sign(claims().issueTime(Date.from(clock.instant().minus(Duration.ofHours(2))))
          .expirationTime(Date.from(clock.instant().minus(Duration.ofMinutes(10)))).build(), signingKey);
      case "alg-none" -> new PlainJWT(claims().build()).serialize();
      case "hs256-with-public-key" -> {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID()).build(),
            claims().build());
        jwt.sign(new MACSigner(signingKey.toRSAPublicKey().getEncoded()));
        yield jwt.serialize();
      }
      case "wrong-audience" -> sign(claims().audience("another-app-client").build(), signingKey);
      case "foreign-key" -> sign(claims().build(), foreignKey);
      case "wrong-issuer" -> sign(claims().issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OTHER").build(), signingKey);
      case "no-tenant" -> sign(claims().claim("custom:tenant", null).build(), signingKey);
      case "garbage" -> "eyJhbGciOiJSUzI1NiJ9.not-a-token.at-all";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  static String event(String file, String credential) {
    return resource(file).replace("{{authorization}}", credential).replace("{{token}}", credential);
  }

  JsonNode call(String file, String credential) throws Exception {
    return Json.mapper().readTree(invoke(handler, event(file, credential)));
  }

  // ---- allowed -------------------------------------------------------------------------------------------

  @Test
  void aRestRequestWithAUserTokenIsAllowedOnTheWholeStageAsThatTenantMemberAndCountedOnTheTenantsUsagePlan()
      throws Exception {
    JsonNode answer = call("authorizer-rest-request.json", "Bearer " + validToken());

    assertThat(answer.get("principalId").asText()).isEqualTo("b1c2d3e4-user");
    JsonNode statement = answer.at("/policyDocument/Statement/0");
    assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
    assertThat(statement.get("Action").asText()).isEqualTo("execute-api:Invoke");
    // API Gateway caches the answer per credential: it must hold for POST /runs as well as GET /runs
    assertThat(statement.get("Resource").asText()).isEqualTo("arn:aws:execute-api:us-east-1:123456789012:abcdef123/dev/*");
    assertThat(answer.at("/policyDocument/Version").asText()).isEqualTo("2012-10-17");
    assertThat(Json.mapper().convertValue(answer.get("context"), Map.class)).isEqualTo(Map.of(
        "tenantId", "acme", "principalId", "b1c2d3e4-user", "role", "member", "principalKind", "user"));
    assertThat(answer.get("usageIdentifierKey").asText()).isEqualTo(GatewayUsageKeys.forTenant(ACME));
  }

  @Test
  void aTokenAuthorizerEventWithAnApiKeyActsAsTheKeysServicePrincipalAndRecordsItsLastUse() throws Exception {
    IssuedApiKey issued = apiKeys.issue(ACME, "ci", OWNER);

    JsonNode answer = call("authorizer-rest-token.json", "Bearer " + issued.key().reveal());

    assertThat(answer.get("principalId").asText()).isEqualTo("key:" + issued.record().keyId());
    assertThat(answer.at("/context/role").asText()).isEqualTo("service");
    assertThat(answer.at("/context/principalKind").asText()).isEqualTo("api-key");
    assertThat(answer.at("/context/tenantId").asText()).isEqualTo("acme");
    assertThat(answer.at("/policyDocument/Statement/0/Resource").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:abcdef123/dev/*");
    assertThat(keyStore.findByKeyId(issued.record().keyId()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
  }

  @Test
  void aWebSocketConnectIsAuthorizedFromTheTokenQueryParameterWithoutAUsageKey() throws Exception {
    JsonNode answer = call("authorizer-websocket-connect.json", validToken());

    assertThat(answer.at("/policyDocument/Statement/0/Effect").asText()).isEqualTo("Allow");
    assertThat(answer.at("/policyDocument/Statement/0/Resource").asText())
        .isEqualTo("arn:aws:execute-api:us-east-1:123456789012:wsapi42/dev/*");
    assertThat(answer.at("/context/tenantId").asText()).isEqualTo("acme");
    assertThat(answer.has("usageIdentifierKey")).isFalse();
  }

  @Test
  void appSyncGetsIsAuthorizedWithTheResolverContextAndACacheTtlNoLongerThanTheAuthorizersOwn() throws Exception {
    IssuedApiKey issued = apiKeys.issue(ACME, "graphql-client", OWNER);

    JsonNode user = call("authorizer-appsync.json", validToken());
    JsonNode machine = call("authorizer-appsync.json", "Bearer " + issued.key().reveal());

    assertThat(user.get("isAuthorized").asBoolean()).isTrue();
    assertThat(Json.mapper().convertValue(user.get("resolverContext"), Map.class)).isEqualTo(Map.of(
        "tenantId", "acme", "principalId", "b1c2d3e4-user", "role", "member", "principalKind", "user"));
    assertThat(user.get("ttlOverride").asInt()).isEqualTo(60);
    assertThat(user.get("deniedFields").size()).isZero();
    assertThat(machine.at("/resolverContext/principalKind").asText()).isEqualTo("api-key");
  }

  @Test
  void aSingleAccountInstallationPutsEveryUserInItsTenantAndCountsThemOnTheInstallationKey() throws Exception {
    handler = handler(env(Map.of(AuthorizerBeans.FIXED_TENANT, "inhouse",
        AuthorizerBeans.USAGE_IDENTIFIER_KEY, "installation-key-value-0123456789")));

    JsonNode answer = call("authorizer-rest-request.json", "Bearer " + sign(claims().claim("custom:tenant", null).build(), signingKey));

    assertThat(answer.at("/context/tenantId").asText()).isEqualTo("inhouse");
    assertThat(answer.get("usageIdentifierKey").asText()).isEqualTo("installation-key-value-0123456789");
  }

  // ---- refused -------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"tampered", "expired", "alg-none", "hs256-with-public-key", "wrong-audience", "foreign-key",
      "wrong-issuer", "no-tenant", "garbage"})
  void aBadTokenIsUnauthorizedAtEveryDoor(String kind) throws Exception {
    String token = badToken(kind);

    assertThatThrownBy(() -> call("authorizer-rest-request.json", "Bearer " + token))
        .isInstanceOf(AuthorizerHandler.UnauthorizedException.class).hasMessage("Unauthorized");
    assertThatThrownBy(() -> call("authorizer-rest-token.json", token)).hasMessage("Unauthorized");
    assertThatThrownBy(() -> call("authorizer-websocket-connect.json", token)).hasMessage("Unauthorized");
    JsonNode appSync = call("authorizer-appsync.json", token);
    assertThat(appSync.get("isAuthorized").asBoolean()).isFalse();
    assertThat(appSync.has("resolverContext")).isFalse();
    assertThat(appSync.get("ttlOverride").asInt()).isZero();
  }

  @Test
  void guessedMalformedAndMissingKeysAreUnauthorized() throws Exception {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    SecureRandom random = new SecureRandom();
    StringBuilder guessed = new StringBuilder("ltb_");
    for (int i = 0; i < 44; i++) guessed.append(alphabet.charAt(random.nextInt(alphabet.length())));
    IssuedApiKey real = apiKeys.issue(ACME, "real", OWNER);
    String rightIdWrongSecret = real.key().reveal().substring(0, 16) + guessed.substring(16);

    for (String credential : List.of("Bearer " + guessed, "Bearer " + rightIdWrongSecret, "Bearer ltb_short", "Basic abc", ""))
      assertThatThrownBy(() -> call("authorizer-rest-request.json", credential)).as(credential).hasMessage("Unauthorized");
    assertThat(call("authorizer-appsync.json", "").get("isAuthorized").asBoolean()).isFalse();
  }

  @Test
  void aRevokedKeyStopsWorkingOnceTheSixtySecondCacheExpires() throws Exception {
    IssuedApiKey issued = apiKeys.issue(ACME, "to-revoke", OWNER);
    String credential = "Bearer " + issued.key().reveal();
    assertThat(call("authorizer-rest-request.json", credential).at("/context/tenantId").asText()).isEqualTo("acme");

    apiKeys.revoke(ACME, issued.record().keyId());
    clock.advance(Duration.ofSeconds(30));
    assertThat(call("authorizer-rest-request.json", credential).at("/context/tenantId").asText())
        .as("still cached in the warm container").isEqualTo("acme");

    clock.advance(Duration.ofSeconds(31));
    assertThatThrownBy(() -> call("authorizer-rest-request.json", credential)).hasMessage("Unauthorized");
    assertThat(call("authorizer-appsync.json", credential).get("isAuthorized").asBoolean()).isFalse();
  }

  @Test
  void theJwksIsFetchedOnceOverHttpForManyTokens() throws Exception {
    jwks.resetRequests();
    for (int i = 0; i < 20; i++)
      call("authorizer-rest-request.json", "Bearer " + sign(claims().subject("user-" + i).build(), signingKey));

    jwks.verify(1, getRequestedFor(urlEqualTo("/" + POOL + "/.well-known/jwks.json")));
  }

  @Test
  void anEventOfNoKnownShapeIsAnErrorNotAnAnswer() {
    assertThatThrownBy(() -> invoke(handler, "{\"type\":\"REQUEST\"}")).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- secrets never logged ------------------------------------------------------------------------------

  @Test
  void tokensAndApiKeysNeverAppearInLogsOrErrors() throws Exception {
    List<String> secrets = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    String logs;
    try (LogCapture capture = new LogCapture()) {
      IssuedApiKey issued = apiKeys.issue(ACME, "logged", OWNER);
      String key = issued.key().reveal();
      secrets.add(key);
      String valid = validToken();
      secrets.add(valid);
      call("authorizer-rest-request.json", "Bearer " + valid);
      call("authorizer-appsync.json", "Bearer " + key);
      for (String kind : List.of("tampered", "expired", "alg-none", "hs256-with-public-key", "wrong-audience")) {
        String bad = badToken(kind);
        secrets.add(bad);
        try {
          call("authorizer-rest-request.json", "Bearer " + bad);
        } catch (RuntimeException e) {
          errors.add(String.valueOf(e));
        }
        call("authorizer-appsync.json", bad);
      }
      String wrongSecret = key.substring(0, 16) + "0".repeat(32);
      secrets.add(wrongSecret);
      apiKeys.revoke(ACME, issued.record().keyId());
      clock.advance(Duration.ofMinutes(2));
      for (String credential : List.of(key, wrongSecret)) {
        try {
          call("authorizer-rest-request.json", "Bearer " + credential);
        } catch (RuntimeException e) {
          errors.add(String.valueOf(e));
        }
      }
      logs = capture.text();
    }

    assertThat(logs).as("logging was captured").contains("refused a credential: EXPIRED")
        .contains("refused a credential: REVOKED_KEY");
    for (String secret : secrets) {
      assertThat(logs).doesNotContain(secret);
      // nor a recognisable part of it: a JWT's signature, a key's secret half
      assertThat(logs).doesNotContain(secret.substring(secret.length() - 24));
      assertThat(errors).allSatisfy(error -> assertThat(error).doesNotContain(secret.substring(secret.length() - 24)));
    }
    assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error).endsWith("Unauthorized"));
  }
}
