package dev.ltb.rest;

import static dev.ltb.rest.ProxyEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.plugin.ModuleHash;
import dev.ltb.rest.ProxyEvents.As;
import dev.ltb.rest.ProxyEvents.Reply;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A tenant's dataset through the API: register it, upload its file to the answered URL, validate it, use it in a run
 * by name, list it, delete it. (The upload URL is S3's in AWS; here it writes the in-memory blob store, as a client's
 * PUT would.)
 */
@QuarkusTest
class DatasetsApiTest {

  private static final As ADMIN = new As("dataco", "admin-dataco", "admin");
  private static final String CSV = "city,__expected\nParis,contains:Paris\nRome,contains:Rome\n";
  private static final String SHA = sha(CSV);

  @Test
  void aDatasetIsRegisteredUploadedValidatedUsedByARunListedAndDeleted() {
    Reply registered = send(ADMIN, "POST", "/datasets", registration("cities", "csv", CSV));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String uploadUrl = registered.json().path("upload").path("url").asText();
    assertThat(uploadUrl).endsWith("/tenants/dataco/datasets/cities/" + SHA + ".csv");
    assertThat(registered.json().path("upload").path("headers").path("Content-Type").asText()).isEqualTo("text/csv");
    assertThat(registered.json().path("reference").asText()).isEqualTo("dataset://cities@sha256:" + SHA);
    assertThat(registered.json().path("dataset").path("status").asText()).isEqualTo("pending");

    put(uploadUrl, CSV);
    Reply validated = send(ADMIN, "POST", "/datasets/cities/versions/" + SHA + "/validate", null);
    assertThat(validated.status()).isEqualTo(200);
    assertThat(validated.json().path("status").asText()).as(validated.body()).isEqualTo("ready");
    assertThat(validated.json().path("rows").asInt()).isEqualTo(2);

    String suite = "prompts: [\\\"Answer: {{city}}\\\"]\\nproviders: [echo]\\ntests: dataset://cities\\n";
    Reply run = send(ADMIN, "POST", "/runs", "{\"suite\":\"" + suite + "\"}");
    assertThat(run.status()).as(run.body()).isEqualTo(201);
    assertThat(run.json().path("totalItems").asInt()).isEqualTo(2);

    Reply listed = send(new As("dataco", "viewer-dataco", "viewer"), "GET", "/datasets", null);
    assertThat(listed.json().path("items").path(0).path("name").asText()).isEqualTo("cities");
    assertThat(listed.json().path("items").path(0).path("latest").path("sha256").asText()).isEqualTo(SHA);

    Reply again = send(ADMIN, "POST", "/datasets", registration("cities", "csv", CSV));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().has("upload")).isFalse();

    assertThat(send(ADMIN, "DELETE", "/datasets/cities", null).status()).isEqualTo(204);
    assertThat(send(ADMIN, "GET", "/datasets/cities", null).status()).isEqualTo(404);
    Reply orphan = send(ADMIN, "POST", "/runs", "{\"suite\":\"" + suite + "\"}");
    assertThat(orphan.status()).isEqualTo(422);
    assertThat(orphan.json().path("type").asText()).isEqualTo("https://ltb.dev/problems/invalid-suite");
    assertThat(orphan.body()).contains("no ready dataset cities");
  }

  @Test
  void aFileWithAMistakeIsInvalidWithItsLine() {
    String csv = "city,__expected\nParis,contains:Paris\nRome,contians:Rome\n";
    Reply registered = send(ADMIN, "POST", "/datasets", registration("typo", "csv", csv));
    put(registered.json().path("upload").path("url").asText(), csv);

    Reply validated = send(ADMIN, "POST", "/datasets/typo/versions/" + sha(csv) + "/validate", null);

    assertThat(validated.json().path("status").asText()).isEqualTo("invalid");
    assertThat(validated.json().path("problem").asText()).startsWith("typo.csv:3:").contains("contians");
  }

  @Test
  void badRequestsAreProblemsNamingTheField() {
    Reply tooLarge = send(ADMIN, "POST", "/datasets",
        "{\"name\":\"huge\",\"format\":\"csv\",\"sha256\":\"" + SHA + "\",\"sizeBytes\":999999999999}");
    Reply badFormat = send(ADMIN, "POST", "/datasets",
        "{\"name\":\"cities\",\"format\":\"xlsx\",\"sha256\":\"" + SHA + "\",\"sizeBytes\":10}");
    Reply viewer = send(new As("dataco", "viewer-dataco", "viewer"), "POST", "/datasets",
        registration("cities", "csv", CSV));

    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().path("type").asText()).isEqualTo("https://ltb.dev/problems/payload-too-large");
    assertThat(badFormat.status()).isEqualTo(400);
    assertThat(badFormat.json().path("errors").path(0).path("field").asText()).isEqualTo("format");
    assertThat(viewer.status()).isEqualTo(403);
  }

  private static String registration(String name, String format, String text) {
    return "{\"name\":\"" + name + "\",\"format\":\"" + format + "\",\"sha256\":\"" + sha(text) + "\",\"sizeBytes\":"
        + text.getBytes(StandardCharsets.UTF_8).length + "}";
  }

  private static void put(String uploadUrl, String text) {
    TestApiBeans.PORTS.blobs.put(
        uploadUrl.substring("https://uploads.test/".length()), text.getBytes(StandardCharsets.UTF_8), "text/csv");
  }

  private static String sha(String text) {
    return ModuleHash.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
