package dev.ltb.aws.s3;

import dev.ltb.api.UploadUrls;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Presigned S3 {@code PUT} URLs into the blob store's bucket, signed with the function's own credentials (so the
 * URL can write only where the function's role may, under {@code tenants/*}). The presigner takes its endpoint,
 * region and credentials from the S3 client, so it works wherever the blob store does (the local cloud too).
 */
public final class S3UploadUrls implements UploadUrls, AutoCloseable {

  private final S3Presigner presigner;
  private final String bucket;

  public S3UploadUrls(S3Client s3, String bucket) {
    this.presigner = S3Presigner.builder().s3Client(Objects.requireNonNull(s3, "s3")).build();
    this.bucket = Objects.requireNonNull(bucket, "bucket");
  }

  @Override
  public Upload forPut(String key, String contentType, Duration validFor) {
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(
            request -> request
                .signatureDuration(validFor)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(contentType)));
    Map<String, String> headers =
        presigned.signedHeaders().entrySet().stream()
            .filter(header -> !header.getKey().equalsIgnoreCase("host"))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, header -> String.join(",", header.getValue())));
    return new Upload(java.net.URI.create(presigned.url().toString()), headers);
  }

  @Override
  public void close() {
    presigner.close();
  }
}
