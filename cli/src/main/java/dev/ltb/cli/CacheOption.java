package dev.ltb.cli;

import dev.ltb.provider.cache.FileResponseCache;
import dev.ltb.provider.cache.ResponseCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --no-cache}, {@code --cache-dir}, {@code --cache-ttl-days}: the response cache of {@code ltb run}. */
final class CacheOption {

  static final String DIRECTORY_VARIABLE = "LTB_CACHE_DIR";
  static final String HOME_VARIABLE = "LTB_HOME";

  @Option(
      names = "--no-cache",
      description = "Call every provider, neither reading nor writing the response cache.")
  boolean disabled;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Response cache directory (default: $LTB_CACHE_DIR, else $LTB_HOME/cache, else ./.ltb/cache).")
  Path directory;

  @Option(
      names = "--cache-ttl-days",
      paramLabel = "DAYS",
      description = "Reuse cached answers for DAYS days (default: 14).")
  Integer ttlDays;

  /** The cache to use, or empty with {@code --no-cache}. */
  Optional<ResponseCache> cache(Path workingDir, Map<String, String> environment) {
    if (disabled) return Optional.empty();
    if (ttlDays != null && ttlDays < 1) throw new UserInputException("--cache-ttl-days must be at least 1");
    Duration ttl = ttlDays == null ? FileResponseCache.DEFAULT_TTL : Duration.ofDays(ttlDays);
    return Optional.of(new FileResponseCache(directory(workingDir, environment), ttl, Clock.systemUTC()));
  }

  /** {@code --cache-dir}, else {@code $LTB_CACHE_DIR}, else {@code $LTB_HOME/cache}, else {@code ./.ltb/cache}. */
  Path directory(Path workingDir, Map<String, String> environment) {
    if (directory != null) return workingDir.resolve(directory).normalize();
    String configured = environment.get(DIRECTORY_VARIABLE);
    if (configured != null && !configured.isBlank()) return workingDir.resolve(configured.strip()).normalize();
    String home = environment.get(HOME_VARIABLE);
    Path base = home == null || home.isBlank() ? workingDir.resolve(".ltb") : workingDir.resolve(home.strip());
    return base.resolve("cache").normalize();
  }
}
