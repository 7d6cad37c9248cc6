package dev.ltb.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a credential to its {@link Principal}: the one entry point the REST and WebSocket Lambda authorizers and
 * AppSync's Lambda auth call. Accepted credentials are cached for {@code ttl} (never past a token's {@code exp}),
 * keyed by the SHA-256 of the credential so the cache holds no credential; refusals are not cached. A revoked
 * API key therefore stops working within {@code ttl} in a warm container.
 */
public final class Authenticator {

  public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
  private static final int MAX_ENTRIES = 10_000;

  private record Cached(Principal principal, Instant expiresAt) {}

  private final Optional<CognitoJwtVerifier> jwts;
  private final ApiKeys apiKeys;
  private final Duration ttl;
  private final Clock clock;
  private final Cache<String, Cached> cache;

  /**
   * @param jwts the JWT verifier, empty when the deployment takes API keys only
   * @param apiKeys API key verification
   * @param ttl how long an accepted credential is remembered (0 turns the cache off)
   */
  public Authenticator(Optional<CognitoJwtVerifier> jwts, ApiKeys apiKeys, Duration ttl, Clock clock) {
    this.jwts = Objects.requireNonNull(jwts, "jwts");
    this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cache = Caffeine.newBuilder()
        .maximumSize(MAX_ENTRIES)
        .ticker(() -> clock.millis() * 1_000_000L)
        .expireAfter(Expiry.<String, Cached>creating(
            (key, value) -> Duration.between(clock.instant(), value.expiresAt())))
        .build();
  }

  /** The principal, or {@link AuthenticationException}. */
  public Principal authenticate(Credential credential) {
    String key = cacheKey(credential);
    Instant now = clock.instant();
    Cached cached = cache.getIfPresent(key);
    if (cached != null && cached.expiresAt().isAfter(now)) return cached.principal();
    Cached fresh = switch (credential) {
      case Credential.Jwt jwt -> {
        VerifiedToken token = jwts.orElseThrow(
            () -> new AuthenticationException(AuthenticationException.Reason.UNSUPPORTED_ALGORITHM))
            .verify(jwt.token());
        Instant until = now.plus(ttl);
        yield new Cached(token.principal(), token.expiresAt().isBefore(until) ? token.expiresAt() : until);
      }
      case Credential.ApiKey apiKey -> new Cached(apiKeys.verify(apiKey.key()), now.plus(ttl));
    };
    if (ttl.isPositive() && fresh.expiresAt().isAfter(now)) cache.put(key, fresh);
    return fresh.principal();
  }

  /** Authenticates from request headers ({@link Credential#fromHeaders}). */
  public Principal authenticate(String authorizationHeader, String apiKeyHeader) {
    return authenticate(Credential.fromHeaders(authorizationHeader, apiKeyHeader));
  }

  private static String cacheKey(Credential credential) {
    String kind = credential instanceof Credential.Jwt ? "jwt:" : "key:";
    String value = switch (credential) {
      case Credential.Jwt jwt -> jwt.token().reveal();
      case Credential.ApiKey apiKey -> apiKey.key().reveal();
    };
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((kind + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
