package dev.ltb.functions;

import dev.ltb.aws.AwsAdapters;
import dev.ltb.pipeline.NotifyStep;
import dev.ltb.pipeline.RunExecutions;
import dev.ltb.pipeline.WorkerSettings;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.pipeline.CloudPlugins;
import dev.ltb.plugin.PluginRuntime;
import dev.ltb.run.RunEngine;
import dev.ltb.suite.load.SuiteLoader;
import java.time.Clock;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The handlers built by the functions app's own producer methods ({@link CoreBeans}, {@link AwsBeans}) in
 * plain Java, for tests that run every function in one JVM on the local cloud (a Quarkus app serves one
 * handler per process). The Quarkus build checks the CDI graph itself.
 */
public final class FunctionsWiring {

  /** One plugin host for every test of the JVM, as a warm container keeps one. */
  private static final PluginRuntime PLUGIN_RUNTIME = new CoreBeans().pluginRuntime();

  private final CoreBeans core = new CoreBeans();
  private final AwsBeans awsBeans = new AwsBeans();
  private final Clock clock = core.clock();
  private final ProviderRegistry providers = core.providers();
  private final ProviderContext context;
  private final RunEngine engine;
  private final CloudPlugins plugins;
  private final AwsAdapters aws;
  private final RunExecutions executions;
  private final WorkerSettings settings;
  private final WorkerMetrics metrics = new WorkerMetrics(MetricsFactory.getMetricsInstance());

  public FunctionsWiring(AwsAdapters aws, RunExecutions executions, WorkerSettings settings) {
    this.aws = aws;
    this.executions = executions;
    this.settings = settings;
    this.context = core.providerContext(awsBeans.secrets(aws));
    this.engine = core.engine(providers, context, clock);
    this.plugins = core.plugins(engine, providers, context, PLUGIN_RUNTIME, awsBeans.blobStore(aws));
  }

  public RunEngine engine() {
    return engine;
  }

  /** The providers the handlers call (the REST app's ports validate suites against the same registry). */
  public ProviderRegistry providers() {
    return providers;
  }

  /** The loader the plan step validates suites with. */
  public SuiteLoader suiteLoader() {
    return core.suiteLoader(providers);
  }

  public PlanHandler plan() {
    return new PlanHandler(
        core.plan(awsBeans.runHistories(aws), awsBeans.blobStore(aws), core.suiteLoader(providers), plugins,
            awsBeans.runEvents(aws), clock));
  }

  public WorkerHandler worker() {
    return new WorkerHandler(
        core.worker(awsBeans.runHistories(aws), awsBeans.blobStore(aws), awsBeans.shardCallbacks(aws),
            awsBeans.runEvents(aws), plugins, engine, awsBeans.tenantSecrets(aws), settings, metrics),
        settings, metrics);
  }

  public AggregateHandler aggregate() {
    return new AggregateHandler(core.aggregate(awsBeans.runHistories(aws), awsBeans.blobStore(aws), plugins));
  }

  public NotifyHandler notifyHandler() {
    return new NotifyHandler(notifyStep());
  }

  public MarkFailedHandler markFailed() {
    return new MarkFailedHandler(core.markFailed(awsBeans.runHistories(aws), notifyStep(), clock));
  }

  public CancelHandler cancel() {
    return new CancelHandler(
        core.cancel(awsBeans.runHistories(aws), awsBeans.blobStore(aws), plugins, executions, notifyStep()));
  }

  private NotifyStep notifyStep() {
    return core.notifyStep(awsBeans.runHistories(aws), awsBeans.runEvents(aws), clock);
  }
}
