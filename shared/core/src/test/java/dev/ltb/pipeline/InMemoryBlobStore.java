package dev.ltb.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** A blob store in memory for the pipeline's unit tests. */
public final class InMemoryBlobStore implements BlobStore {

  public final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  public final Map<String, String> contentTypes = new ConcurrentHashMap<>();
  /** Deletes of keys this accepts fail, as a store that is unavailable half-way would. */
  public volatile Predicate<String> failDeletesWhen = key -> false;

  @Override
  public void put(String key, byte[] content, String contentType) {
    blobs.put(key, content.clone());
    contentTypes.put(key, contentType);
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(blobs.get(key)).map(byte[]::clone);
  }

  @Override
  public List<String> keys(String prefix, int limit) {
    return blobs.keySet().stream().filter(key -> key.startsWith(prefix)).sorted().limit(limit).toList();
  }

  @Override
  public void delete(String key) {
    if (failDeletesWhen.test(key)) throw new IllegalStateException("blob store unavailable: cannot delete " + key);
    blobs.remove(key);
    contentTypes.remove(key);
  }

  public void putText(String key, String text) {
    put(key, text.getBytes(StandardCharsets.UTF_8), "application/yaml");
  }

  public String text(String key) {
    return new String(blobs.get(key), StandardCharsets.UTF_8);
  }
}
