package dev.ltb.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Id and filter injection: nothing that could address another tenant's keys, paths or log lines gets through. */
class IdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"acme", "acme-corp", "a1b", "tenant-0042", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void validTenantIds(String id) {
    assertThat(TenantId.of(id).partitionKey()).isEqualTo("TENANT#" + id);
    assertThat(TenantId.of(id).blobPrefix()).isEqualTo("tenants/" + id + "/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ab", "ACME", "Acme", "acme#beta", "TENANT#beta", "acme/beta", "../beta", "acme.beta",
      "acme_beta", "-acme", "acme-", "acme beta", "acme\n", "acme\u0000", "аcme" /* Cyrillic а */, "*", "acme*",
      "acme%23beta", "acme' OR '1'='1", "{\"$ne\":null}", "acme\u202e", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void tenantIdsThatCouldReachAnotherTenantOrForgeALogLineAreRefused(String id) {
    assertThatThrownBy(() -> TenantId.of(id))
        .isInstanceOfSatisfying(InvalidIdException.class, e -> {
          assertThat(e.field()).isEqualTo("tenant");
          assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u0000").doesNotContain("\u202e");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"run-1", "20261128-120000-a1b2c3", "Suite_2", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void validResourceIds(String id) {
    assertThat(Ids.requireResourceId("runId", id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "run#1", "RUN#x", "run/1", "..", "run.1", "run 1", "-run", "_run", "run\t", "run'--",
      "run\"", "run;drop", "run*", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
  void resourceIdsWithSeparatorsWildcardsOrQuotesAreRefused(String id) {
    assertThatThrownBy(() -> Ids.requireResourceId("runId", id))
        .isInstanceOf(InvalidIdException.class).hasMessageStartingWith("invalid runId");
  }

  @Test
  void errorMessagesQuoteASanitizedExcerptOnly() {
    assertThat(Ids.describe("a\r\nFAKE LOG LINE")).isEqualTo("\"a\\u000d\\u000aFAKE LOG LINE\"");
    assertThat(Ids.describe("y".repeat(500))).endsWith("… (500 characters)").hasSizeLessThan(80);
    assertThat(Ids.describe(null)).isEqualTo("(missing)");
  }

  @Test
  void aForeignResourceAndAMissingOneReadTheSame() {
    assertThat(new ResourceNotFoundException("run", "run-1").getMessage()).isEqualTo("run \"run-1\" not found");
  }
}
