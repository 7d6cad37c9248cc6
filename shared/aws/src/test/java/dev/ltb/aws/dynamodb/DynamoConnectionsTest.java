package dev.ltb.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aws.LocalAws;
import dev.ltb.progress.Connection;
import dev.ltb.security.Principal;
import dev.ltb.security.PrincipalKind;
import dev.ltb.security.Role;
import dev.ltb.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoConnectionsTest {

  @RegisterExtension static LocalAws aws = new LocalAws();
  private static DynamoConnections connections;
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @BeforeAll
  static void table() {
    connections = new DynamoConnections(aws.clients().dynamoDb(), aws.newTables().runs());
  }

  private static Connection connection(String id, String tenant, Instant expiresAt) {
    Principal principal = new Principal(TenantId.of(tenant), "key:k1", Role.SERVICE, PrincipalKind.API_KEY);
    Connection connection = new Connection(id, principal, NOW, expiresAt);
    connections.put(connection);
    return connection;
  }

  @Test
  void aConnectionIsStoredWithItsPrincipalAndFollowsRunsOfItsTenantOnly() {
    Connection a = connection("L0SM9cOFvHcCIhw=", "acme", NOW.plus(Duration.ofHours(2)));
    Connection g = connection("gGlobex1", "globex", NOW.plus(Duration.ofHours(2)));

    connections.subscribe(a, "run-1");
    connections.subscribe(a, "run-2");
    connections.subscribe(g, "run-1");

    assertThat(connections.find("L0SM9cOFvHcCIhw=", NOW)).contains(a);
    assertThat(connections.subscriptions("L0SM9cOFvHcCIhw=")).containsExactlyInAnyOrder("run-1", "run-2");
    assertThat(connections.subscribers("acme", "run-1", NOW)).containsExactly("L0SM9cOFvHcCIhw=");
    assertThat(connections.subscribers("globex", "run-1", NOW)).containsExactly("gGlobex1");
    assertThat(connections.subscribers("acme", "run-3", NOW)).isEmpty();
  }

  @Test
  void unsubscribeAndDeleteRemoveTheSubscriptions() {
    Connection a = connection("conn-del", "acme", NOW.plus(Duration.ofHours(2)));
    connections.subscribe(a, "run-9");
    connections.subscribe(a, "run-8");

    connections.unsubscribe(a, "run-8");
    assertThat(connections.subscribers("acme", "run-8", NOW)).isEmpty();
    assertThat(connections.subscriptions("conn-del")).containsExactly("run-9");

    connections.delete("conn-del");
    connections.delete("conn-del");
    assertThat(connections.find("conn-del", NOW)).isEmpty();
    assertThat(connections.subscribers("acme", "run-9", NOW)).isEmpty();
    connections.unsubscribe(a, "run-9");
  }

  @Test
  void expiredConnectionsCountAsGoneWithoutRelyingOnTtl() {
    Connection old = connection("conn-old", "acme", NOW.plusSeconds(60));
    connections.subscribe(old, "run-5");

    assertThat(connections.find("conn-old", NOW.plusSeconds(61))).isEmpty();
    assertThat(connections.subscribers("acme", "run-5", NOW.plusSeconds(61))).isEmpty();
    assertThat(connections.subscribers("acme", "run-5", NOW)).containsExactly("conn-old");
  }
}
