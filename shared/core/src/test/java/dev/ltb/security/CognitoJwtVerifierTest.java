package dev.ltb.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.ltb.security.AuthenticationException.Reason;
import dev.ltb.tenancy.TenantId;
import dev.ltb.testkit.CognitoTokens;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JWT attack list: every token here but the valid ones must be refused, each for the right reason. */
class CognitoJwtVerifierTest {

  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final CognitoTokens POOL = CognitoTokens.generate(NOW);
  static final RSAKey ATTACKER = CognitoTokens.newKey(POOL.key().getKeyID());

  private final CognitoJwtVerifier verifier =
      new CognitoJwtVerifier(POOL.settings(), POOL.keySource(), Clock.fixed(NOW, ZoneOffset.UTC));

  private Principal verify(String token) {
    return verifier.verify(SecretValue.of(token)).principal();
  }

  @Test
  void aValidIdTokenNamesTenantSubjectAndRole() {
    VerifiedToken token = verifier.verify(SecretValue.of(POOL.idToken().tenant("acme").groups("admin").sign()));

    assertThat(token.principal()).isEqualTo(new Principal(TenantId.of("acme"),
        POOL.idToken().claims().getSubject(), Role.ADMIN, PrincipalKind.USER));
    assertThat(token.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
  }

  @Test
  void theMostPrivilegedRoleGroupWinsAndOtherGroupsAreIgnored() {
    assertThat(verify(POOL.idToken().groups("viewer", "eu-staff", "owner", "member").sign()).role())
        .isEqualTo(Role.OWNER);
  }

  @Test
  void accessTokensAreCheckedByClientIdWhenTheApiTakesThem() {
    var accessVerifier = new CognitoJwtVerifier(POOL.settings().withTokenUse(CognitoJwtSettings.TokenUse.ACCESS),
        POOL.keySource(), Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(accessVerifier.verify(SecretValue.of(POOL.accessToken().sign())).principal().tenantId().value())
        .isEqualTo("acme");
    assertThatThrownBy(() -> accessVerifier.verify(SecretValue.of(
        POOL.accessToken().claim("client_id", "some-other-client").sign())))
        .extracting(e -> ((AuthenticationException) e).reason()).isEqualTo(Reason.WRONG_AUDIENCE);
  }

  @Test
  void aTokenWithinTheLeewayOfItsExpiryIsStillAccepted() {
    assertThat(verify(POOL.idToken().expiresAt(NOW.minusSeconds(20)).sign()).tenantId().value()).isEqualTo("acme");
  }

  @Test
  void singleTenantDeploymentsPutEveryUserInTheirTenantWhateverTheClaimSays() {
    var single = new CognitoJwtVerifier(POOL.settings().withFixedTenant(TenantId.of("inhouse")), POOL.keySource(),
        Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(single.verify(SecretValue.of(POOL.idToken().claim("custom:tenant", null).sign())).principal()
        .tenantId()).isEqualTo(TenantId.of("inhouse"));
  }

  static Stream<Arguments> attacks() {
    return Stream.of(
        attack("expired beyond the 30 s leeway", Reason.EXPIRED, t -> t.expiresAt(NOW.minusSeconds(31)).sign()),
        attack("no exp claim", Reason.MALFORMED, t -> t.expiresAt(null).sign()),
        attack("not valid yet (nbf)", Reason.MALFORMED, t -> t.notBefore(NOW.plusSeconds(300)).sign()),
        attack("issued in the future (iat)", Reason.MALFORMED, t -> t.issuedAt(NOW.plusSeconds(300)).sign()),
        attack("wrong audience", Reason.WRONG_AUDIENCE, t -> t.audience("another-app-client").sign()),
        attack("wrong issuer (another user pool)", Reason.WRONG_ISSUER,
            t -> t.issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other").sign()),
        attack("access token where ID tokens are expected", Reason.WRONG_TOKEN_USE,
            t -> POOL.accessToken().sign()),
        attack("alg none (unsigned)", Reason.UNSUPPORTED_ALGORITHM,
            t -> new PlainJWT(t.claims()).serialize()),
        attack("alg none hand-made, signature stripped", Reason.UNSUPPORTED_ALGORITHM,
            t -> stripSignature(withHeader(t.sign(), "{\"alg\":\"none\"}"))),
        attack("alg none hand-made, real signature kept", Reason.MALFORMED,
            t -> withHeader(t.sign(), "{\"alg\":\"none\",\"kid\":\"test-key-1\"}")),
        attack("HS256 signed with the RSA public key (algorithm confusion)", Reason.UNSUPPORTED_ALGORITHM,
            t -> hmacSignedWithPublicKey(t)),
        attack("HS256 header on an RS256 signature", Reason.UNSUPPORTED_ALGORITHM,
            t -> withHeader(t.sign(), "{\"alg\":\"HS256\",\"kid\":\"test-key-1\"}")),
        attack("RS512 instead of RS256", Reason.UNSUPPORTED_ALGORITHM, t -> signed(t, JWSAlgorithm.RS512)),
        attack("PS256 instead of RS256", Reason.UNSUPPORTED_ALGORITHM, t -> signed(t, JWSAlgorithm.PS256)),
        attack("ES256 with an attacker's EC key", Reason.UNSUPPORTED_ALGORITHM, t -> ecSigned(t)),
        attack("encrypted (JWE) token", Reason.UNSUPPORTED_ALGORITHM, t -> encrypted(t)),
        attack("payload tampered (tenant changed, signature kept)", Reason.BAD_SIGNATURE,
            t -> tamperPayload(t.sign(), "\"acme\"", "\"beta\"")),
        attack("signature of another token", Reason.BAD_SIGNATURE,
            t -> spliceSignature(t.sign(), POOL.idToken().tenant("beta").sign())),
        attack("signature bytes flipped", Reason.BAD_SIGNATURE, t -> flipSignature(t.sign())),
        attack("signed by an attacker's key with the trusted key id", Reason.BAD_SIGNATURE,
            t -> t.signedWith(ATTACKER).sign()),
        attack("attacker's key embedded in the header (jwk)", Reason.BAD_SIGNATURE,
            t -> embeddedJwk(t)),
        attack("unknown key id", Reason.BAD_SIGNATURE, t -> t.keyId("rotated-away").sign()),
        attack("no tenant claim", Reason.NO_TENANT, t -> t.claim("custom:tenant", null).sign()),
        attack("tenant claim with a key separator", Reason.NO_TENANT, t -> t.tenant("acme#beta").sign()),
        attack("tenant claim forging a key prefix", Reason.NO_TENANT, t -> t.tenant("TENANT#beta").sign()),
        attack("tenant claim not a string", Reason.NO_TENANT, t -> t.claim("custom:tenant", 42).sign()),
        attack("no groups", Reason.NO_ROLE, t -> t.claim("cognito:groups", null).sign()),
        attack("only groups that name no role", Reason.NO_ROLE, t -> t.groups("eu-staff", "beta-testers").sign()),
        attack("the service role, which is for API keys only", Reason.NO_ROLE, t -> t.groups("service").sign()),
        attack("no sub", Reason.MALFORMED, t -> t.subject(null).sign()),
        attack("not a JWT at all", Reason.MALFORMED, t -> "not-a-token"),
        attack("two parts only", Reason.MALFORMED, t -> t.sign().substring(0, t.sign().lastIndexOf('.'))),
        attack("oversized token", Reason.MALFORMED, t -> "eyJ" + "A".repeat(CognitoJwtVerifier.MAX_TOKEN_LENGTH)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void refusesTheAttack(String name, Reason expected, Function<CognitoTokens.Token, String> forge) {
    String token = forge.apply(POOL.idToken());

    assertThatThrownBy(() -> verify(token))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.reason()).as(name).isEqualTo(expected);
          assertThat(e.getMessage()).doesNotContain(token).isIn("invalid credentials", "token expired: sign in again");
        });
  }

  private static Arguments attack(String name, Reason reason, Function<CognitoTokens.Token, String> forge) {
    return Arguments.of(name, reason, forge);
  }

  private static String withHeader(String token, String headerJson) {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString(headerJson.getBytes(StandardCharsets.UTF_8));
    return header + token.substring(token.indexOf('.'));
  }

  private static String stripSignature(String token) {
    return token.substring(0, token.lastIndexOf('.') + 1);
  }

  private static String tamperPayload(String token, String from, String to) {
    String[] parts = token.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains(from);
    String forged = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(payload.replace(from, to).getBytes(StandardCharsets.UTF_8));
    return parts[0] + "." + forged + "." + parts[2];
  }

  private static String spliceSignature(String token, String other) {
    return token.substring(0, token.lastIndexOf('.')) + other.substring(other.lastIndexOf('.'));
  }

  private static String flipSignature(String token) {
    String[] parts = token.split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[10] ^= 0x01;
    return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  private static String hmacSignedWithPublicKey(CognitoTokens.Token token) {
    try {
      byte[] publicKey = POOL.key().toRSAPublicKey().getEncoded();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-key-1").build(),
          token.claims());
      jwt.sign(new MACSigner(publicKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String signed(CognitoTokens.Token token, JWSAlgorithm algorithm) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID("test-key-1").build(), token.claims());
      jwt.sign(new RSASSASigner(POOL.key()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ecSigned(CognitoTokens.Token token) {
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyID("test-key-1").generate();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("test-key-1").build(),
          token.claims());
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String embeddedJwk(CognitoTokens.Token token) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key-1")
          .jwk(ATTACKER.toPublicJWK()).build(), token.claims());
      jwt.sign(new RSASSASigner(ATTACKER));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encrypted(CognitoTokens.Token token) {
    try {
      EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM),
          token.claims());
      jwt.encrypt(new RSAEncrypter(POOL.key().toRSAPublicKey()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void base64UrlOfTheFixturesIsWhatTheAttacksAssume() {
    assertThat(Base64URL.encode("{}").toString()).isEqualTo("e30");
  }
}
