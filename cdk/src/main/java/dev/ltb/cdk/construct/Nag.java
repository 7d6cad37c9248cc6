package dev.ltb.cdk.construct;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each naming the rule, the reason and (where the rule allows it) the exact finding. */
public final class Nag {
  private Nag() {}

  /** Suppresses {@code rule} on {@code construct} and its children for every finding. */
  public static void suppress(IConstruct construct, String rule, String reason) {
    NagSuppressions.addResourceSuppressions(
        construct, List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
  }

  /** Suppresses only the listed findings of {@code rule} (e.g. {@code Resource::*}). */
  public static void suppress(IConstruct construct, String rule, String reason, List<?> appliesTo) {
    NagSuppressions.addResourceSuppressions(
        construct,
        List.of(NagPackSuppression.builder().id(rule).reason(reason).appliesTo(List.copyOf(appliesTo)).build()),
        true);
  }

  /** A finding pattern for {@link #suppress(IConstruct, String, String, List)}, for findings that name tokens. */
  public static RegexAppliesTo matching(String regex) {
    return RegexAppliesTo.builder().regex("/" + regex + "/").build();
  }
}
