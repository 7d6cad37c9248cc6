package dev.ltb.api;

import dev.ltb.audit.AuditLog;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.plugin.PluginSupport;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.security.ApiKeys;
import dev.ltb.security.ProviderCredentialStore;
import dev.ltb.suite.load.SuiteLoader;
import dev.ltb.tenancy.QuotaGuard;
import dev.ltb.tenancy.RunSlots;
import dev.ltb.tenancy.TenantPlans;
import dev.ltb.usage.UsageLedger;
import dev.ltb.webhook.EndpointPolicy;
import dev.ltb.webhook.WebhookDeliveryWorker;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * The API's use cases, wired once per container from the ports an entry point provides (AWS adapters in Lambda,
 * in-memory ones in tests). REST, GraphQL and WebSocket share these.
 */
public record ApiServices(
    RunService runs,
    ResultService results,
    SuiteService suites,
    AccountService account,
    WebhookService webhooks,
    CredentialService credentials,
    Idempotency idempotency) {

  /** Everything the use cases need from outside. */
  public record Ports(
      RunHistories histories,
      BlobStore blobs,
      SuiteStore suites,
      IdempotencyKeys idempotencyKeys,
      RunLauncher launcher,
      TenantPlans plans,
      RunSlots runSlots,
      UsageLedger usage,
      AuditLog auditLog,
      ApiKeys apiKeys,
      WebhookRegistry webhooks,
      WebhookDeliveryWorker webhookDelivery,
      EndpointPolicy endpointPolicy,
      ProviderRegistry providers,
      ProviderCredentialStore credentials,
      SuiteLoader loader,
      Clock clock) {

    public Ports {
      Objects.requireNonNull(histories, "histories");
      Objects.requireNonNull(blobs, "blobs");
      Objects.requireNonNull(suites, "suites");
      Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
      Objects.requireNonNull(launcher, "launcher");
      Objects.requireNonNull(plans, "plans");
      Objects.requireNonNull(runSlots, "runSlots");
      Objects.requireNonNull(usage, "usage");
      Objects.requireNonNull(auditLog, "auditLog");
      Objects.requireNonNull(apiKeys, "apiKeys");
      Objects.requireNonNull(webhooks, "webhooks");
      Objects.requireNonNull(webhookDelivery, "webhookDelivery");
      Objects.requireNonNull(endpointPolicy, "endpointPolicy");
      Objects.requireNonNull(providers, "providers");
      Objects.requireNonNull(credentials, "credentials");
      Objects.requireNonNull(loader, "loader");
      Objects.requireNonNull(clock, "clock");
    }
  }

  /** The use cases, for a deployment whose suites use no plugins. */
  public static ApiServices wire(Ports ports) {
    return wire(ports, null);
  }

  /**
   * The use cases; suites find plugins through {@code plugins} (a tenant's id to where its suites find them, e.g.
   * {@code CloudPlugins::support} over the same store the workers read), as the plan step does.
   */
  public static ApiServices wire(Ports ports, Function<String, PluginSupport> plugins) {
    Guard guard = new Guard(new AuditRecorder(ports.auditLog(), ports.clock()));
    SuiteTexts texts = new SuiteTexts(ports.loader(), ports.blobs(), plugins);
    Idempotency idempotency = new Idempotency(ports.idempotencyKeys(), ports.clock());
    QuotaGuard quota = new QuotaGuard(ports.plans(), ports.runSlots(), ports.usage(), ports.clock());
    return new ApiServices(
        new RunService(ports.histories(), ports.blobs(), ports.suites(), texts, quota, ports.launcher(), guard,
            idempotency, ports.clock()),
        new ResultService(ports.histories(), guard),
        new SuiteService(ports.suites(), texts, guard, ports.clock()),
        new AccountService(ports.usage(), ports.plans(), ports.auditLog(), ports.apiKeys(), guard),
        new WebhookService(ports.webhooks(), ports.webhookDelivery(), ports.endpointPolicy(), guard),
        new CredentialService(ports.providers(), ports.credentials(), guard),
        idempotency);
  }
}
