package dev.ltb.aws.dynamodb.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.aws.LocalAws;
import dev.ltb.tenancy.Plan;
import dev.ltb.tenancy.Plans;
import dev.ltb.tenancy.TenantId;
import dev.ltb.webhook.InboundHook;
import dev.ltb.webhook.PayloadMapping;
import dev.ltb.webhook.SignatureScheme;
import dev.ltb.webhook.VarMapping;
import dev.ltb.webhook.WebhookEventType;
import dev.ltb.webhook.WebhookSubscription;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Outbound webhooks, inbound hooks and per-tenant plans in DynamoDB (dynalite), through the production clients. */
@Tag("slow")
class DynamoWebhooksAndPlansTest {

  @RegisterExtension static LocalAws aws = new LocalAws();

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static DynamoDbClient dynamo;
  static String table;
  static DynamoTenancyStores stores;

  @BeforeAll
  static void tables() {
    dynamo = aws.clients().dynamoDb();
    table = aws.newTables().runs();
    stores = new DynamoTenancyStores(dynamo, table);
  }

  @Test
  void webhooksAreSavedListedFoundAndDeletedInsideTheirTenantWithNoSecretInTheItem() {
    DynamoWebhookSubscriptions webhooks = stores.webhookSubscriptions();
    WebhookSubscription ci = new WebhookSubscription(ACME, "ci", URI.create("https://hooks.example.com/ltb?token=abc"),
        Set.of(WebhookEventType.RUN_COMPLETED, WebhookEventType.RUN_REGRESSED), "20261127-090000-b2c3d4", true);
    WebhookSubscription paused = new WebhookSubscription(ACME, "paused", URI.create("https://hooks.example.com/p"),
        Set.of(WebhookEventType.RUN_FAILED), null, false);
    webhooks.save(ci);
    webhooks.save(paused);

    assertThat(webhooks.find(ACME, "ci")).contains(ci);
    assertThat(webhooks.list(ACME)).containsExactlyInAnyOrder(ci, paused);
    assertThat(webhooks.list(BETA)).isEmpty();
    assertThat(webhooks.find(BETA, "ci")).isEmpty();
    assertThat(webhooks.delete(BETA, "ci")).as("another tenant cannot delete it").isFalse();
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("TENANT#acme"), "sk", AttributeValue.fromS("WEBHOOK#ci")))).item();
    assertThat(item.keySet()).containsExactlyInAnyOrder("pk", "sk", "tenantId", "webhookId", "url", "events",
        "baselineRunId", "enabled");

    assertThat(webhooks.delete(ACME, "ci")).isTrue();
    assertThat(webhooks.find(ACME, "ci")).isEmpty();
    assertThat(webhooks.find(ACME, "../ci")).isEmpty();
  }

  @Test
  void inboundHooksKeepTheirSchemeEventsAndPayloadMapping() {
    DynamoInboundHooks hooks = stores.inboundHooks();
    InboundHook github = new InboundHook(ACME, "gh-push", "refunds", SignatureScheme.GITHUB, PayloadMapping.githubPush(),
        Set.of("push"), true);
    InboundHook own = new InboundHook(ACME, "nightly", "refunds", SignatureScheme.LTB,
        new PayloadMapping(List.of(VarMapping.required("model", "/model"), VarMapping.optional("note", "/note")),
            Map.of("trigger", "nightly")), Set.of(), false);
    hooks.save(github);
    hooks.save(own);

    assertThat(hooks.find(ACME, "gh-push")).contains(github);
    assertThat(hooks.find(ACME, "nightly")).contains(own);
    assertThat(hooks.find(BETA, "gh-push")).isEmpty();
    assertThat(hooks.find(ACME, "HOOK#x")).isEmpty();
  }

  @Test
  void aTenantIsOnTheDefaultPlanUntilAssignedOneAndUnknownPlansAreRefusedByName() {
    Plans catalogue = Plans.builtIn();
    DynamoTenantPlans plans = stores.tenantPlans(catalogue, "free");
    TenantId gamma = TenantId.of("gamma");

    assertThat(plans.planOf(gamma).id()).isEqualTo("free");
    plans.assign(gamma, "team", Instant.parse("2026-11-29T02:00:00Z"));
    assertThat(plans.planOf(gamma)).isEqualTo(catalogue.get("team"));
    assertThat(plans.planOf(ACME).id()).as("other tenants keep the default").isEqualTo("free");
    plans.assign(ACME, "unlimited", Instant.parse("2026-11-29T02:00:00Z"));
    assertThat(plans.planOf(ACME)).isEqualTo(Plan.unlimited());

    assertThatThrownBy(() -> plans.assign(gamma, "platinum", Instant.now()))
        .hasMessageContaining("unknown plan").hasMessageContaining("free, team, enterprise");
    assertThat(plans.planOf(gamma).id()).isEqualTo("team");

    // a plan the operator removed from the catalogue: refused loudly, never silently unmetered
    DynamoTenantPlans smaller = stores.tenantPlans(Plans.of(List.of(catalogue.get("free"))), "free");
    assertThatThrownBy(() -> smaller.planOf(gamma)).hasMessageContaining("plan 'team'");
    plans.unassign(gamma);
    assertThat(smaller.planOf(gamma).id()).isEqualTo("free");
    assertThat(stores.tenantPlans(catalogue, "unlimited").planOf(TenantId.of("delta"))).isEqualTo(Plan.unlimited());
  }
}
