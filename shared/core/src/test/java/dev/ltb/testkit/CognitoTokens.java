package dev.ltb.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ltb.security.CognitoJwtSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A stand-in Cognito user pool for tests: an RSA key generated in the test (never a checked-in key), its JWKS, and
 * tokens shaped like Cognito's ID and access tokens, signed with it.
 *
 * <pre>{@code
 * CognitoTokens pool = CognitoTokens.generate(NOW);
 * String token = pool.idToken().tenant("acme").groups("admin").sign();
 * }</pre>
 */
public final class CognitoTokens {

  public static final String REGION = "eu-west-1";
  public static final String POOL_ID = "eu-west-1_TestPool1";
  public static final String CLIENT_ID = "7v2example3client4id5abcdef";
  public static final String ISSUER = "https://cognito-idp." + REGION + ".amazonaws.com/" + POOL_ID;

  private final RSAKey key;
  private final Instant now;

  private CognitoTokens(RSAKey key, Instant now) {
    this.key = key;
    this.now = now;
  }

  public static CognitoTokens generate(Instant now) {
    return new CognitoTokens(newKey("test-key-1"), now);
  }

  public static RSAKey newKey(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).algorithm(JWSAlgorithm.RS256).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public RSAKey key() {
    return key;
  }

  /** The pool's public JWKS as Cognito publishes it. */
  public String jwksJson() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  public JWKSource<SecurityContext> keySource() {
    return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
  }

  public CognitoJwtSettings settings() {
    return CognitoJwtSettings.forUserPool(REGION, POOL_ID, Set.of(CLIENT_ID));
  }

  public Token idToken() {
    return new Token(this, "id");
  }

  public Token accessToken() {
    return new Token(this, "access");
  }

  /** A token being built; defaults are a valid ID token of tenant {@code acme}, group {@code member}. */
  public static final class Token {
    private final CognitoTokens pool;
    private final JWTClaimsSet.Builder claims;
    private RSAKey signingKey;
    private String keyId;

    private Token(CognitoTokens pool, String tokenUse) {
      this.pool = pool;
      this.signingKey = pool.key;
      this.keyId = pool.key.getKeyID();
      this.claims = new JWTClaimsSet.Builder()
          .subject(UUID.nameUUIDFromBytes("user-1".getBytes()).toString())
          .issuer(ISSUER)
          .issueTime(Date.from(pool.now.minusSeconds(60)))
          .expirationTime(Date.from(pool.now.plus(Duration.ofHours(1))))
          .claim("token_use", tokenUse)
          .claim("cognito:groups", List.of("member"))
          .claim("custom:tenant", "acme")
          .jwtID(UUID.randomUUID().toString());
      if (tokenUse.equals("id")) claims.audience(CLIENT_ID).claim("email", "user@example.com");
      else claims.claim("client_id", CLIENT_ID).claim("scope", "openid");
    }

    public Token claim(String name, Object value) {
      claims.claim(name, value);
      return this;
    }

    public Token tenant(String tenant) {
      return claim("custom:tenant", tenant);
    }

    public Token groups(String... groups) {
      return claim("cognito:groups", List.of(groups));
    }

    public Token subject(String subject) {
      claims.subject(subject);
      return this;
    }

    public Token expiresAt(Instant at) {
      claims.expirationTime(at == null ? null : Date.from(at));
      return this;
    }

    public Token notBefore(Instant at) {
      claims.notBeforeTime(Date.from(at));
      return this;
    }

    public Token issuedAt(Instant at) {
      claims.issueTime(Date.from(at));
      return this;
    }

    public Token issuer(String issuer) {
      claims.issuer(issuer);
      return this;
    }

    public Token audience(String audience) {
      claims.audience(audience);
      return this;
    }

    public Token signedWith(RSAKey key) {
      this.signingKey = key;
      return this;
    }

    public Token keyId(String keyId) {
      this.keyId = keyId;
      return this;
    }

    public JWTClaimsSet claims() {
      return claims.build();
    }

    public String sign() {
      try {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims.build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The JWKS URI on a local server (WireMock) instead of Cognito. */
  public CognitoJwtSettings settingsWithJwksAt(URI jwks) {
    return settings().withJwksUri(jwks);
  }
}
