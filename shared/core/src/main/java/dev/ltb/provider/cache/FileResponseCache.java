package dev.ltb.provider.cache;

import dev.ltb.json.Json;
import dev.ltb.provider.ProviderResponse;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response cache in a directory: one JSON file per key, {@code <dir>/<first two hex digits>/<key>.json},
 * written to a temporary file and moved into place atomically, so a reader never sees half an entry and
 * concurrent runs may share the directory. An entry older than the TTL is a miss and is deleted; so is one
 * that cannot be read (e.g. written by an incompatible version). Delete the directory to clear the cache.
 */
public final class FileResponseCache implements ResponseCache {

  /** How long an answer is reused when nothing else is configured. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(14);

  private static final Logger LOG = LoggerFactory.getLogger(FileResponseCache.class);

  private final Path directory;
  private final Duration ttl;
  private final Clock clock;
  private final AtomicBoolean writeFailureLogged = new AtomicBoolean();

  /** What a file holds; the provider id is there for people browsing the directory. */
  record Entry(Instant storedAt, String providerId, ProviderResponse response) {}

  public FileResponseCache(Path directory, Duration ttl, Clock clock) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative() || ttl.isZero())
      throw new IllegalArgumentException("the cache TTL must be positive, was " + ttl);
  }

  public FileResponseCache(Path directory) {
    this(directory, DEFAULT_TTL, Clock.systemUTC());
  }

  public Path directory() {
    return directory;
  }

  public Duration ttl() {
    return ttl;
  }

  @Override
  public Optional<ProviderResponse> get(CacheKey key) {
    Path file = fileOf(key);
    Entry entry;
    try {
      entry = Json.mapper().readValue(Files.readAllBytes(file), Entry.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.debug("response cache: ignoring unreadable entry {}: {}", file, e.toString());
      delete(file);
      return Optional.empty();
    }
    if (entry.storedAt() == null || entry.response() == null
        || entry.storedAt().plus(ttl).isBefore(clock.instant())) {
      delete(file);
      return Optional.empty();
    }
    return Optional.of(entry.response());
  }

  @Override
  public void put(CacheKey key, ProviderResponse response) {
    Path file = fileOf(key);
    Path temporary = null;
    try {
      Files.createDirectories(file.getParent());
      temporary = Files.createTempFile(file.getParent(), key.sha256().substring(0, 8), ".tmp");
      Entry entry = new Entry(clock.instant(), key.providerId(), response);
      Files.write(temporary, Json.mapper().writeValueAsBytes(entry));
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      if (writeFailureLogged.compareAndSet(false, true))
        LOG.warn("response cache: cannot write to {} ({}); answers are not cached", directory, e.toString());
      if (temporary != null) delete(temporary);
    }
  }

  private Path fileOf(CacheKey key) {
    return directory.resolve(key.sha256().substring(0, 2)).resolve(key.sha256() + ".json");
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // another run may hold or have removed it; a stale entry is only ever a miss
    }
  }
}
