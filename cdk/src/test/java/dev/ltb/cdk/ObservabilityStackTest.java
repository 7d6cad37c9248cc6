package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cdk.config.FunctionKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ObservabilityStackTest {
  private final Deployment deployment = Deployment.singleAccount();
  private final Template template = deployment.template(deployment.stacks().observability());

  @Test
  void dashboardShowsRunsThroughputErrorsLatencyDeadLettersAndCost() {
    String body = Cfn.text(Cfn.propertiesOf(template, "AWS::CloudWatch::Dashboard").get(0).get("DashboardBody"));
    assertThat(body)
        .contains("\"title\":\"Runs\"", "\"title\":\"Items per second\"", "\"title\":\"Function errors\"")
        .contains("\"title\":\"Provider latency p95 (ms)\"", "\"title\":\"Dead-letter queue depth\"")
        .contains("\"title\":\"Provider cost (USD per hour)\"")
        .contains("items / PERIOD(items)")
        // The worker's Powertools metrics, in the namespace and with the dimension it writes.
        .contains("\"" + Names.Metric.NAMESPACE + "\",\"" + Names.Metric.PROVIDER_LATENCY + "\",\"Service\",\"ltb-worker\"")
        .contains("\"stat\":\"p95\"")
        .contains("\"" + Names.Metric.COST + "\"");
  }

  @Test
  void alarmsCoverDeadLettersErrorRatesThrottlesAndFailedRuns() {
    int functions = FunctionKind.ofMode(deployment.config().mode()).size();
    int throttleGroups = (functions + 9) / 10;
    template.resourceCountIs("AWS::CloudWatch::Alarm", 3 + functions + throttleGroups + 1);
    List<Map<String, Object>> alarms = Cfn.propertiesOf(template, "AWS::CloudWatch::Alarm");
    assertThat(alarms)
        .filteredOn(a -> a.toString().contains("MetricName=ApproximateNumberOfMessagesVisible"))
        .hasSize(3)
        .allSatisfy(a -> assertThat(a).containsEntry("Threshold", 1).containsEntry("TreatMissingData", "notBreaching"));
    assertThat(alarms)
        .filteredOn(a -> a.toString().contains("IF(invocations > 0, 100 * errors / invocations, 0)"))
        .hasSize(functions)
        .allSatisfy(a -> assertThat(a).containsEntry("Threshold", 5).containsEntry("EvaluationPeriods", 3));
    assertThat(alarms)
        .filteredOn(a -> a.toString().contains("MetricName=Throttles"))
        .hasSize(throttleGroups)
        .allSatisfy(a -> assertThat(a).containsEntry("ComparisonOperator", "GreaterThanOrEqualToThreshold"));
    assertThat(alarms)
        .filteredOn(a -> a.toString().contains("failed + timedOut"))
        .singleElement()
        .satisfies(a -> assertThat(a.toString()).contains("ExecutionsFailed", "ExecutionsTimedOut"));
  }

  @Test
  void devHasNoTopicProductionAlarmsGoToAnEncryptedTopicWithEmail() {
    template.resourceCountIs("AWS::SNS::Topic", 0);
    Template prod = Deployment.saasProduction().template(Deployment.saasProduction().stacks().observability());
    prod.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
    prod.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    prod.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", "ops@example.com"));
    prod.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of("AlarmActions", List.of(Match.objectLike(Map.of()))));
  }
}
