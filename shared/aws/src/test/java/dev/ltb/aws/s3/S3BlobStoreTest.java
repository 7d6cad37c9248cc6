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
