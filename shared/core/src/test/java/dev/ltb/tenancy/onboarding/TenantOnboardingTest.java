package dev.ltb.tenancy.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.audit.AuditQuery;
import dev.ltb.audit.AuditRecord;
import dev.ltb.audit.AuditRecorder;
import dev.ltb.audit.InMemoryAuditLog;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantOnboardingTest {

  static final DirectoryUser ALICE = new DirectoryUser("us-east-1_pool", "alice");
  static final String ALICE_SUB = "7d8ca528-4931-4254-9273-ea5ee853f271";

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T06:00:00Z"));
  final InMemoryAuditLog auditLog = new InMemoryAuditLog();
  final FakeDirectory directory = new FakeDirectory();
  final Map<TenantId, String> plans = new HashMap<>();
  final TenantRegistry registry = (tenant, planId, at) -> plans.putIfAbsent(tenant, planId) == null;
  final TenantOnboarding onboarding =
      new TenantOnboarding(registry, directory, new AuditRecorder(auditLog, clock), "free", clock);

  @Test
  void aNewUserGetsATenantOfTheirOwnOnTheSignUpPlanAndBecomesItsOwner() {
    TenantOnboarding.Outcome outcome = onboarding.onboard(new SignUp(ALICE, ALICE_SUB, Optional.empty()));

    TenantId tenant = outcome.tenant();
    assertThat(outcome).isEqualTo(new TenantOnboarding.Outcome.Owner(tenant, true));
    assertThat(tenant.value()).matches("t-[0-9a-f]{20}").doesNotContain(ALICE_SUB.substring(0, 8));
    assertThat(plans).containsExactly(Map.entry(tenant, "free"));
    assertThat(directory.tenants).containsExactly(Map.entry("alice", tenant));
    assertThat(directory.groups.get("alice")).containsExactly("owner");
    assertThat(auditLog.query(tenant, AuditQuery.latest(10)).items()).singleElement().satisfies(record -> {
      assertThat(record.action()).isEqualTo("tenant:manage");
      assertThat(record.actorId()).isEqualTo(ALICE_SUB);
      assertThat(record.resource().id()).isEqualTo(tenant.value());
    });
  }

  @Test
  void aRepeatedConfirmationKeepsTheTenantAndCreatesNothingTwice() {
    TenantId first = onboarding.onboard(new SignUp(ALICE, ALICE_SUB, Optional.empty())).tenant();

    TenantOnboarding.Outcome again = onboarding.onboard(new SignUp(ALICE, ALICE_SUB, Optional.of(first)));

    assertThat(again).isEqualTo(new TenantOnboarding.Outcome.Owner(first, false));
    assertThat(plans).hasSize(1);
    assertThat(directory.attributeWrites).isEqualTo(1);
    assertThat(auditLog.query(first, AuditQuery.latest(10)).items()).hasSize(1);
  }

  @Test
  void aRepeatAfterAFailurePartWayFinishesTheMissingSteps() {
    directory.failGroups = true;
    assertThatThrownBy(() -> onboarding.onboard(new SignUp(ALICE, ALICE_SUB, Optional.empty())))
        .hasMessageContaining("directory unavailable");
    directory.failGroups = false;

    // the event Cognito redelivers still carries no tenant: the directory is asked
    TenantOnboarding.Outcome retried = onboarding.onboard(new SignUp(ALICE, ALICE_SUB, Optional.empty()));

    assertThat(retried).isEqualTo(new TenantOnboarding.Outcome.Owner(retried.tenant(), false));
    assertThat(directory.attributeWrites).as("the immutable attribute is written once").isEqualTo(1);
    assertThat(directory.groups.get("alice")).containsExactly("owner");
  }

  @Test
  void aMemberInvitedIntoAnotherTenantIsNeitherMovedNorMadeAnOwner() {
    TenantId acme = TenantId.of("acme");

    TenantOnboarding.Outcome outcome = onboarding.onboard(new SignUp(ALICE, ALICE_SUB, Optional.of(acme)));

    assertThat(outcome).isEqualTo(new TenantOnboarding.Outcome.AlreadyMember(acme));
    assertThat(plans).isEmpty();
    assertThat(directory.groups).isEmpty();
    assertThat(directory.attributeWrites).isZero();
    assertThat(auditLog.query(acme, AuditQuery.latest(10)).items()).isEmpty();
  }

  @Test
  void twoUsersGetTwoTenants() {
    TenantId alice = onboarding.onboard(new SignUp(ALICE, ALICE_SUB, Optional.empty())).tenant();
    TenantId bob = onboarding.onboard(new SignUp(new DirectoryUser("us-east-1_pool", "bob"),
        "0b4f1c7e-9a55-4d7e-8f3b-2c1d6e5a4b3c", Optional.empty())).tenant();

    assertThat(bob).isNotEqualTo(alice);
    assertThat(plans).hasSize(2);
    List<AuditRecord> aliceAudit = auditLog.query(alice, AuditQuery.latest(10)).items();
    assertThat(aliceAudit).extracting(AuditRecord::actorId).containsOnly(ALICE_SUB);
  }

  static final class FakeDirectory implements UserDirectory {
    final Map<String, TenantId> tenants = new HashMap<>();
    final Map<String, Set<String>> groups = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    int attributeWrites;
    boolean failGroups;

    @Override
    public Optional<TenantId> tenantOf(DirectoryUser user) {
      return Optional.ofNullable(tenants.get(user.username()));
    }

    @Override
    public void assignTenant(DirectoryUser user, TenantId tenant) {
      if (tenants.containsKey(user.username())) throw new IllegalStateException("immutable attribute already set");
      attributeWrites++;
      tenants.put(user.username(), tenant);
    }

    @Override
    public void addToGroup(DirectoryUser user, String group) {
      if (failGroups) throw new IllegalStateException("directory unavailable");
      groups.computeIfAbsent(user.username(), u -> new LinkedHashSet<>()).add(group);
    }
  }
}
