package dev.ltb.pipeline;

import java.util.Optional;

/**
 * Port: opaque blobs by key (suites, oversized item outputs, summaries, HTML reports). Locally the
 * filesystem, in the cloud S3 under {@code tenants/<id>/…}. Keys use {@code /} as separator.
 */
public interface BlobStore {

  void put(String key, byte[] content, String contentType);

  /** The blob, or empty when no blob has that key. */
  Optional<byte[]> get(String key);
}
