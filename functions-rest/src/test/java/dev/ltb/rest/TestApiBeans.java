package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.api.DatasetService;
import dev.ltb.api.PluginService;
import dev.ltb.api.UploadUrls;
import dev.ltb.plugins.bundled.BundledPlugins;
import dev.ltb.testkit.ApiTestPorts;
import dev.ltb.wasm.ChicoryPluginRuntime;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Map;

/** In tests the use cases run over the core's in-memory ports with the real loader, plan and cancel steps. */
@Singleton
public class TestApiBeans {

  static final ApiTestPorts PORTS = new ApiTestPorts();

  @Produces
  @Singleton
  ApiServices services() {
    return PORTS.services;
  }

  /** Uploads land in the in-memory blob store (a test PUTs the module there); the sandbox is the real one. */
  @Produces
  @Singleton
  PluginService plugins() {
    return PluginService.wire(
        PORTS.blobs,
        (key, contentType, validFor) ->
            new UploadUrls.Upload(URI.create("https://uploads.test/" + key), Map.of("Content-Type", contentType)),
        BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build(), PORTS.audit, PORTS.clock);
  }

  /** Dataset uploads land in the in-memory blob store too (a test PUTs the file there); the loader is the API's. */
  @Produces
  @Singleton
  DatasetService datasets() {
    return DatasetService.wire(
        PORTS.blobs,
        (key, contentType, validFor) ->
            new UploadUrls.Upload(URI.create("https://uploads.test/" + key), Map.of("Content-Type", contentType)),
        PORTS.loader, PORTS.audit, PORTS.clock);
  }
}
