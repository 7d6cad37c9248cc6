package dev.ltb.testkit;

import dev.ltb.api.ApiServices;
import dev.ltb.api.Caller;
import dev.ltb.api.InMemoryIdempotencyKeys;
import dev.ltb.api.InMemorySuiteStore;
import dev.ltb.api.InMemoryWebhookRegistry;
import dev.ltb.api.RunLauncher;
import dev.ltb.audit.InMemoryAuditLog;
import dev.ltb.audit.RequestContext;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.engine.RetrySettings;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluatorInventory;
import dev.ltb.evaluator.EvaluatorRegistry;
import dev.ltb.pipeline.CancelStep;
import dev.ltb.pipeline.InMemoryBlobStore;
import dev.ltb.pipeline.NotifyStep;
import dev.ltb.pipeline.PlanRequest;
import dev.ltb.pipeline.PlanStep;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.pipeline.RunRef;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.run.RunEngine;
import dev.ltb.security.ApiKeyHasher;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.InMemoryApiKeyStore;
import dev.ltb.security.InMemoryProviderCredentialStore;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.suite.load.SuiteVocabulary;
import dev.ltb.tenancy.InMemoryRunSlots;
import dev.ltb.tenancy.Plan;
import dev.ltb.tenancy.TenantId;
import dev.ltb.tenancy.TenantPlans;
import dev.ltb.usage.InMemoryUsageLedger;
import dev.ltb.webhook.DeliveryQueue;
import dev.ltb.webhook.EndpointPolicy;
import dev.ltb.webhook.InMemoryDeliveryLog;
import dev.ltb.webhook.RetrySchedule;
import dev.ltb.webhook.WebhookDelivery;
import dev.ltb.webhook.WebhookDeliveryWorker;
import dev.ltb.webhook.WebhookSender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The API's use cases over in-memory ports, with the real loader, plan and cancel steps behind the {@link
 * RunLauncher}: a started run is planned (RUNNING) in-process, a cancelled one is CANCELLED. Shared by the core's
 * tests and the REST module's.
 */
public final class ApiTestPorts {

  public static final TenantId ACME = TenantId.of("acme");
  public static final TenantId BETA = TenantId.of("beta");

  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  public final Map<String, InMemoryRunHistory> historiesByTenant = new ConcurrentHashMap<>();
  public final RunHistories histories = tenant -> historiesByTenant.computeIfAbsent(tenant, t -> new InMemoryRunHistory());
  public final InMemoryBlobStore blobs = new InMemoryBlobStore();
  public final InMemorySuiteStore suites = new InMemorySuiteStore();
  public final InMemoryAuditLog audit = new InMemoryAuditLog();
  public final InMemoryUsageLedger usage = new InMemoryUsageLedger();
  public final InMemoryRunSlots slots = new InMemoryRunSlots();
  public final InMemoryWebhookRegistry webhooks = new InMemoryWebhookRegistry();
  public final InMemoryProviderCredentialStore credentials = new InMemoryProviderCredentialStore(clock);
  public final InMemoryApiKeyStore apiKeyStore = new InMemoryApiKeyStore();
  public final List<PlanRequest> started = new CopyOnWriteArrayList<>();
  public final List<RunRef> stopped = new CopyOnWriteArrayList<>();
  public volatile Plan plan = Plan.unlimited();
  public final EvaluatorRegistry evaluators = BuiltInEvaluators.registry();
  public final ProviderRegistry providers = BuiltInProviders.registry();
  public final SuiteLoader loader = loader(evaluators, providers);
  public final ApiServices.Ports ports;
  public final ApiServices services;

  public ApiTestPorts() {
    RunEngine engine =
        new RunEngine(providers, ProviderContext.defaults(Path.of(".")), new AssertionRunner(evaluators)::run,
            suite -> EvaluatorInventory.of(suite, evaluators),
            new RetrySettings(Duration.ofMillis(1), Duration.ofMillis(5), 0.1, Duration.ofMillis(10)),
            Clock.systemUTC());
    PlanStep plan = new PlanStep(histories, blobs, loader, event -> {}, clock);
    CancelStep cancel =
        new CancelStep(histories, blobs, engine, (run, cause) -> stopped.add(run), new NotifyStep(histories, e -> {}, clock));
    RunLauncher launcher = new RunLauncher() {
      @Override
      public void start(PlanRequest request) {
        started.add(request);
        plan.plan(request);
      }

      @Override
      public void cancel(RunRef run) {
        cancel.cancel(run);
      }
    };
    DeliveryQueue noRetries = new DeliveryQueue() {
      @Override
      public void enqueue(WebhookDelivery delivery, Duration delay) {}

      @Override
      public void deadLetter(WebhookDelivery delivery, String reason) {}
    };
    WebhookDeliveryWorker delivery =
        new WebhookDeliveryWorker(webhooks, webhooks.secrets(), WebhookSender.standard(), noRetries,
            new InMemoryDeliveryLog(), EndpointPolicy.allowingPrivateNetworks(), RetrySchedule.standard(), clock);
    TenantPlans plans = tenant -> this.plan;
    ports = new ApiServices.Ports(
        histories, blobs, suites, new InMemoryIdempotencyKeys(), launcher, plans, slots, usage, audit,
        new ApiKeys(apiKeyStore, new ApiKeyHasher(), clock), webhooks, delivery,
        EndpointPolicy.allowingPrivateNetworks(), providers, credentials, loader, clock);
    services = ApiServices.wire(ports);
  }

  public static Caller caller(TenantId tenant, Role role) {
    PrincipalKind kind = role == Role.SERVICE ? PrincipalKind.API_KEY : PrincipalKind.USER;
    String id = role == Role.SERVICE ? "key:k1" : "user-" + role.id();
    return new Caller(new Principal(tenant, id, role, kind), new RequestContext("203.0.113.7", "test"));
  }

  public InMemoryRunHistory history(TenantId tenant) {
    return (InMemoryRunHistory) histories.forTenant(tenant.value());
  }

  /** A valid suite for the built-in echo provider: {@code tests} tests, one provider, one prompt. */
  public static String echoSuite(int tests) {
    StringBuilder yaml = new StringBuilder("description: capitals\nprompts: [\"Answer: {{city}}\"]\nproviders: [echo]\ntests:\n");
    for (int i = 0; i < tests; i++)
      yaml.append("  - vars: {city: city").append(i).append("}\n    assert:\n      - type: contains\n        value: city")
          .append(i).append('\n');
    return yaml.toString();
  }

  static SuiteLoader loader(EvaluatorRegistry evaluators, ProviderRegistry providers) {
    var requiringValue =
        evaluators.descriptors().stream().filter(d -> d.valueRequired()).map(d -> d.id()).collect(Collectors.toSet());
    return new SuiteLoader(new SuiteVocabulary(evaluators.ids(), requiringValue, providers::supports));
  }
}
