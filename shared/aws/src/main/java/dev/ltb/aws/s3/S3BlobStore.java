package dev.ltb.aws.s3;

import dev.ltb.aws.AwsStorageException;
import dev.ltb.pipeline.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs in one S3 bucket. Callers choose the keys (by convention {@code tenants/<tenantId>/…}); this store
 * only checks that a key is one S3 accepts. Failures say which bucket and key and what to check.
 */
public final class S3BlobStore implements BlobStore {

  private static final int MAX_KEY_BYTES = 1_024;
  /** The most keys one DeleteObjects call (and one ListObjectsV2 page) takes. */
  private static final int DELETE_BATCH = 1_000;

  private final S3Client s3;
  private final String bucket;

  public S3BlobStore(S3Client s3, String bucket) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("bucket must not be blank");
    this.bucket = bucket;
  }

  public String bucket() {
    return bucket;
  }

  @Override
  public void put(String key, byte[] content, String contentType) {
    checkKey(key);
    Objects.requireNonNull(content, "content");
    try {
      s3.putObject(
          request -> request.bucket(bucket).key(key).contentType(contentType == null ? "application/octet-stream" : contentType),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw failure("write", key, e);
    }
  }

  @Override
  public Optional<byte[]> get(String key) {
    checkKey(key);
    try {
      return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public List<String> keys(String prefix, int limit) {
    checkKey(prefix);
    try {
      return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix)).contents().stream()
          .limit(limit).map(S3Object::key).toList();
    } catch (SdkException e) {
      throw failure("list", prefix, e);
    }
  }

  @Override
  public void delete(String key) {
    checkKey(key);
    try {
      s3.deleteObject(request -> request.bucket(bucket).key(key));
    } catch (SdkException e) {
      throw failure("delete", key, e);
    }
  }

  /**
   * Lists up to 1,000 keys under the prefix and removes them with one DeleteObjects call, until none is left; a key
   * S3 could not delete fails the call, and calling again removes what is left.
   */
  @Override
  public int deleteAll(String prefix) {
    checkKey(prefix);
    if (!prefix.endsWith("/"))
      throw new IllegalArgumentException("deleteAll needs a folder prefix ending with '/', was " + prefix);
    int deleted = 0;
    while (true) {
      List<ObjectIdentifier> page;
      DeleteObjectsResponse response;
      try {
        page = s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix).maxKeys(DELETE_BATCH)).contents()
            .stream().map(object -> ObjectIdentifier.builder().key(object.key()).build()).toList();
        if (page.isEmpty()) return deleted;
        response = s3.deleteObjects(request -> request.bucket(bucket).delete(batch -> batch.objects(page).quiet(true)));
      } catch (SdkException e) {
        throw failure("delete everything under", prefix, e);
      }
      if (!response.errors().isEmpty()) {
        S3Error first = response.errors().getFirst();
        throw new AwsStorageException("Cannot delete " + response.errors().size() + " of the blobs under "
            + uri(prefix) + ", e.g. " + first.key() + ": " + first.code() + " " + first.message() + "; try again");
      }
      deleted += page.size();
    }
  }

  /** {@code s3://bucket/key}, for messages. */
  public String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }

  private AwsStorageException failure(String action, String key, SdkException e) {
    String hint =
        switch (e) {
          case NoSuchBucketException ignored ->
              "the bucket does not exist: create it or set LTB_BUCKET to an existing one";
          case S3Exception s3Error when s3Error.statusCode() == 403 ->
              "access denied: the function's role needs s3:GetObject and s3:PutObject on " + bucket + "/tenants/*";
          case S3Exception s3Error -> "S3 answered " + s3Error.statusCode() + ": " + s3Error.awsErrorDetails().errorMessage();
          default -> e.getMessage();
        };
    return new AwsStorageException("Cannot " + action + " " + uri(key) + ": " + hint, e);
  }

  private static void checkKey(String key) {
    if (key == null || key.isBlank()) throw new IllegalArgumentException("A blob key must not be blank");
    if (key.startsWith("/")) throw new IllegalArgumentException("A blob key must not start with '/': " + key);
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES)
      throw new IllegalArgumentException("A blob key is at most 1,024 bytes of UTF-8, S3's limit: " + key);
  }
}
