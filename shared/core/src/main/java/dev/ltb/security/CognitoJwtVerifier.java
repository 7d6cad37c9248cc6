package dev.ltb.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.ltb.security.AuthenticationException.Reason;
import dev.ltb.tenancy.InvalidIdException;
import dev.ltb.tenancy.TenantId;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Cognito user-pool JWTs with nimbus-jose-jwt: RS256 only, against the pool's JWKS (fetched once, cached
 * for {@link #JWKS_CACHE}, re-fetched at most every 30 s when a token names an unknown key id, so key rotation
 * works), then the claims: {@code iss}, {@code token_use}, {@code aud} (ID tokens) or {@code client_id} (access
 * tokens), {@code exp} required and {@code nbf}/{@code iat} honoured with the configured leeway, {@code sub}
 * present. Unsigned ({@code alg: none}), HMAC-signed (the HS256-with-the-public-key confusion), encrypted and
 * otherwise signed tokens are refused before any key is looked up.
 */
public final class CognitoJwtVerifier {

  static final Duration JWKS_CACHE = Duration.ofMinutes(15);
  private static final Duration JWKS_REFRESH_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration JWKS_REFETCH_MIN_INTERVAL = Duration.ofSeconds(30);
  private static final int HTTP_TIMEOUT_MS = 2_000;
  private static final int JWKS_SIZE_LIMIT = 64 * 1024;
  /** Tokens longer than this are refused unparsed (Cognito ID tokens are 1-4 KB). */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;
  private static final Logger log = LoggerFactory.getLogger(CognitoJwtVerifier.class);

  private final CognitoJwtSettings settings;
  private final Clock clock;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public CognitoJwtVerifier(CognitoJwtSettings settings, JWKSource<SecurityContext> keys, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    processor.setJWTClaimsSetVerifier(new ClaimsVerifier());
  }

  /** Keys fetched from {@code settings.jwksUri()} over HTTP(S) with short timeouts, cached and rate limited. */
  public static CognitoJwtVerifier fetchingKeys(CognitoJwtSettings settings, Clock clock) {
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.<SecurityContext>create(settings.jwksUri().toURL(),
                  new DefaultResourceRetriever(HTTP_TIMEOUT_MS, HTTP_TIMEOUT_MS, JWKS_SIZE_LIMIT))
              .cache(JWKS_CACHE.toMillis(), JWKS_REFRESH_TIMEOUT.toMillis())
              .rateLimited(JWKS_REFETCH_MIN_INTERVAL.toMillis())
              .retrying(true)
              .build();
      return new CognitoJwtVerifier(settings, keys, clock);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("JWKS URI " + settings.jwksUri() + " is not a URL", e);
    }
  }

  public VerifiedToken verify(SecretValue token) {
    String text = token.reveal();
    if (text.length() > MAX_TOKEN_LENGTH) throw refused(Reason.MALFORMED, "longer than " + MAX_TOKEN_LENGTH);
    JWT jwt;
    try {
      jwt = JWTParser.parse(text);
    } catch (ParseException e) {
      throw refused(Reason.MALFORMED, "not a JWT");
    }
    if (!(jwt instanceof SignedJWT signed) || !JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm()))
      throw refused(Reason.UNSUPPORTED_ALGORITHM, "alg " + jwt.getHeader().getAlgorithm());
    JWTClaimsSet claims;
    try {
      claims = processor.process(signed, null);
    } catch (Rejected e) {
      throw refused(e.reason, e.getMessage());
    } catch (BadJOSEException e) {
      throw refused(Reason.BAD_SIGNATURE, e.getMessage());
    } catch (JOSEException e) {
      log.warn("JWKS of {} unavailable: {}", settings.issuer(), e.getMessage());
      throw new AuthenticationException(Reason.KEYS_UNAVAILABLE);
    }
    Principal principal = new Principal(tenantOf(claims), subject(claims), roleOf(claims), PrincipalKind.USER);
    return new VerifiedToken(principal, claims.getExpirationTime().toInstant());
  }

  private TenantId tenantOf(JWTClaimsSet claims) {
    if (settings.fixedTenant() != null) return settings.fixedTenant();
    Object value = claims.getClaim(settings.tenantClaim());
    if (!(value instanceof String text)) throw refused(Reason.NO_TENANT, "no " + settings.tenantClaim() + " claim");
    try {
      return TenantId.of(text);
    } catch (InvalidIdException e) {
      throw refused(Reason.NO_TENANT, e.getMessage());
    }
  }

  private Role roleOf(JWTClaimsSet claims) {
    List<String> groups;
    try {
      groups = claims.getStringListClaim(settings.groupsClaim());
    } catch (ParseException e) {
      throw refused(Reason.NO_ROLE, settings.groupsClaim() + " is not a list of strings");
    }
    if (groups == null) throw refused(Reason.NO_ROLE, "no " + settings.groupsClaim() + " claim");
    return groups.stream()
        .map(Role::fromId)
        .flatMap(Optional::stream)
        .filter(Role::forUsers)
        .min(Enum::compareTo)
        .orElseThrow(() -> refused(Reason.NO_ROLE, "no group names a role"));
  }

  private static String subject(JWTClaimsSet claims) {
    return claims.getSubject();
  }

  private AuthenticationException refused(Reason reason, String detail) {
    // The detail names the failed check, never the token.
    log.debug("JWT refused ({}): {}", reason, detail);
    return new AuthenticationException(reason);
  }

  /** A claims check that failed, with the reason for the audit. */
  private static final class Rejected extends BadJWTException {
    private final Reason reason;

    Rejected(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  private final class ClaimsVerifier implements JWTClaimsSetVerifier<SecurityContext> {

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
      Instant now = clock.instant();
      Duration leeway = settings.leeway();
      Date exp = claims.getExpirationTime();
      if (exp == null) throw new Rejected(Reason.MALFORMED, "no exp claim");
      if (!exp.toInstant().plus(leeway).isAfter(now)) throw new Rejected(Reason.EXPIRED, "expired at " + exp.toInstant());
      Date nbf = claims.getNotBeforeTime();
      if (nbf != null && nbf.toInstant().minus(leeway).isAfter(now))
        throw new Rejected(Reason.MALFORMED, "not valid before " + nbf.toInstant());
      Date iat = claims.getIssueTime();
      if (iat != null && iat.toInstant().minus(leeway).isAfter(now))
        throw new Rejected(Reason.MALFORMED, "issued in the future at " + iat.toInstant());
      if (!settings.issuer().equals(claims.getIssuer()))
        throw new Rejected(Reason.WRONG_ISSUER, "issuer " + claims.getIssuer());
      Object tokenUse = claims.getClaim("token_use");
      if (!settings.tokenUse().claim().equals(tokenUse))
        throw new Rejected(Reason.WRONG_TOKEN_USE, "token_use " + tokenUse);
      if (settings.tokenUse() == CognitoJwtSettings.TokenUse.ID) {
        List<String> audience = claims.getAudience();
        if (audience.isEmpty() || !settings.clientIds().containsAll(audience))
          throw new Rejected(Reason.WRONG_AUDIENCE, "audience " + audience);
      } else {
        Object clientId = claims.getClaim("client_id");
        if (!(clientId instanceof String id) || !settings.clientIds().contains(id))
          throw new Rejected(Reason.WRONG_AUDIENCE, "client_id " + clientId);
      }
      String subject = claims.getSubject();
      if (subject == null || subject.isBlank()) throw new Rejected(Reason.MALFORMED, "no sub claim");
    }
  }
}
