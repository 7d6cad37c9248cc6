package dev.ltb.security;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a tenant API key: {@code ltb_} + 44 base62 characters (SecureRandom), of which the first 12 are
 * the key id (a non-secret lookup handle, shown in listings as {@code ltb_<keyId>…}) and the last 32 the secret
 * (190 bits). The whole key is what gets hashed and compared.
 */
final class ApiKeyFormat {

  static final String PREFIX = "ltb_";
  static final int ID_LENGTH = 12;
  static final int SECRET_LENGTH = 32;
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Pattern SHAPE =
      Pattern.compile("ltb_[0-9A-Za-z]{" + ID_LENGTH + "}[0-9A-Za-z]{" + SECRET_LENGTH + "}");

  private ApiKeyFormat() {}

  /** A fresh key; each character drawn uniformly from the 62 symbols. */
  static String generate(SecureRandom random) {
    StringBuilder key = new StringBuilder(PREFIX);
    for (int i = 0; i < ID_LENGTH + SECRET_LENGTH; i++) key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    return key.toString();
  }

  /** The key id of a well-formed key, empty for anything else. */
  static Optional<String> keyId(String key) {
    if (key == null || key.length() != PREFIX.length() + ID_LENGTH + SECRET_LENGTH || !SHAPE.matcher(key).matches())
      return Optional.empty();
    return Optional.of(key.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH));
  }

  /** How listings show a key: the prefix and key id, never the secret. */
  static String display(String keyId) {
    return PREFIX + keyId + "…";
  }
}
