package dev.ltb.cli.remote;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where {@code ltb} finds a deployed stack and its credential: the environment first ({@code LTB_API_KEY}, then
 * {@code LTB_TOKEN}; {@code LTB_WS_URL}), then the profile file ({@code ~/.config/ltb/profile}, or {@code
 * $LTB_PROFILE}), a properties file:
 *
 * <pre>
 * token = ltb_…          # an API key, or a Cognito ID token
 * ws = wss://ws.example.com/prod
 * api = https://api.example.com/prod
 * </pre>
 */
public record CliProfile(Optional<String> token, Optional<String> webSocketUrl, Optional<String> apiUrl) {

  public static final String API_KEY_VARIABLE = "LTB_API_KEY";
  public static final String TOKEN_VARIABLE = "LTB_TOKEN";
  public static final String WS_URL_VARIABLE = "LTB_WS_URL";
  public static final String PROFILE_VARIABLE = "LTB_PROFILE";

  /** The default profile file of the user whose home is {@code home}. */
  public static Path defaultFile(Map<String, String> env, Path home) {
    String explicit = env.get(PROFILE_VARIABLE);
    if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
    String config = env.get("XDG_CONFIG_HOME");
    return (config != null && !config.isBlank() ? Path.of(config) : home.resolve(".config")).resolve("ltb/profile");
  }

  /** The environment's values, completed from the profile file when it exists. */
  public static CliProfile resolve(Map<String, String> env, Path profileFile) {
    Properties file = new Properties();
    if (profileFile != null && Files.isRegularFile(profileFile)) {
      try (Reader reader = Files.newBufferedReader(profileFile)) {
        file.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the profile " + profileFile + ": " + e.getMessage(), e);
      }
    }
    Optional<String> token = first(env.get(API_KEY_VARIABLE), env.get(TOKEN_VARIABLE), file.getProperty("token"),
        file.getProperty("api_key"), file.getProperty("api-key"));
    Optional<String> ws = first(env.get(WS_URL_VARIABLE), file.getProperty("ws"));
    Optional<String> api = first(env.get("LTB_API_URL"), file.getProperty("api"));
    return new CliProfile(token, ws, api);
  }

  private static Optional<String> first(String... values) {
    for (String value : values) if (value != null && !value.isBlank()) return Optional.of(value.strip());
    return Optional.empty();
  }
}
