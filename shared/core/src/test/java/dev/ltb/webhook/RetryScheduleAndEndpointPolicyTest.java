package dev.ltb.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RetryScheduleAndEndpointPolicyTest {

  @Test
  void theStandardScheduleBacksOffExponentiallyWithinSqsDelayLimits() {
    RetrySchedule schedule = RetrySchedule.standard();

    assertThat(schedule.delayBefore(1)).isEmpty();
    assertThat(schedule.delayBefore(2)).contains(Duration.ofSeconds(10));
    assertThat(schedule.delayBefore(3)).contains(Duration.ofSeconds(30));
    assertThat(schedule.delayBefore(6)).contains(Duration.ofSeconds(810));
    assertThat(schedule.delayBefore(7)).contains(Duration.ofMinutes(15));
    assertThat(schedule.delayBefore(8)).contains(Duration.ofMinutes(15));
    assertThat(schedule.delayBefore(9)).isEmpty();
    assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), 2, Duration.ofMinutes(16), 3))
        .hasMessageContaining("15 minutes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
      "0.0.0.0", "224.0.0.1", "::1", "fd00::1", "fe80::1", "255.255.255.255"})
  void nonPublicAddressesAreNotPublic(String address) throws Exception {
    assertThat(EndpointPolicy.isPublic(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "52.94.76.10", "2606:4700:4700::1111"})
  void publicAddressesArePublic(String address) throws Exception {
    assertThat(EndpointPolicy.isPublic(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "http://8.8.8.8/hook, must use https",
      "https://user:pass@8.8.8.8/hook, must not contain credentials",
      "https://127.0.0.1/hook, non-public address",
      "https://localhost/hook, non-public address",
      "https://[::1]/hook, non-public address",
      "ftp://8.8.8.8/hook, must use https"})
  void theSaasPolicyRefusesUnsafeUrls(String url, String why) {
    assertThatThrownBy(() -> EndpointPolicy.publicHttpsOnly().check(URI.create(url))).hasMessageContaining(why);
  }

  @Test
  void theSaasPolicyTakesAPublicHttpsUrlAndTheSingleTenantPolicyTakesPrivateOnes() {
    EndpointPolicy.publicHttpsOnly().check(URI.create("https://8.8.8.8/hook"));
    EndpointPolicy.allowingPrivateNetworks().check(URI.create("http://10.0.0.5:8080/hook"));
  }
}
