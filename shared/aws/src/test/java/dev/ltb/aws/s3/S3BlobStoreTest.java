package dev.ltb.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.aws.AwsStorageException;
import dev.ltb.aws.LocalAws;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3BlobStoreTest {

  @RegisterExtension static LocalAws aws = new LocalAws();

  private static S3BlobStore store;

  @BeforeAll
  static void bucket() {
    store = new S3BlobStore(aws.clients().s3(), aws.newBucket());
  }

  @Test
  void keepsBlobsByKeyWithTheirContentType() {
    byte[] report = "<html><body>92% passed</body></html>".getBytes(StandardCharsets.UTF_8);

    store.put("tenants/acme/runs/r1/report.html", report, "text/html");

    assertThat(store.get("tenants/acme/runs/r1/report.html")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(report));
    assertThat(
            aws.clients().s3()
                .headObject(request -> request.bucket(store.bucket()).key("tenants/acme/runs/r1/report.html"))
                .contentType())
        .isEqualTo("text/html");
  }

  @Test
  void listsKeysUnderAPrefixInOrderAndDeletes() {
    store.put("tenants/lister/plugins/b/2.wasm", new byte[] {2}, "application/wasm");
    store.put("tenants/lister/plugins/a/1.json", new byte[] {1}, "application/json");
    store.put("tenants/listers/other", new byte[] {3}, "application/json");

    assertThat(store.keys("tenants/lister/", 10))
        .containsExactly("tenants/lister/plugins/a/1.json", "tenants/lister/plugins/b/2.wasm");
    assertThat(store.keys("tenants/lister/", 1)).hasSize(1);

    store.delete("tenants/lister/plugins/a/1.json");
    store.delete("tenants/lister/plugins/a/never-was.json");
    assertThat(store.keys("tenants/lister/", 10)).containsExactly("tenants/lister/plugins/b/2.wasm");
  }

  @Test
  void aPresignedUploadWritesTheFileWithoutTheApiInBetween() throws Exception {
    byte[] module = {0, 'a', 's', 'm', 1, 0, 0, 0};
    try (S3UploadUrls uploads = new S3UploadUrls(aws.clients().s3(), store.bucket())) {
      var upload = uploads.forPut("tenants/acme/plugins/p/abc.wasm", "application/wasm", java.time.Duration.ofMinutes(5));

      assertThat(upload.url().getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
      var request = java.net.http.HttpRequest.newBuilder(upload.url())
          .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(module));
      upload.headers().forEach(request::header);
      var response = java.net.http.HttpClient.newHttpClient()
          .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(store.get("tenants/acme/plugins/p/abc.wasm")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(module));
    }
  }

  @Test
  void deleteAllRemovesEveryBlobOfARunBeyondOneListingPageAndNothingOfItsSiblings() {
    String run = "tenants/sweeper/runs/run-1/";
    java.util.stream.IntStream.range(0, 1_050).parallel()
        .forEach(i -> store.put(run + "items/item-%04d.json".formatted(i), new byte[] {1}, "application/json"));
    store.put(run + "report.html", new byte[] {2}, "text/html");
    store.put("tenants/sweeper/runs/run-10/report.html", new byte[] {3}, "text/html");

    assertThat(store.deleteAll(run)).isEqualTo(1_051);
    assertThat(store.keys(run, 10)).isEmpty();
    assertThat(store.keys("tenants/sweeper/runs/", 10)).containsExactly("tenants/sweeper/runs/run-10/report.html");
    assertThat(store.deleteAll(run)).isZero();
  }

  @Test
  void aMissingKeyIsEmpty() {
    assertThat(store.get("tenants/acme/runs/none/summary.json")).isEmpty();
  }

  @Test
  void aMissingBucketSaysWhatToDo() {
    S3BlobStore nowhere = new S3BlobStore(aws.clients().s3(), "ltb-no-such-bucket");

    assertThatThrownBy(() -> nowhere.put("tenants/acme/suite.json", new byte[] {1}, "application/json"))
        .isInstanceOf(AwsStorageException.class)
        .hasMessage(
            "Cannot write s3://ltb-no-such-bucket/tenants/acme/suite.json: the bucket does not exist: create it or set"
                + " LTB_BUCKET to an existing one");
  }

  @Test
  void rejectsKeysS3WouldNot() {
    assertThatThrownBy(() -> store.get(" ")).hasMessage("A blob key must not be blank");
    assertThatThrownBy(() -> store.put("/tenants/acme", new byte[0], null))
        .hasMessage("A blob key must not start with '/': /tenants/acme");
  }
}
