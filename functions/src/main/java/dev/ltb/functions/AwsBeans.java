package dev.ltb.functions;

import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.AwsClients;
import dev.ltb.aws.AwsSettings;
import dev.ltb.aws.sfn.StepFunctionsRunExecutions;
import dev.ltb.pipeline.BlobStore;
import dev.ltb.pipeline.RunEvents;
import dev.ltb.pipeline.RunExecutions;
import dev.ltb.pipeline.RunHistories;
import dev.ltb.pipeline.ShardCallbacks;
import dev.ltb.pipeline.TenantSecrets;
import dev.ltb.provider.SecretResolver;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The core's ports served by AWS ({@code shared/aws}), built once per container. Endpoints, region and
 * credentials come from the SDK's standard configuration only; the tables, bucket and secrets source from
 * {@link AwsSettings}' variables ({@code LTB_TABLE}, {@code LTB_EVENTS_TABLE}, {@code LTB_BUCKET}, ...) and
 * the state machine from {@value #STATE_MACHINE_ARN}, read through the app's configuration (environment
 * variables in Lambda).
 */
@Singleton
public class AwsBeans {

  /** The ARN of the run state machine, for cancel (StopExecution). */
  public static final String STATE_MACHINE_ARN = "LTB_STATE_MACHINE_ARN";

  private static final List<String> SETTINGS =
      List.of(
          AwsSettings.TABLE, AwsSettings.EVENTS_TABLE, AwsSettings.BUCKET, AwsSettings.SECRETS_SOURCE,
          AwsSettings.SECRETS_PREFIX, AwsSettings.SECRETS_TTL_SECONDS, AwsSettings.PLAN, AwsSettings.WEBHOOK_QUEUE_URL,
          AwsSettings.WEBHOOK_DEAD_LETTER_URL, AwsSettings.WEBSOCKET_CALLBACK_URL, AwsSettings.STATE_MACHINE_ARN,
          AwsSettings.CANCEL_FUNCTION_ARN, AwsSettings.WEBHOOK_PRIVATE_NETWORKS, AwsSettings.TENANT_ROLE_ARN,
          AwsSettings.FUNCTION_NAME);

  /** The adapters' settings from a configuration: each variable by its own name. */
  static Map<String, String> settings(Config config) {
    Map<String, String> values = new HashMap<>();
    for (String name : SETTINGS) config.getOptionalValue(name, String.class).ifPresent(v -> values.put(name, v));
    return values;
  }

  @Produces
  @Singleton
  AwsAdapters adapters() {
    return new AwsAdapters(new AwsClients(), AwsSettings.of(settings(ConfigProvider.getConfig())));
  }

  void close(@Disposes AwsAdapters adapters) {
    adapters.close();
  }

  @Produces
  @Singleton
  RunHistories runHistories(AwsAdapters aws) {
    return aws.runHistories();
  }

  @Produces
  @Singleton
  BlobStore blobStore(AwsAdapters aws) {
    return aws.blobStore();
  }

  @Produces
  @Singleton
  ShardCallbacks shardCallbacks(AwsAdapters aws) {
    return aws.shardCallbacks();
  }

  @Produces
  @Singleton
  RunEvents runEvents(AwsAdapters aws) {
    return aws.runEvents();
  }

  /** Deployment-wide secrets: judge models and anything not run for one tenant. */
  @Produces
  @Singleton
  SecretResolver secrets(AwsAdapters aws) {
    return aws.secrets();
  }

  @Produces
  @Singleton
  TenantSecrets tenantSecrets(AwsAdapters aws) {
    return tenant -> aws.secrets().forTenant(tenant);
  }

  @Produces
  @Singleton
  RunExecutions runExecutions(AwsAdapters aws) {
    String arn =
        ConfigProvider.getConfig()
            .getOptionalValue(STATE_MACHINE_ARN, String.class)
            .orElseThrow(() -> new IllegalStateException(STATE_MACHINE_ARN + " is not set: cancel needs the state machine"));
    return new StepFunctionsRunExecutions(aws.clients().sfn(), arn);
  }
}
