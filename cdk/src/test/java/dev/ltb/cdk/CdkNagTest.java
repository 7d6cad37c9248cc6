package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AWS Solutions pack runs on every stack of both configurations: no error is left unsuppressed
 * (every suppression in the code names its rule and reason), and CDK itself warns about nothing.
 */
class CdkNagTest {

  static Stream<Arguments> stacks() {
    return Deployment.all().stream()
        .flatMap(deployment -> deployment.stacks().all().stream().map(stack -> Arguments.of(deployment, stack)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("stacks")
  void awsSolutionsChecksLeaveNoError(Deployment deployment, Stack stack) {
    List<SynthesisMessage> errors = deployment.annotations(stack).findError("*", Match.anyValue());
    assertThat(errors).extracting(m -> m.getId() + " " + m.getEntry().getData()).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("stacks")
  void synthesisLeavesNoWarning(Deployment deployment, Stack stack) {
    List<SynthesisMessage> warnings = deployment.annotations(stack).findWarning("*", Match.anyValue());
    assertThat(warnings).extracting(m -> m.getId() + " " + m.getEntry().getData()).isEmpty();
  }
}
