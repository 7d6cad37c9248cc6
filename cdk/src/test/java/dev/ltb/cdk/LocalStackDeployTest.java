package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltb.cdk.config.LtbConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Deploys the synthesized data and queue stacks into LocalStack through CloudFormation and checks what a run
 * relies on: the tables with their TTL and stream, and a poison shard ending in the dead-letter queue after
 * the delivery budget. Runs only where Docker is available; elsewhere JUnit reports it skipped. The full
 * stack (functions, state machine) goes through {@code bin/cdklocal-deploy} and {@code bin/localstack-smoke}.
 */
@Tag("slow")
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDeployTest {
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer("localstack/localstack:4.4").withServices("cloudformation", "dynamodb", "sqs", "s3", "iam");

  @Test
  void dataAndQueueStacksDeployAndAPoisonShardEndsInTheDeadLetterQueue() throws Exception {
    App app =
        new App(
            AppProps.builder()
                .context(Map.of("stage", "local", "removalPolicy", "retain", "functionsCode", "parameters", "restApiCode", "parameters"))
                .build());
    LtbStacks stacks = LtbStacks.create(app, LtbConfig.fromContext(key -> app.getNode().tryGetContext(key)), null);

    try (CloudFormationClient cfn = client(CloudFormationClient.builder());
        DynamoDbClient dynamo = client(DynamoDbClient.builder());
        SqsClient sqs = client(SqsClient.builder())) {
      Map<String, String> data = deploy(cfn, stacks.data());
      Map<String, String> queues = deploy(cfn, stacks.queues());

      var events = dynamo.describeTable(r -> r.tableName(data.get("EventsTableName"))).table();
      assertThat(events.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
      assertThat(dynamo.describeTimeToLive(r -> r.tableName(data.get("TableName"))).timeToLiveDescription().timeToLiveStatus())
          .isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);

      String shards = queues.get("ShardQueueUrl");
      String deadLetters = queues.get("ShardDeadLetterQueueUrl");
      sqs.sendMessage(r -> r.queueUrl(shards).messageBody("{\"tenantId\":\"t\",\"runId\":\"r\",\"shardIndex\":0}"));
      int maxReceiveCount = Integer.parseInt(
          new ObjectMapper()
              .readTree(sqs.getQueueAttributes(r -> r.queueUrl(shards).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                  .attributes().get(QueueAttributeName.REDRIVE_POLICY))
              .get("maxReceiveCount").asText());
      assertThat(maxReceiveCount).isEqualTo(3);
      for (int delivery = 0; delivery < maxReceiveCount; delivery++) {
        Message message = sqs.receiveMessage(r -> r.queueUrl(shards).waitTimeSeconds(5)).messages().get(0);
        // A worker that fails the shard lets it go back at once.
        sqs.changeMessageVisibility(r -> r.queueUrl(shards).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
      }
      sqs.receiveMessage(r -> r.queueUrl(shards).waitTimeSeconds(2));
      assertThat(sqs.receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(10)).messages())
          .singleElement()
          .satisfies(m -> assertThat(m.body()).contains("\"shardIndex\":0"));
    }
  }

  /** Creates the stack from its synthesized template (no assets in these two) and returns its outputs. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> deploy(CloudFormationClient cfn, Stack stack) throws Exception {
    Map<String, Object> template = new HashMap<>((Map<String, Object>) Template.fromStack(stack).toJSON());
    // The CDK bootstrap version check reads an SSM parameter that only `cdk bootstrap` creates.
    template.remove("Rules");
    Map<String, Object> parameters = new HashMap<>((Map<String, Object>) template.getOrDefault("Parameters", Map.of()));
    parameters.remove("BootstrapVersion");
    template.put("Parameters", parameters);
    String body = new ObjectMapper().writeValueAsString(template);
    cfn.createStack(r -> r.stackName(stack.getStackName()).templateBody(body).capabilities(software.amazon.awssdk.services.cloudformation.model.Capability.CAPABILITY_IAM));
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      var described = cfn.describeStacks(r -> r.stackName(stack.getStackName())).stacks().get(0);
      if (described.stackStatus() == StackStatus.CREATE_COMPLETE) {
        Map<String, String> outputs = new HashMap<>();
        for (Output output : described.outputs()) outputs.put(output.outputKey(), output.outputValue());
        return outputs;
      }
      assertThat(described.stackStatusAsString()).as(stack.getStackName()).doesNotContain("FAILED", "ROLLBACK");
      assertThat(Instant.now()).as("%s deployed in time", stack.getStackName()).isBefore(deadline);
      Thread.sleep(1000);
    }
  }

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder) {
    return builder
        .endpointOverride(URI.create(LOCALSTACK.getEndpoint().toString()))
        .region(Region.of(LOCALSTACK.getRegion()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
        .build();
  }
}
