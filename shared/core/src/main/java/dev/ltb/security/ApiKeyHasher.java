package dev.ltb.security;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Slow, salted hashing of API keys with Argon2id (spring-security-crypto's encoder over Bouncy Castle): PHC string
 * output ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}) with a 16-byte random salt per key, and a
 * constant-time comparison inside {@link #matches}. Parameters are OWASP's first Argon2id recommendation
 * (19 MiB, 2 iterations, 1 lane). Keys carry 190 random bits, so even a fast hash would resist guessing; the
 * slow hash protects a leaked table, and the authenticator's cache keeps its cost off most requests.
 */
public final class ApiKeyHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final int PARALLELISM = 1;
  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;

  private final Argon2PasswordEncoder encoder;
  private final String decoy;

  public ApiKeyHasher() {
    this(new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS));
  }

  private ApiKeyHasher(Argon2PasswordEncoder encoder) {
    this.encoder = encoder;
    this.decoy = encoder.encode("ltb_decoy-for-unknown-key-ids");
  }

  public String hash(String key) {
    return encoder.encode(key);
  }

  public boolean matches(String key, String hash) {
    return encoder.matches(key, hash);
  }

  /**
   * Spends the same time as a real check when no key has the presented id, so timing does not tell a guesser
   * whether a key id exists.
   */
  void burn(String key) {
    encoder.matches(key, decoy);
  }
}
