package dev.ltb.cdk.stack;

import dev.ltb.cdk.Names;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.LtbFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.SingleValueWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.Construct;

/**
 * What an operator watches: a dashboard (runs, items per second, errors, provider latency p95, DLQ depth,
 * cost) and alarms (a DLQ not empty, a function's error rate, throttles, failed or timed-out runs), which
 * publish to an encrypted SNS topic when one is configured.
 */
public final class ObservabilityStack extends Stack {
  /** Error-rate alarm threshold in percent of invocations over three 5-minute periods. */
  static final double ERROR_RATE_PERCENT = 5;
  /** CloudWatch allows at most 10 metrics in one math expression. */
  private static final int MAX_METRICS_PER_EXPRESSION = 10;

  private final Dashboard dashboard;
  private final List<Alarm> alarms = new ArrayList<>();
  private final Optional<Topic> topic;

  public ObservabilityStack(
      Construct scope,
      String id,
      StackProps props,
      LtbConfig config,
      Map<String, LtbFunction> functions,
      Map<String, IQueue> deadLetterQueues,
      StateMachine stateMachine,
      ApiStack api) {
    super(scope, id, props);
    this.topic = config.alarmTopic() ? Optional.of(topic(config)) : Optional.empty();

    Metric items = worker(Names.Metric.ITEMS, "Sum", Duration.minutes(1));
    MathExpression itemsPerSecond =
        MathExpression.Builder.create()
            .expression("items / PERIOD(items)")
            .usingMetrics(Map.of("items", items))
            .label("items/s")
            .period(Duration.minutes(1))
            .build();
    Metric latencyP95 = worker(Names.Metric.PROVIDER_LATENCY, "p95", Duration.minutes(5));
    Metric cost = worker(Names.Metric.COST, "Sum", Duration.hours(1));

    List<IMetric> errors = new ArrayList<>();
    functions.forEach((name, function) -> errors.add(function.function().metricErrors(labelled(name))));
    List<IMetric> depths = new ArrayList<>();
    deadLetterQueues.forEach(
        (name, queue) -> depths.add(queue.metricApproximateNumberOfMessagesVisible(labelled(name, "Maximum"))));

    this.dashboard =
        Dashboard.Builder.create(this, "Dashboard")
            .dashboardName("ltb-" + config.stage())
            .defaultInterval(Duration.hours(3))
            .build();
    dashboard.addWidgets(
        graph(
            "Runs",
            List.of(
                stateMachine.metricStarted(labelled("started")),
                stateMachine.metricSucceeded(labelled("succeeded")),
                stateMachine.metricFailed(labelled("failed")),
                stateMachine.metricTimedOut(labelled("timed out")),
                stateMachine.metricAborted(labelled("cancelled")))),
        graph("Items per second", List.of(itemsPerSecond)),
        graph("Provider latency p95 (ms)", List.of(latencyP95)));
    dashboard.addWidgets(
        graph("Function errors", errors),
        graph("Dead-letter queue depth", depths),
        graph("Provider cost (USD per hour)", List.of(cost)));
    dashboard.addWidgets(
        graph(
            "REST API",
            List.of(
                api.rest().api().metricCount(labelled("requests")),
                api.rest().api().metricClientError(labelled("4xx")),
                api.rest().api().metricServerError(labelled("5xx")))),
        graph("REST API latency p95 (ms)", List.of(api.rest().api().metricLatency(labelled("p95", "p95")))),
        SingleValueWidget.Builder.create()
            .title("Items and cost, last 24 h")
            .metrics(
                List.of(
                    worker(Names.Metric.ITEMS, "Sum", Duration.days(1)),
                    worker(Names.Metric.COST, "Sum", Duration.days(1))))
            .width(8)
            .build());

    deadLetterQueues.forEach(
        (name, queue) ->
            alarm(
                "DeadLetters-" + name,
                "Messages wait in the " + name + " dead-letter queue: inspect and redrive them",
                queue.metricApproximateNumberOfMessagesVisible(labelled(name, "Maximum")),
                1,
                1));
    functions.forEach(
        (name, function) ->
            alarm(
                "ErrorRate-" + name,
                "More than " + ERROR_RATE_PERCENT + "% of " + name + " invocations fail",
                MathExpression.Builder.create()
                    .expression("IF(invocations > 0, 100 * errors / invocations, 0)")
                    .usingMetrics(
                        Map.of(
                            "errors", function.function().metricErrors(labelled(name)),
                            "invocations", function.function().metricInvocations(labelled(name))))
                    .label(name + " error %")
                    .period(Duration.minutes(5))
                    .build(),
                ERROR_RATE_PERCENT,
                3));
    List<Map.Entry<String, LtbFunction>> all = new ArrayList<>(functions.entrySet());
    for (int from = 0, group = 1; from < all.size(); from += MAX_METRICS_PER_EXPRESSION, group++) {
      Map<String, IMetric> throttles = new LinkedHashMap<>();
      StringBuilder sum = new StringBuilder();
      for (Map.Entry<String, LtbFunction> entry : all.subList(from, Math.min(all.size(), from + MAX_METRICS_PER_EXPRESSION))) {
        String key = "t" + throttles.size();
        throttles.put(key, entry.getValue().function().metricThrottles(labelled(entry.getKey())));
        sum.append(sum.isEmpty() ? "" : " + ").append(key);
      }
      alarm(
          "Throttles-" + group,
          "Lambda throttled invocations of the bench's functions (group " + group + "): raise concurrency or lower load",
          MathExpression.Builder.create()
              .expression(sum.toString())
              .usingMetrics(throttles)
              .label("throttles")
              .period(Duration.minutes(5))
              .build(),
          1,
          1);
    }
    alarm(
        "RunFailures",
        "Runs failed or timed out in the state machine",
        MathExpression.Builder.create()
            .expression("failed + timedOut")
            .usingMetrics(
                Map.of("failed", stateMachine.metricFailed(labelled("failed")), "timedOut", stateMachine.metricTimedOut(labelled("timed out"))))
            .label("failed runs")
            .period(Duration.minutes(5))
            .build(),
        1,
        1);

    CfnOutput.Builder.create(this, "DashboardName").value(dashboard.getDashboardName()).build();
    topic.ifPresent(t -> CfnOutput.Builder.create(this, "AlarmTopicArn").value(t.getTopicArn()).build());
  }

