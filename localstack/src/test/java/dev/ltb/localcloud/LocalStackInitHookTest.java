package dev.ltb.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * The LocalStack recipe of docker-compose.yml: LocalStack with this repository's init hook creates the tables,
 * bucket and queues the adapters expect. Runs only where Docker exists; elsewhere JUnit reports it skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackInitHookTest {

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.9"))
          .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.S3,
              LocalStackContainer.Service.SQS)
          .withCopyFileToContainer(
              MountableFile.forHostPath(Path.of("init/ready.d/10-ltb-resources.sh"), 0755),
              "/etc/localstack/init/ready.d/10-ltb-resources.sh");

  @Test
  void theInitHookCreatesTheTablesBucketAndQueuesTheAdaptersExpect() throws Exception {
    try (SqsClient sqs = client(SqsClient.builder());
        DynamoDbClient dynamo = client(DynamoDbClient.builder());
        S3Client s3 = client(S3Client.builder().forcePathStyle(true))) {
      String shards = awaitQueue(sqs, "ltb-shards");

      Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(shards)
          .attributeNames(QueueAttributeName.REDRIVE_POLICY, QueueAttributeName.VISIBILITY_TIMEOUT)).attributes();
      assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains("ltb-shards-dlq").contains("3");
      assertThat(attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("900");
      TableDescription runs = dynamo.describeTable(b -> b.tableName("ltb-runs")).table();
      assertThat(runs.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
          .containsExactly("pk:HASH", "sk:RANGE");
      assertThat(runs.globalSecondaryIndexes()).singleElement()
          .satisfies(index -> assertThat(index.indexName()).isEqualTo("runsByCreatedAt"));
      assertThat(dynamo.describeTable(b -> b.tableName("ltb-events")).table().tableName()).isEqualTo("ltb-events");
      assertThat(s3.listBuckets().buckets()).extracting(bucket -> bucket.name()).contains("ltb-data");
    }
  }

  private static String awaitQueue(SqsClient sqs, String name) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
      } catch (QueueDoesNotExistException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the init hook did not create " + name + " within 60 s", e);
        }
        Thread.sleep(500);
      }
    }
  }

  private static <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    return builder.endpointOverride(LOCALSTACK.getEndpoint())
        .region(Region.of(LOCALSTACK.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
        .build();
  }
}
