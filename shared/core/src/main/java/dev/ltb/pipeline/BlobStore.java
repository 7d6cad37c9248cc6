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

  /**
   * Removes every blob under {@code prefix}, a page of keys at a time, so any number of blobs goes; repeating it
   * after a failure removes what is left. The default deletes one key at a time; a store with a bulk delete (S3)
   * overrides it.
   *
   * @param prefix a folder, ending with {@code /}, so that a prefix never reaches a sibling such as {@code run-10}
   *     for {@code run-1}
   * @return how many blobs were removed
   */
  default int deleteAll(String prefix) {
    if (prefix == null || !prefix.endsWith("/") || prefix.length() < 2)
      throw new IllegalArgumentException("deleteAll needs a folder prefix ending with '/', was " + prefix);
    int deleted = 0;
    List<String> previous = List.of();
    while (true) {
      List<String> page = keys(prefix, 1_000);
      if (page.isEmpty()) return deleted;
      if (page.equals(previous))
        throw new IllegalStateException("blobs under " + prefix + " remain after being deleted, e.g. " + page.getFirst());
      page.forEach(this::delete);
      deleted += page.size();
      previous = page;
    }
  }
}
