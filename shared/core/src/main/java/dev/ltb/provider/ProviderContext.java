package dev.ltb.provider;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a provider factory may use to build a provider: one shared HTTP client, the secret resolver and the
 * suite's directory (for {@code file://} references in provider config).
 */
public record ProviderContext(HttpClient httpClient, SecretResolver secrets, Path baseDir) {

  public ProviderContext {
    Objects.requireNonNull(httpClient, "httpClient");
    Objects.requireNonNull(secrets, "secrets");
    baseDir = baseDir == null ? Path.of(".") : baseDir;
  }

  /** The default context: an HTTP/1.1 client on virtual threads, secrets from the environment. */
  public static ProviderContext defaults(Path baseDir) {
    return new ProviderContext(defaultHttpClient(), SecretResolver.environment(), baseDir);
  }

  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }
}
