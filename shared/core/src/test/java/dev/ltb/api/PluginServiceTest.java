package dev.ltb.api;

import static dev.ltb.testkit.ApiTestPorts.ACME;
import static dev.ltb.testkit.ApiTestPorts.BETA;
import static dev.ltb.testkit.ApiTestPorts.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.pipeline.CloudPlugins;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.plugin.PluginCatalog;
import dev.ltb.plugin.PluginException;
import dev.ltb.security.AccessDeniedException;
import dev.ltb.security.Role;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.testkit.ApiTestPorts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginServiceTest {

  private static final byte[] MODULE = "\0asm a module".getBytes(StandardCharsets.UTF_8);
  private static final String SHA = ModuleHash.sha256(MODULE);
  private static final String MANIFEST =
      """
      {"name": "word-cap", "version": "1.2.0", "kind": "evaluator", "description": "at most value words",
       "module": "word-cap.wasm", "sha256": "%s", "capabilities": ["log"]}
      """.formatted(SHA);

  private final ApiTestPorts ports = new ApiTestPorts();
  private final List<byte[]> loaded = new ArrayList<>();
  private final PluginService plugins =
      PluginService.wire(
          ports.blobs,
          (key, contentType, validFor) ->
              new UploadUrls.Upload(URI.create("https://uploads.example/" + key), Map.of("Content-Type", contentType)),
          (manifest, module) -> {
            if (!Arrays.equals(module, MODULE)) throw new PluginException.InvalidModule("not a WebAssembly module", null);
            loaded.add(module);
            return null;
          },
          ports.audit,
          ports.clock);
  private final Caller admin = caller(ACME, Role.ADMIN);

  @Test
  void aRegisteredVersionGetsAnUploadUrlForItsModuleAndTheDeclarationSuitesUse() {
    PluginService.PluginUpload upload = plugins.register(admin, MANIFEST);

    assertThat(upload.upload().url().toString())
        .isEqualTo("https://uploads.example/tenants/acme/plugins/word-cap/" + SHA + ".wasm");
    assertThat(upload.upload().headers()).containsEntry("Content-Type", "application/wasm");
    assertThat(upload.expiresAt()).isEqualTo(ports.clock.instant().plus(PluginService.UPLOAD_VALIDITY));
    assertThat(upload.declaration()).isEqualTo("plugins: {word-cap: {sha256: " + SHA + "}}");
    assertThat(plugins.list(caller(ACME, Role.VIEWER)))
        .singleElement()
        .satisfies(version -> {
          assertThat(version.version()).isEqualTo("1.2.0");
          assertThat(version.moduleUploaded()).isFalse();
        });
  }

  @Test
  void validationSaysTheModuleIsMissingUntilItArrivesThenLoadsItInTheSandbox() {
    plugins.register(admin, MANIFEST);

    PluginService.PluginCheck before = plugins.validate(admin, "word-cap", SHA);
    assertThat(before.valid()).isFalse();
    assertThat(before.problem()).contains("module was not uploaded");

    ports.blobs.put("tenants/acme/plugins/word-cap/" + SHA + ".wasm", MODULE, "application/wasm");
    PluginService.PluginCheck after = plugins.validate(admin, "word-cap", SHA.toUpperCase());
    assertThat(after.valid()).isTrue();
    assertThat(after.plugin().moduleUploaded()).isTrue();
    assertThat(loaded).hasSize(1);
  }

  @Test
  void aModuleThatIsNotTheOneTheManifestNamesIsInvalidWithTheReason() {
    plugins.register(admin, MANIFEST);
    ports.blobs.put("tenants/acme/plugins/word-cap/" + SHA + ".wasm", "other bytes".getBytes(StandardCharsets.UTF_8), "application/wasm");

    PluginService.PluginCheck check = plugins.validate(admin, "word-cap", SHA);

    assertThat(check.valid()).isFalse();
    assertThat(check.problem()).contains("SHA-256");
    assertThat(loaded).isEmpty();
  }

  @Test
  void anotherTenantSeesNothingAndItsIdsAnswerLikeMissingOnes() {
    plugins.register(admin, MANIFEST);
    Caller beta = caller(BETA, Role.OWNER);

    assertThat(plugins.list(beta)).isEmpty();
    assertThatThrownBy(() -> plugins.validate(beta, "word-cap", SHA)).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> plugins.delete(beta, "word-cap", SHA)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(plugins.list(admin)).hasSize(1);
  }

  @Test
  void viewersReadButCannotRegisterValidateOrDelete() {
    Caller viewer = caller(ACME, Role.VIEWER);

    assertThatThrownBy(() -> plugins.register(viewer, MANIFEST)).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> plugins.delete(viewer, "word-cap", SHA)).isInstanceOf(AccessDeniedException.class);
    assertThat(plugins.list(viewer)).isEmpty();
  }

  @Test
  void aManifestTheSandboxCannotHonourIsRefusedNamingTheField() {
    ApiException malformed = catchApi(() -> plugins.register(admin, "{\"name\": \"Word Cap\"}"));
    ApiException network = catchApi(() -> plugins.register(admin, MANIFEST.replace("[\"log\"]", "[\"log\", \"network\"]")));

    assertThat(malformed.problem().detail()).startsWith("manifest: ").contains("kebab-case");
    assertThat(network.problem().detail()).startsWith("manifest.capabilities: ").contains("network");
    assertThat(plugins.list(admin)).isEmpty();
  }

  @Test
  void deletingAVersionRemovesManifestAndModule() {
    plugins.register(admin, MANIFEST);
    ports.blobs.put("tenants/acme/plugins/word-cap/" + SHA + ".wasm", MODULE, "application/wasm");

    plugins.delete(admin, "word-cap", SHA);

    assertThat(plugins.list(admin)).isEmpty();
    assertThat(ports.blobs.keys("tenants/acme/plugins/", 10)).isEmpty();
    assertThatThrownBy(() -> plugins.delete(admin, "word-cap", SHA)).isInstanceOf(ResourceNotFoundException.class);
  }

  private static ApiException catchApi(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("no ApiException");
  }

  @Test
  void aSuitePinningAnUploadedPluginIsAcceptedByTheApiAsThePlanStepWouldAndAnotherTenantsPinIsNot() {
    plugins.register(admin, MANIFEST);
    ports.blobs.put("tenants/acme/plugins/word-cap/" + SHA + ".wasm", MODULE, "application/wasm");
    ApiServices api = ApiServices.wire(ports.ports,
        tenant -> CloudPlugins.support(PluginCatalog.EMPTY, (manifest, module) -> null, ports.blobs, tenant));
    String suite = """
        prompts: ["Say {{x}}"]
        providers: [echo]
        plugins: {word-cap: {sha256: %s}}
        tests: [{vars: {x: hi}, assert: [{type: "plugin:word-cap", value: 3}]}]
        """.formatted(SHA);

    assertThat(api.suites().create(admin, new SuiteService.SuiteText("capped", "yaml", suite)).version()).isEqualTo(1);
    ApiException refused = catchApi(() ->
        api.suites().create(caller(BETA, Role.ADMIN), new SuiteService.SuiteText("capped", "yaml", suite)));
    assertThat(refused.problem().status()).isEqualTo(422);
    assertThat(refused.problem().detail() + refused.problem().errors()).contains("word-cap");
  }
}
