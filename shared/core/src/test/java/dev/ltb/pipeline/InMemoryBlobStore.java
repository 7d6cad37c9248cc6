package dev.ltb.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A blob store in memory for the pipeline's unit tests. */
final class InMemoryBlobStore implements BlobStore {

  final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  final Map<String, String> contentTypes = new ConcurrentHashMap<>();

  @Override
  public void put(String key, byte[] content, String contentType) {
    blobs.put(key, content.clone());
    contentTypes.put(key, contentType);
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(blobs.get(key)).map(byte[]::clone);
  }

  void putText(String key, String text) {
    put(key, text.getBytes(StandardCharsets.UTF_8), "application/yaml");
  }

  String text(String key) {
    return new String(blobs.get(key), StandardCharsets.UTF_8);
  }
}
