package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;

/**
 * Every IAM statement of both configurations: no wildcard action, and a wildcard resource only where the
 * code documents why (the same list the cdk-nag suppressions name).
 */
class IamLeastPrivilegeTest {
  /** Actions AWS accepts only on Resource "*". */
  private static final Set<String> STAR_ONLY_ACTIONS =
      Set.of(
          "xray:PutTraceSegments",
          "xray:PutTelemetryRecords",
          "xray:GetSamplingRules",
          "xray:GetSamplingTargets",
          "logs:CreateLogDelivery",
          "logs:GetLogDelivery",
          "logs:UpdateLogDelivery",
          "logs:DeleteLogDelivery",
          "logs:ListLogDeliveries",
          "logs:PutResourcePolicy",
          "logs:DescribeResourcePolicies",
          "logs:DescribeLogGroups",
          "dynamodb:ListStreams",
          "secretsmanager:ListSecrets");

  /** Resource wildcards the code documents (Access, DataStack, ApiStack, WebSocketApiConstruct). */
  private static final List<Pattern> DOCUMENTED =
      Stream.of(
              ".*/tenants/\\*", // objects of tenants, keys known at run time
              ".*/tenants/\\$\\{aws:PrincipalTag/tenant}/\\*", // the tenant role's own prefix
              ".*:secret:ltb/[a-z0-9]+/tenants/\\*", // per-tenant secrets
              ".*:execution:ltb-[a-z0-9]+-benchmark-run:\\*", // executions named by run id
              ".*/@connections/\\*", // WebSocket connection ids
              ".*::/apikeys/\\*", ".*::/usageplans/.*/keys/\\*", // tenant gateway keys (SaaS)
              "<[A-Za-z0-9]+\\.Arn>:\\*", ".*:log-group:.*:\\*") // log streams of the stack's own log groups
          .map(Pattern::compile)
          .toList();

  static Stream<Arguments> stacks() {
    return Deployment.all().stream()
        .flatMap(deployment -> deployment.stacks().all().stream().map(stack -> Arguments.of(deployment, stack)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("stacks")
  void noWildcardActionAndOnlyDocumentedWildcardResources(Deployment deployment, Stack stack) {
    for (Map<String, Object> statement : Cfn.policyStatements(deployment.template(stack))) {
      List<String> actions = Cfn.list(statement.get("Action"));
      assertThat(actions).as("actions of %s", statement).noneMatch(a -> a.contains("*"));
      for (String resource : Cfn.list(statement.get("Resource"))) {
        if (!resource.contains("*")) continue;
        if (resource.equals("*")) {
          assertThat(STAR_ONLY_ACTIONS).as("Resource * for %s", actions).containsAll(actions);
        } else {
          assertThat(DOCUMENTED).as("undocumented wildcard %s for %s", resource, actions)
              .anyMatch(p -> p.matcher(resource).matches());
        }
      }
    }
  }
}
