package dev.ltb.aws.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * STS's AssumeRole as documented (Query API, {@code Action=AssumeRole}, XML answer), one stub per tenant: the
 * tenant's session tag picks the answer, whose access key id names the tenant ({@code ASIA<TENANT>…}).
 */
final class StsStubs {

  static final String ROLE_ARN = "arn:aws:iam::123456789012:role/Ltb-test-Data-TenantDataRole1A2B3C";

  private StsStubs() {}

  /** The access key id STS hands out for {@code tenant}'s sessions. */
  static String accessKeyOf(String tenant) {
    String id = "ASIA" + tenant.toUpperCase(Locale.ROOT).replace("-", "") + "EXAMPLE0000000000";
    return id.substring(0, 20);
  }

  static void answerAssumeRole(WireMockExtension sts, String tenant) {
    Instant expires = Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.SECONDS);
    sts.stubFor(post(urlEqualTo("/"))
        .withRequestBody(containing("Action=AssumeRole"))
        .withRequestBody(matching(".*Tags\\.member\\.1\\.Value=" + tenant + "(&.*)?"))
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "text/xml")
            .withBody("""
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::123456789012:assumed-role/Ltb-test-Data-TenantDataRole1A2B3C/%1$s@ltb-test-rest-api</Arn>
                      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:%1$s@ltb-test-rest-api</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>%2$s</AccessKeyId>
                      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
                      <SessionToken>FwoGZXIvYXdzEBYaD%1$sSessionToken</SessionToken>
                      <Expiration>%3$s</Expiration>
                    </Credentials>
                    <PackedPolicySize>6</PackedPolicySize>
                  </AssumeRoleResult>
                  <ResponseMetadata>
                    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
                  </ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(tenant, accessKeyOf(tenant), expires))));
  }
}
