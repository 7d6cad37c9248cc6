package dev.ltb.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.security.SecretValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignaturesTest {

  static final SecretValue SECRET = SecretValue.of("It's a Secret to Everybody");
  static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void gitHubSignatureMatchesTheExampleInGitHubsDocumentation() {
    String documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    assertThat(GitHubSignature.header(SECRET, BODY)).isEqualTo(documented);
    GitHubSignature.verify(SECRET, BODY, documented);
    GitHubSignature.verify(SECRET, BODY, documented.toUpperCase().replace("SHA256=", "sha256="));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18",
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1",
      "sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
      "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
      "sha256=",
      "sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"})
  void gitHubSignaturesThatAreWrongOrMalformedAreRefused(String header) {
    assertThatThrownBy(() -> GitHubSignature.verify(SECRET, BODY, header)).isInstanceOf(SignatureException.class);
  }

  @Test
  void aTamperedBodyOrAnotherSecretFailsTheGitHubCheck() {
    String header = GitHubSignature.header(SECRET, BODY);

    assertThatThrownBy(() -> GitHubSignature.verify(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), header))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.MISMATCH));
    assertThatThrownBy(() -> GitHubSignature.verify(SecretValue.of("another"), BODY, header))
        .isInstanceOf(SignatureException.class);
    assertThatThrownBy(() -> GitHubSignature.verify(SECRET, BODY, null))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.MISSING));
  }

  @Test
  void ourSignatureCoversTimestampAndBodyAndIsAcceptedWithinFiveMinutes() {
    String header = LtbSignature.header(SECRET, NOW, BODY);

    assertThat(header).matches("t=1795867200,v1=[0-9a-f]{64}");
    assertThat(LtbSignature.verify(SECRET, BODY, header, NOW.plusSeconds(299), LtbSignature.TOLERANCE))
        .isEqualTo(NOW);
    assertThat(LtbSignature.verify(SECRET, BODY, header, NOW.minusSeconds(299), LtbSignature.TOLERANCE))
        .as("a sender clock a little ahead").isEqualTo(NOW);
  }

  @Test
  void ourSignatureIsTheHmacOfTimestampDotBody() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = java.util.HexFormat.of().formatHex(
        mac.doFinal(("1795867200." + "Hello, World!").getBytes(StandardCharsets.UTF_8)));

    assertThat(LtbSignature.header(SECRET, NOW, BODY)).isEqualTo("t=1795867200,v1=" + expected);
  }

  @Test
  void aStaleOrFutureTimestampIsRefusedEvenWithAValidMac() {
    String header = LtbSignature.header(SECRET, NOW, BODY);

    for (Instant at : new Instant[] {NOW.plusSeconds(301), NOW.minusSeconds(301)})
      assertThatThrownBy(() -> LtbSignature.verify(SECRET, BODY, header, at, LtbSignature.TOLERANCE))
          .isInstanceOfSatisfying(SignatureException.class,
              e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.STALE));
  }

  @Test
  void changingTheTimestampBreaksTheSignature() {
    String header = LtbSignature.header(SECRET, NOW, BODY).replace("t=1795867200", "t=1795867260");

    assertThatThrownBy(() -> LtbSignature.verify(SECRET, BODY, header, NOW, LtbSignature.TOLERANCE))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.MISMATCH));
  }

  @Test
  void duringSecretRotationAnyOfSeveralSignaturesMayMatch() {
    String old = LtbSignature.header(SecretValue.of("old-secret"), NOW, BODY);
    String current = LtbSignature.header(SECRET, NOW, BODY);
    String both = old + "," + current.substring(current.indexOf("v1="));

    assertThat(LtbSignature.verify(SECRET, BODY, both, NOW, Duration.ofMinutes(5))).isEqualTo(NOW);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "t=1795867200", "v1=abc", "t=abc,v1=00", "t=1795867200,t=1795867200,v1=00",
      "garbage", "t=-5,v1=00"})
  void malformedHeadersAreRefused(String header) {
    assertThatThrownBy(() -> LtbSignature.verify(SECRET, BODY, header, NOW, LtbSignature.TOLERANCE))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void anOverlongHeaderIsRefusedUnparsed() {
    String header = "t=1795867200" + ",v1=00".repeat(500);

    assertThatThrownBy(() -> LtbSignature.verify(SECRET, BODY, header, NOW, LtbSignature.TOLERANCE))
        .isInstanceOfSatisfying(SignatureException.class,
            e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.MALFORMED));
  }
}
