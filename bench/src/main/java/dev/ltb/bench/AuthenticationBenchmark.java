package dev.ltb.bench;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.Authenticator;
import dev.ltb.security.CognitoJwtSettings;
import dev.ltb.security.CognitoJwtVerifier;
import dev.ltb.security.Credential;
import dev.ltb.security.InMemoryApiKeyStore;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the authorizer pays per request: an API key verified from scratch (one store lookup in memory and one
 * Argon2id check), a Cognito ID token verified from scratch (RS256 signature and claims, JWKS in memory), and
 * either one answered from the {@link Authenticator}'s cache. The cached/uncached ratio is the point; store and
 * JWKS round trips are not included.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar AuthenticationBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuthenticationBenchmark {

  private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Bench";
  private static final String CLIENT = "bench-client";

  private ApiKeys apiKeys;
  private CognitoJwtVerifier jwts;
  private Authenticator authenticator;
  private Credential.ApiKey apiKey;
  private Credential.Jwt jwt;

  @Setup
  public void setUp() throws Exception {
    TenantId tenant = TenantId.of("bench");
    Clock clock = Clock.systemUTC();
    apiKeys = new ApiKeys(new InMemoryApiKeyStore(), new ApiKeyHasher(), clock);
    apiKey = new Credential.ApiKey(
        apiKeys.issue(tenant, "bench", new Principal(tenant, "user-1", Role.ADMIN, PrincipalKind.USER)).key());
    RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    CognitoJwtSettings settings = CognitoJwtSettings.forUserPool("eu-west-1", "eu-west-1_Bench", Set.of(CLIENT));
    jwts = new CognitoJwtVerifier(settings, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), clock);
    SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
        new JWTClaimsSet.Builder().subject("user-1").issuer(ISSUER).audience(CLIENT)
            .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2))))
            .issueTime(new Date()).claim("token_use", "id").claim("custom:tenant", "bench")
            .claim("cognito:groups", List.of("member")).build());
    token.sign(new RSASSASigner(key));
    jwt = (Credential.Jwt) Credential.fromToken(token.serialize());
    authenticator = new Authenticator(Optional.of(jwts), apiKeys, Duration.ofHours(1), clock);
    authenticator.authenticate(apiKey);
    authenticator.authenticate(jwt);
  }

  @Benchmark
  public Principal apiKeyUncached() {
    return apiKeys.verify(apiKey.key());
  }

  @Benchmark
  public Principal apiKeyCached() {
    return authenticator.authenticate(apiKey);
  }

  @Benchmark
  public Principal jwtUncached() {
    return jwts.verify(jwt.token()).principal();
  }

  @Benchmark
  public Principal jwtCached() {
    return authenticator.authenticate(jwt);
  }
}
