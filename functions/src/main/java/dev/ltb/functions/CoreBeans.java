package dev.ltb.functions;

import dev.ltb.aws.AwsProviders;
import dev.ltb.engine.RetrySettings;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluatorInventory;
import dev.ltb.evaluator.EvaluatorRegistry;
import dev.ltb.evaluator.judge.JudgeSettings;
import dev.ltb.evaluator.judge.Judges;
import dev.ltb.pipeline.AggregateStep;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.CancelStep;
import dev.ltb.pipeline.CloudPlugins;
import dev.ltb.pipeline.MarkFailedStep;
import dev.ltb.pipeline.NotifyStep;
import dev.ltb.pipeline.PlanStep;
import dev.ltb.pipeline.RunEvents;
import dev.ltb.pipeline.RunExecutions;
import dev.ltb.pipeline.RunEndListener;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.pipeline.ShardCallbacks;
import dev.ltb.pipeline.ShardWorker;
import dev.ltb.pipeline.TenantSecrets;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.plugins.bundled.BundledPlugins;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.SecretResolver;
import dev.ltb.run.RunEngine;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import dev.ltb.wasm.ChicoryPluginRuntime;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The core services and steps, built once per container from the ports (produced by {@link AwsBeans}) and
 * the configuration; every default is visible here or in {@code application.properties}.
 */
@Singleton
public class CoreBeans {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  ProviderRegistry providers() {
    ProviderRegistry registry = BuiltInProviders.registry();
    for (var factory : AwsProviders.factories()) registry = registry.with(factory);
    return registry;
  }

  /** Providers read API keys through the secret port; file:// config resolves nowhere (see PlanStep). */
  @Produces
  @Singleton
  ProviderContext providerContext(SecretResolver secrets) {
    return new ProviderContext(ProviderContext.defaultHttpClient(), secrets, Path.of("."));
  }

  @Produces
  @Singleton
  RunEngine engine(ProviderRegistry providers, ProviderContext context, Clock clock) {
    EvaluatorRegistry evaluators = evaluators(providers, context);
    AssertionRunner assertions = new AssertionRunner(evaluators);
    return new RunEngine(
        providers, context, assertions::run, suite -> EvaluatorInventory.of(suite, evaluators), RetrySettings.DEFAULT,
        clock);
  }

  /**
   * The plugin host: one per container, caching each compiled module by hash; the bundled plugins' machines
   * were compiled at build time.
   */
  @Produces
  @Singleton
  PluginRuntime pluginRuntime() {
    return BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build();
  }

  /** Bundled and tenant-uploaded plugins for the plan step, the workers, aggregation and cancellation. */
  @Produces
  @Singleton
  CloudPlugins plugins(
      RunEngine engine, ProviderRegistry providers, ProviderContext context, PluginRuntime runtime, BlobStore blobs) {
    return new CloudPlugins(engine, evaluators(providers, context), BundledPlugins.catalog(), runtime, blobs);
  }

  /** The built-in evaluators; judges cannot use the embedded similarity model here (see NoEmbeddedModel). */
  private static EvaluatorRegistry evaluators(ProviderRegistry providers, ProviderContext context) {
    return BuiltInEvaluators.registry(
        new Judges(providers, context, JudgeSettings.DEFAULTS, () -> NoEmbeddedModel.INSTANCE));
  }

  @Produces
  @Singleton
  SuiteLoader suiteLoader(ProviderRegistry providers) {
    EvaluatorRegistry evaluators = BuiltInEvaluators.registry();
    var requiringValue =
        evaluators.descriptors().stream().filter(d -> d.valueRequired()).map(d -> d.id()).collect(Collectors.toSet());
    return new SuiteLoader(new SuiteVocabulary(evaluators.ids(), requiringValue, providers::supports));
  }

  @Produces
  @Singleton
  WorkerSettings workerSettings(
      @ConfigProperty(name = "ltb.worker.heartbeat-interval", defaultValue = "60s") Duration heartbeatInterval,
      @ConfigProperty(name = "ltb.worker.status-poll-interval", defaultValue = "2s") Duration statusPollInterval,
      @ConfigProperty(name = "ltb.worker.max-deliveries", defaultValue = "3") int maxDeliveries,
      @ConfigProperty(name = "ltb.worker.cached-runs", defaultValue = "8") int cachedRuns) {
    return new WorkerSettings(heartbeatInterval, statusPollInterval, maxDeliveries, cachedRuns);
  }

  @Produces
  @Singleton
  WorkerMetrics workerMetrics() {
    return new WorkerMetrics(MetricsFactory.getMetricsInstance());
  }

  @Produces
  @Singleton
  PlanStep plan(
      RunHistories histories, BlobStore blobs, SuiteLoader loader, CloudPlugins plugins, RunEvents events,
      Clock clock) {
    return new PlanStep(histories, blobs, tenant -> loader.withPlugins(plugins.support(tenant)), events, clock);
  }

  @Produces
  @Singleton
  ShardWorker worker(
      RunHistories histories, BlobStore blobs, ShardCallbacks callbacks, RunEvents events, CloudPlugins plugins,
      RunEngine engine, TenantSecrets secrets, WorkerSettings settings, WorkerMetrics metrics) {
    return new ShardWorker(histories, blobs, callbacks, events, plugins, engine, secrets, settings, metrics);
  }

  @Produces
  @Singleton
  AggregateStep aggregate(RunHistories histories, BlobStore blobs, CloudPlugins plugins) {
    return new AggregateStep(histories, blobs, plugins);
  }

  /** With every {@link RunEndListener} the app has (outbound webhooks: {@link WebhookBeans}). */
  @Produces
  @Singleton
  NotifyStep notifyStep(RunHistories histories, RunEvents events, Clock clock, @Any Instance<RunEndListener> listeners) {
    return new NotifyStep(histories, events, clock, listeners.stream().toList());
  }

  NotifyStep notifyStep(RunHistories histories, RunEvents events, Clock clock) {
    return new NotifyStep(histories, events, clock);
  }

  @Produces
  @Singleton
  MarkFailedStep markFailed(RunHistories histories, NotifyStep notify, Clock clock) {
    return new MarkFailedStep(histories, notify, clock);
  }

  @Produces
  @Singleton
  CancelStep cancel(
      RunHistories histories, BlobStore blobs, CloudPlugins plugins, RunExecutions executions, NotifyStep notify) {
    return new CancelStep(histories, blobs, plugins, executions, notify);
  }
}
