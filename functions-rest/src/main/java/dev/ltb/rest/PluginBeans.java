package dev.ltb.rest;

import dev.ltb.api.PluginService;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.plugins.bundled.BundledPlugins;
import dev.ltb.wasm.ChicoryPluginRuntime;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The plugin store over S3 (manifests and modules under {@code tenants/<id>/plugins/}, uploads by presigned URL) and
 * the same sandbox the workers run plugins in, to validate an upload before a suite uses it.
 */
@Singleton
@UnlessBuildProfile("test")
public class PluginBeans {

  /** The workers' sandbox, with the bundled plugins precompiled. */
  @Produces
  @Singleton
  PluginRuntime runtime() {
    return BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build();
  }

  @Produces
  @Singleton
  PluginService plugins(AwsAdapters aws, PluginRuntime runtime) {
    DynamoTenancyStores stores = new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table());
    return PluginService.wire(aws.blobStore(), aws.uploadUrls(), runtime, stores.auditLog(), Clock.systemUTC());
  }
}
