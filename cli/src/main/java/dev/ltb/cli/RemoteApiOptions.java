package dev.ltb.cli;

import dev.ltb.cli.remote.CliProfile;
import dev.ltb.cli.remote.RestApi;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --api} and {@code --profile}, shared by the commands that call a deployed stack's REST API: the URL and the
 * credential come from the same place as {@code ltb watch}'s ({@link CliProfile}).
 */
final class RemoteApiOptions {

  @Option(names = "--api", paramLabel = "URL",
      description = "The REST API (https://…/<stage>, the stack's RestApiUrl); default $LTB_API_URL, else `api` in the"
          + " profile.")
  String apiUrl;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "The profile file (default $LTB_PROFILE, else ~/.config/ltb/profile).")
  Path profile;

  /** The API to call, or a {@link UserInputException} saying where the missing URL or credential goes. */
  RestApi connect() {
    var env = System.getenv();
    Path file = profile != null ? profile : CliProfile.defaultFile(env, Path.of(System.getProperty("user.home")));
    CliProfile settings;
    try {
      settings = CliProfile.resolve(env, file);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    String url = apiUrl != null ? apiUrl : settings.apiUrl().orElseThrow(() -> new UserInputException(
        "no REST API given: pass --api https://…/<stage>, set LTB_API_URL, or put api = … in " + file));
    String token = settings.token().orElseThrow(() -> new UserInputException(
        "no credential: set " + CliProfile.API_KEY_VARIABLE + " (an API key, ltb_…) or " + CliProfile.TOKEN_VARIABLE
            + " (a Cognito ID token), or put token = … in " + file));
    URI uri;
    try {
      uri = URI.create(url);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null)
        throw new IllegalArgumentException();
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--api must be an http:// or https:// URL, was " + url);
    }
    return new RestApi(uri, token);
  }
}
