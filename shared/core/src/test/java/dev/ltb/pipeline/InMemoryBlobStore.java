package dev.ltb.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A blob store in memory for the pipeline's unit tests. */
public final class InMemoryBlobStore implements BlobStore {

  public final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  public final Map<String, String> contentTypes = new ConcurrentHashMap<>();

  @Override
  public void put(String key, byte[] content, String contentType) {
    blobs.put(key, content.clone());
    contentTypes.put(key, contentType);
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(blobs.get(key)).map(byte[]::clone);
  }

  public void putText(String key, String text) {
    put(key, text.getBytes(StandardCharsets.UTF_8), "application/yaml");
  }

  public String text(String key) {
    return new String(blobs.get(key), StandardCharsets.UTF_8);
  }
}
