package dev.ltb.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * Port: opaque blobs by key (suites, oversized item outputs, summaries, HTML reports). Locally the
 * filesystem, in the cloud S3 under {@code tenants/<id>/…}. Keys use {@code /} as separator.
 */
public interface BlobStore {

  void put(String key, byte[] content, String contentType);

  /** The blob, or empty when no blob has that key. */
  Optional<byte[]> get(String key);

  /** The keys that start with {@code prefix}, in key order, at most {@code limit} of them. */
  List<String> keys(String prefix, int limit);

  /** Removes the blob; removing a key that has none is harmless. */
  void delete(String key);
}
