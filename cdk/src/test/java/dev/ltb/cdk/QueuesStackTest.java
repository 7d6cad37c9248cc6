package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.cdk.config.FunctionKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class QueuesStackTest {
  private final Deployment deployment = Deployment.singleAccount();
  private final Template template = deployment.template(deployment.stacks().queues());

  @Test
  void everyQueueIsEncryptedAndRefusesPlainHttp() {
    template.resourceCountIs("AWS::SQS::Queue", 5);
    template.allResourcesProperties("AWS::SQS::Queue", Map.of("SqsManagedSseEnabled", true));
    List<Map<String, Object>> policies = Cfn.propertiesOf(template, "AWS::SQS::QueuePolicy");
    assertThat(policies).hasSize(5).allSatisfy(p -> assertThat(p.toString()).contains("aws:SecureTransport=false", "Effect=Deny"));
  }

  @Test
  void shardsGoToTheirDeadLetterQueueAfterTheWorkersDeliveryBudget() {
    Map<String, Object> shardQueue = queue("ShardQueue");
    assertThat(Cfn.text(((Map<?, ?>) shardQueue.get("RedrivePolicy")).get("deadLetterTargetArn"))).contains("ShardDeadLetters");
    assertThat(((Map<?, ?>) shardQueue.get("RedrivePolicy")).get("maxReceiveCount")).isEqualTo(3);
    // A crashed worker's shard comes back within the state's shard timeout: twice the worker's timeout.
    assertThat(shardQueue.get("VisibilityTimeout"))
        .isEqualTo(2 * deployment.config().tuning(FunctionKind.WORKER).timeoutSeconds());
  }

  @Test
  void webhooksAreRetriedBeforeTheirDeadLetterQueue() {
    Map<String, Object> webhookQueue = queue("WebhookQueue");
    assertThat(Cfn.text(((Map<?, ?>) webhookQueue.get("RedrivePolicy")).get("deadLetterTargetArn"))).contains("WebhookDeadLetters");
    assertThat(((Map<?, ?>) webhookQueue.get("RedrivePolicy")).get("maxReceiveCount")).isEqualTo(8);
    assertThat(webhookQueue.get("VisibilityTimeout"))
        .isEqualTo(6 * deployment.config().tuning(FunctionKind.WEBHOOK_SENDER).timeoutSeconds());
  }

  @Test
  void deadLetterQueuesKeepMessagesForTwoWeeks() {
    for (String id : List.of("ShardDeadLetters", "WebhookDeadLetters", "EventDeadLetters")) {
      assertThat(queue(id).get("MessageRetentionPeriod")).isEqualTo(14 * 24 * 3600);
    }
  }

  private Map<String, Object> queue(String idPrefix) {
    return Cfn.properties(
        Cfn.resources(template, "AWS::SQS::Queue").entrySet().stream()
            .filter(e -> e.getKey().startsWith(idPrefix))
            .findFirst()
            .orElseThrow()
            .getValue());
  }
}
