package dev.ltb.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.security.AuthenticationException.Reason;
import dev.ltb.tenancy.ResourceNotFoundException;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ApiKeysTest {

  static final TenantId ACME = TenantId.of("acme");
  static final TenantId BETA = TenantId.of("beta");
  static final ApiKeyHasher HASHER = new ApiKeyHasher();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
  private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
  private final ApiKeys keys = new ApiKeys(store, HASHER, clock);
  private final Principal admin = new Principal(ACME, "user-1", Role.ADMIN, PrincipalKind.USER);

  @Test
  void anIssuedKeyHasTheDocumentedShapeAndIsStoredOnlyAsAnArgon2idHash() {
    IssuedApiKey issued = keys.issue(ACME, "github-actions", admin);
    String key = issued.key().reveal();

    assertThat(key).matches("ltb_[0-9A-Za-z]{44}");
    ApiKeyRecord stored = store.findByKeyId(issued.record().keyId()).orElseThrow();
    assertThat(stored.hash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(key);
    assertThat(stored.hash()).doesNotContain(key.substring(16));
    assertThat(stored.display()).isEqualTo(key.substring(0, 16) + "…");
    assertThat(stored.toString() + issued).doesNotContain(key).doesNotContain(stored.hash());
    assertThat(stored.createdBy()).isEqualTo("user-1");
  }

  @Test
  void theKeyAuthenticatesAsAServicePrincipalOfItsTenantAndRecordsLastUse() {
    IssuedApiKey issued = keys.issue(ACME, "ci", admin);

    Principal principal = keys.verify(issued.key());

    assertThat(principal).isEqualTo(
        new Principal(ACME, "key:" + issued.record().keyId(), Role.SERVICE, PrincipalKind.API_KEY));
    assertThat(store.findByKeyId(issued.record().keyId()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
  }

  @Test
  void lastUseIsWrittenAtMostOncePerMinute() {
    IssuedApiKey issued = keys.issue(ACME, "ci", admin);
    keys.verify(issued.key());
    Instant first = clock.instant();
    clock.advance(Duration.ofSeconds(30));
    keys.verify(issued.key());
    assertThat(store.findByKeyId(issued.record().keyId()).orElseThrow().lastUsedAt()).isEqualTo(first);
    clock.advance(Duration.ofSeconds(31));
    keys.verify(issued.key());
    assertThat(store.findByKeyId(issued.record().keyId()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
  }

  @Test
  void aRevokedKeyIsRefused() {
    IssuedApiKey issued = keys.issue(ACME, "ci", admin);
    keys.revoke(ACME, issued.record().keyId());

    assertThatThrownBy(() -> keys.verify(issued.key())).isInstanceOfSatisfying(AuthenticationException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED_KEY));
    assertThat(keys.list(ACME)).singleElement().satisfies(record -> assertThat(record.revoked()).isTrue());
  }

  @Test
  void anotherTenantCannotRevokeOrSeeTheKey() {
    IssuedApiKey issued = keys.issue(ACME, "ci", admin);

    assertThatThrownBy(() -> keys.revoke(BETA, issued.record().keyId()))
        .isInstanceOf(ResourceNotFoundException.class).hasMessage("api-key \"" + issued.record().keyId()
            + "\" not found");
    assertThat(keys.list(BETA)).isEmpty();
    assertThat(keys.verify(issued.key()).tenantId()).isEqualTo(ACME);
  }

  @Test
  void aPrincipalCannotIssueKeysForAnotherTenant() {
    assertThatThrownBy(() -> keys.issue(BETA, "ci", admin)).isInstanceOf(ResourceNotFoundException.class);
    assertThat(keys.list(BETA)).isEmpty();
  }

  static Stream<String> guesses() {
    return Stream.of("ltb_", "ltb_short", "sk-" + "a".repeat(44), "ltb_" + "a".repeat(43), "ltb_" + "a".repeat(45),
        "ltb_" + "a".repeat(43) + "#", "ltb_" + "a".repeat(43) + "é", "ltb_TENANT#acme" + "a".repeat(29));
  }

  @ParameterizedTest
  @MethodSource("guesses")
  void malformedKeysAreRefusedWithoutALookup(String guess) {
    assertThatThrownBy(() -> keys.verify(SecretValue.of(guess)))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
          assertThat(e.getMessage()).isEqualTo("invalid credentials");
        });
  }

  @Test
  void aGuessedKeyWithARealKeyIdIsRefusedAsAWrongSecret() {
    IssuedApiKey issued = keys.issue(ACME, "ci", admin);
    String key = issued.key().reveal();
    String guessed = key.substring(0, 16) + (key.charAt(16) == 'a' ? 'b' : 'a') + key.substring(17);

    assertThatThrownBy(() -> keys.verify(SecretValue.of(guessed)))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET);
          assertThat(e.getMessage()).isEqualTo("invalid credentials");
        });
  }

  @Test
  void aWellFormedKeyWithAnUnknownIdIsRefusedWithTheSameAnswer() {
    String random = ApiKeyFormat.generate(new SecureRandom());

    assertThatThrownBy(() -> keys.verify(SecretValue.of(random)))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY);
          assertThat(e.getMessage()).isEqualTo("invalid credentials");
        });
  }

  @Test
  void keyNamesAreValidated() {
    assertThatThrownBy(() -> keys.issue(ACME, "x\ny", admin)).hasMessageContaining("\\u000a");
    assertThatThrownBy(() -> keys.issue(ACME, "", admin)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generatedKeysUseTheWholeAlphabetAndDoNotRepeat() {
    SecureRandom random = new SecureRandom();
    var seen = new java.util.HashSet<String>();
    var chars = new java.util.HashSet<Character>();
    for (int i = 0; i < 2000; i++) {
      String key = ApiKeyFormat.generate(random);
      assertThat(seen.add(key)).isTrue();
      for (char c : key.substring(4).toCharArray()) chars.add(c);
    }
    assertThat(chars).hasSize(62);
  }
}
