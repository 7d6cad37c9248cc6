package dev.ltb.rest;

import dev.ltb.api.ApiServices;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsProviders;
import dev.ltb.aws.api.AwsApiPorts;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.pipeline.CloudPlugins;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.plugins.bundled.BundledPlugins;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import io.quarkus.arc.profile.UnlessBuildProfile;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * The use cases over the AWS adapters ({@link AwsApiPorts}), built once per container from the environment the
 * CDK sets ({@code LTB_TABLE}, {@code LTB_BUCKET}, {@code LTB_STATE_MACHINE_ARN}, {@code LTB_CANCEL_FUNCTION_ARN},
 * {@code LTB_SECRETS_PREFIX}; see docs/aws-adapters.md). Providers and the suite loader are the worker's (built-in
 * providers plus Bedrock), so a suite the API accepts is one the worker can run.
 */
@Singleton
@UnlessBuildProfile("test")
public class AwsApiBeans {

  @Produces
  @Singleton
  AwsAdapters awsAdapters() {
    return AwsAdapters.fromEnvironment();
  }

  void close(@Disposes AwsAdapters aws) {
    aws.close();
  }

  @Produces
  @Singleton
  ApiServices services(AwsAdapters aws, PluginRuntime runtime) {
    ProviderRegistry providers = providers();
    return AwsApiPorts.services(aws, providers, suiteLoader(providers),
        tenant -> CloudPlugins.support(BundledPlugins.catalog(), runtime, aws.blobStore(), tenant), Clock.systemUTC());
  }

  /** The worker's providers: built-in HTTP providers and the Bedrock ones. */
  static ProviderRegistry providers() {
    ProviderRegistry registry = BuiltInProviders.registry();
    for (var factory : AwsProviders.factories()) registry = registry.with(factory);
    return registry;
  }

  /** The worker's suite vocabulary: built-in evaluators, the providers above. */
  static SuiteLoader suiteLoader(ProviderRegistry providers) {
    var evaluators = BuiltInEvaluators.registry();
    var requiringValue =
        evaluators.descriptors().stream().filter(d -> d.valueRequired()).map(d -> d.id()).collect(Collectors.toSet());
    return new SuiteLoader(new SuiteVocabulary(evaluators.ids(), requiringValue, providers::supports));
  }
}
