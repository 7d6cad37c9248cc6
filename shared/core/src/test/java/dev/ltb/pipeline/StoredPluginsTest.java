package dev.ltb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.plugin.ModuleHash;
import dev.ltb.plugin.PluginCatalog;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginKind;
import dev.ltb.plugin.PluginLocator;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.suite.PluginSpec;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoredPluginsTest {

  private static final byte[] MODULE = "\0asm fake module bytes".getBytes(StandardCharsets.UTF_8);
  private static final String SHA = ModuleHash.sha256(MODULE);

  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final StoredPlugins acme = new StoredPlugins(blobs, "acme");

  @Test
  void anUploadedVersionIsFoundByNameAndHashUnderItsTenantOnly() {
    String pin = acme.put(plugin("word-cap", MODULE, SHA));

    assertThat(pin).isEqualTo(SHA);
    assertThat(acme.find("word-cap", SHA.toUpperCase())).get().satisfies(found -> {
      assertThat(found.module()).isEqualTo(MODULE);
      assertThat(found.manifest().name()).isEqualTo("word-cap");
    });
    assertThat(blobs.get("tenants/acme/plugins/word-cap/" + SHA + ".wasm")).isPresent();
    assertThat(new StoredPlugins(blobs, "globex").find("word-cap", SHA)).isEmpty();
    assertThat(acme.find("word-cap", "0".repeat(64))).isEmpty();
    assertThat(acme.find("../globex", SHA)).isEmpty();
  }

  @Test
  void aModuleThatIsNotTheOneItsManifestNamesIsRefusedOnUploadAndOnRead() {
    assertThatThrownBy(() -> acme.put(plugin("word-cap", MODULE, "a".repeat(64))))
        .isInstanceOf(PluginException.InvalidManifest.class);

    acme.put(plugin("word-cap", MODULE, SHA));
    blobs.put(acme.moduleKey("word-cap", SHA), "tampered".getBytes(StandardCharsets.UTF_8), "application/wasm");
    assertThatThrownBy(() -> acme.find("word-cap", SHA))
        .isInstanceOf(PluginException.InvalidManifest.class)
        .hasMessageContaining("SHA-256");
  }

  @Test
  void theCloudLocatorRefusesPathsAndPrefersTheTenantsPinnedUpload() {
    acme.put(plugin("word-cap", MODULE, SHA));
    PluginLocator cloud = PluginLocator.cloud(PluginCatalog.EMPTY, acme);

    assertThat(cloud.locate(new PluginSpec("word-cap", null, SHA, null, null)).module()).isEqualTo(MODULE);
    assertThatThrownBy(() -> cloud.locate(new PluginSpec("word-cap", "/work/checks/word-cap", null, null, null)))
        .isInstanceOf(PluginException.NotFound.class)
        .hasMessageContaining("cannot be read from a path")
        .hasMessageContaining("plugins: {word-cap: {sha256:");
    assertThatThrownBy(() -> cloud.locate(new PluginSpec("word-cap", null, null, null, null)))
        .hasMessageContaining("pin an uploaded one by its module's hash");
  }

  private static PluginPackage plugin(String name, byte[] module, String sha256) {
    return new PluginPackage(
        new PluginManifest(name, "1.0.0", PluginKind.EVALUATOR, null, name + ".wasm", sha256, null, Set.of(), null),
        module, "test");
  }
}
