package dev.ltb.rest;

import static dev.ltb.rest.ProxyEvents.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugins.bundled.BundledPlugins;
import dev.ltb.rest.ProxyEvents.As;
import dev.ltb.rest.ProxyEvents.Reply;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tenant's own plugin through the API: register its manifest, upload its module to the answered URL, validate it
 * in the same sandbox the workers use, list it, delete it. (The upload URL is S3's in AWS; here it writes the
 * in-memory blob store, as a client's PUT would.)
 */
@QuarkusTest
class PluginsApiTest {

  private static final As ADMIN = new As("plugco", "admin-plugco", "admin");
  private static final PluginManifest MAX_WORDS = BundledPlugins.manifest("max-words");
  private static final String SHA = MAX_WORDS.sha256();

  private static String manifest(String name) {
    return manifest(name, SHA, List.of());
  }

  private static String manifest(String name, String sha256, List<String> capabilities) {
    try {
      ObjectNode json = (ObjectNode) Json.mapper().readTree(MAX_WORDS.toJson());
      json.put("name", name).put("module", name + ".wasm").put("sha256", sha256);
      json.set("capabilities", Json.mapper().valueToTree(capabilities));
      return json.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPluginIsRegisteredUploadedValidatedListedAndDeleted() {
    Reply registered = send(ADMIN, "POST", "/plugins", manifest("word-cap"));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    String uploadUrl = registered.json().path("upload").path("url").asText();
    assertThat(uploadUrl).endsWith("/tenants/plugco/plugins/word-cap/" + SHA + ".wasm");
    assertThat(registered.json().path("declaration").asText()).isEqualTo("plugins: {word-cap: {sha256: " + SHA + "}}");

    Reply early = send(ADMIN, "POST", "/plugins/word-cap/" + SHA + "/validate", null);
    assertThat(early.json().path("valid").asBoolean()).isFalse();
    assertThat(early.json().path("problem").asText()).contains("module was not uploaded");

    TestApiBeans.PORTS.blobs.put(
        uploadUrl.substring("https://uploads.test/".length()), BundledPlugins.module("max-words"), "application/wasm");
    Reply validated = send(ADMIN, "POST", "/plugins/word-cap/" + SHA + "/validate", null);
    assertThat(validated.status()).isEqualTo(200);
    assertThat(validated.json().path("valid").asBoolean()).as(validated.body()).isTrue();

    Reply listed = send(As.member("plugco"), "GET", "/plugins", null);
    assertThat(listed.json().path(0).path("name").asText()).isEqualTo("word-cap");
    assertThat(listed.json().path(0).path("moduleUploaded").asBoolean()).isTrue();

    assertThat(send(ADMIN, "DELETE", "/plugins/word-cap/" + SHA, null).status()).isEqualTo(204);
    assertThat(send(ADMIN, "GET", "/plugins", null).json().size()).isZero();
  }

  @Test
  void aModuleThatIsNotWebAssemblyIsInvalidWithTheSandboxsReason() {
    String name = "not-wasm";
    byte[] junk = "MZ this is not a wasm module".getBytes(StandardCharsets.UTF_8);
    String manifest = manifest(name, ModuleHash.sha256(junk), List.of());
    Reply registered = send(ADMIN, "POST", "/plugins", manifest);
    String key = registered.json().path("upload").path("url").asText().substring("https://uploads.test/".length());
    TestApiBeans.PORTS.blobs.put(key, junk, "application/wasm");

    Reply validated = send(ADMIN, "POST", "/plugins/" + name + "/" + ModuleHash.sha256(junk) + "/validate", null);

    assertThat(validated.json().path("valid").asBoolean()).isFalse();
    assertThat(validated.json().path("problem").asText()).isNotBlank();
  }

  @Test
  void anotherTenantsPluginAnswersLikeAMissingOneAndViewersCannotRegister() {
    send(ADMIN, "POST", "/plugins", manifest("private-check"));

    Reply foreign = send(As.owner("othertenant"), "POST", "/plugins/private-check/" + SHA + "/validate", null);
    Reply missing = send(As.owner("othertenant"), "POST", "/plugins/never-was/" + SHA + "/validate", null);
    Reply viewer = send(new As("plugco", "viewer-plugco", "viewer"), "POST", "/plugins", manifest("x-check"));

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(missing.body().replace("never-was", "private-check"));
    assertThat(viewer.status()).isEqualTo(403);
  }

  @Test
  void aManifestAskingForNetworkAccessIsRefusedNamingTheField() {
    Reply refused = send(ADMIN, "POST", "/plugins", manifest("net-check", SHA, List.of("log", "network")));

    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().path("errors").path(0).path("field").asText()).isEqualTo("manifest.capabilities");
  }
}