  private Topic topic(LtbConfig config) {
    Key key =
        Key.Builder.create(this, "AlarmTopicKey")
            .description("ltb " + config.stage() + ": encrypts the alarm topic; CloudWatch may use it to publish")
            .enableKeyRotation(true)
            .removalPolicy(config.removalPolicy())
            .build();
    key.addToResourcePolicy(
        PolicyStatement.Builder.create()
            .sid("CloudWatchAlarmsPublish")
            .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
            .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
            .resources(List.of("*"))
            .build());
    Topic topic =
        Topic.Builder.create(this, "AlarmTopic")
            .topicName("ltb-" + config.stage() + "-alarms")
            .masterKey(key)
            .enforceSsl(true)
            .build();
    config.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
    return topic;
  }

  private void alarm(String id, String description, IMetric metric, double threshold, int periods) {
    Alarm alarm =
        Alarm.Builder.create(this, id)
            .alarmDescription(description)
            .metric(metric)
            .threshold(threshold)
            .evaluationPeriods(periods)
            .datapointsToAlarm(periods)
            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
            .treatMissingData(TreatMissingData.NOT_BREACHING)
            .build();
    topic.ifPresent(t -> alarm.addAlarmAction(new SnsAction(t)));
    alarms.add(alarm);
  }

  private static Metric worker(String name, String statistic, Duration period) {
    return Metric.Builder.create()
        .namespace(Names.Metric.NAMESPACE)
        .metricName(name)
        .dimensionsMap(Map.of(Names.Metric.SERVICE_DIMENSION, Names.Metric.WORKER_SERVICE))
        .statistic(statistic)
        .period(period)
        .label(name)
        .build();
  }

  private static IWidget graph(String title, List<? extends IMetric> metrics) {
    return GraphWidget.Builder.create().title(title).left(List.copyOf(metrics)).width(8).height(6).build();
  }

  private static MetricOptions labelled(String label) {
    return MetricOptions.builder().label(label).period(Duration.minutes(5)).statistic("Sum").build();
  }

  private static MetricOptions labelled(String label, String statistic) {
    return MetricOptions.builder().label(label).period(Duration.minutes(5)).statistic(statistic).build();
  }

  public Dashboard dashboard() {
    return dashboard;
  }

  public List<Alarm> alarms() {
    return List.copyOf(alarms);
  }

  public Optional<Topic> topic() {
    return topic;
  }
}
