package dev.ltb.api;

import static dev.ltb.testkit.ApiTestPorts.ACME;
import static dev.ltb.testkit.ApiTestPorts.caller;
import static dev.ltb.testkit.ApiTestPorts.echoSuite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ltb.security.Role;
import dev.ltb.tenancy.PageRequest;
import dev.ltb.testkit.ApiTestPorts;
import org.junit.jupiter.api.Test;

class SuiteServiceTest {

  final ApiTestPorts ports = new ApiTestPorts();
  final SuiteService suites = ports.services.suites();
  final Caller member = caller(ACME, Role.MEMBER);

  @Test
  void eachSaveIsANewValidatedVersionAndTheLatestIsServedByDefault() {
    StoredSuite first = suites.create(member, new SuiteService.SuiteText(null, null, echoSuite(1)));
    StoredSuite second = suites.addVersion(member, first.suiteId(), new SuiteService.SuiteText(null, "yaml", echoSuite(2)));

    assertThat(first.name()).isEqualTo("capitals"); // the suite's description
    assertThat(second.version()).isEqualTo(2);
    assertThat(second.name()).isEqualTo("capitals");
    assertThat(suites.get(member, first.suiteId(), null).text()).isEqualTo(echoSuite(2));
    assertThat(suites.get(member, first.suiteId(), 1).text()).isEqualTo(echoSuite(1));
    assertThat(suites.list(member, PageRequest.first()).items()).singleElement()
        .satisfies(info -> assertThat(info.version()).isEqualTo(2));
  }

  @Test
  void anInvalidVersionIsRefusedAndTheSuiteStaysAsItWas() {
    StoredSuite first = suites.create(member, new SuiteService.SuiteText("caps", null, echoSuite(1)));

    ApiException refused = catchThrowableOfType(ApiException.class, () -> suites.addVersion(member, first.suiteId(),
        new SuiteService.SuiteText(null, null, "description: x\nprompts: [\"a\"]\nproviders: [nope:model]\n")));

    assertThat(refused.problem().status()).isEqualTo(422);
    assertThat(refused.problem().errors()).isNotEmpty();
    assertThat(suites.get(member, first.suiteId(), null).version()).isEqualTo(1);
  }

  @Test
  void aCloudSuiteMayNotReferToFiles() {
    String withFile = echoSuite(1).replace("value: city0", "value: file://secrets.txt");

    ApiException refused = catchThrowableOfType(ApiException.class,
        () -> suites.create(member, new SuiteService.SuiteText(null, null, withFile)));

    assertThat(refused.problem().errors()).anySatisfy(e -> {
      assertThat(e.field()).isEqualTo("tests[0].assert[0].value");
      assertThat(e.message()).contains("file://");
    });
  }

  @Test
  void aViewerReadsButCannotDeleteAndADeletedSuiteIsGone() {
    StoredSuite suite = suites.create(member, new SuiteService.SuiteText("caps", null, echoSuite(1)));
    Caller viewer = caller(ACME, Role.VIEWER);

    assertThat(suites.get(viewer, suite.suiteId(), null).suiteId()).isEqualTo(suite.suiteId());
    assertThat(Problems.from(catchThrowableOfType(RuntimeException.class, () -> suites.delete(viewer, suite.suiteId())))
        .status()).isEqualTo(403);
    suites.delete(member, suite.suiteId());
    assertThat(Problems.from(catchThrowableOfType(RuntimeException.class,
        () -> suites.get(member, suite.suiteId(), null))).status()).isEqualTo(404);
  }
}
