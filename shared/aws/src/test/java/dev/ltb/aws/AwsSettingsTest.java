package dev.ltb.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.aws.AwsSettings.SecretSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

  @Test
  void readsTheNamesOfTablesAndBucket() {
    AwsSettings settings =
        AwsSettings.of(Map.of("LTB_TABLE", "ltb-runs", "LTB_EVENTS_TABLE", " ltb-events ", "LTB_BUCKET", "ltb-data"));

    assertThat(settings.table()).isEqualTo("ltb-runs");
    assertThat(settings.eventsTable()).isEqualTo("ltb-events");
    assertThat(settings.bucket()).isEqualTo("ltb-data");
  }

  @Test
  void aMissingNameSaysWhichVariableAndWhatItIsFor() {
    AwsSettings settings = AwsSettings.of(Map.of("LTB_TABLE", "  "));

    assertThatThrownBy(settings::table)
        .isInstanceOf(AwsConfigurationException.class)
        .hasMessage("LTB_TABLE is not set: it names the DynamoDB table of runs and results (see docs/aws-adapters.md)");
    assertThatThrownBy(settings::bucket).hasMessageStartingWith("LTB_BUCKET is not set");
  }

  @Test
  void secretsDefaultToSecretsManagerUnderLtbForFiveMinutes() {
    AwsSettings settings = AwsSettings.of(Map.of());

    assertThat(settings.secretsSource()).isEqualTo(SecretSource.SECRETS_MANAGER);
    assertThat(settings.secretsPrefix()).isEqualTo("ltb/");
    assertThat(settings.secretsTtl()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void secretSettingsAreCheckedWithAMessageThatSaysWhatToWrite() {
    AwsSettings settings =
        AwsSettings.of(Map.of("LTB_SECRETS_SOURCE", "vault", "LTB_SECRETS_TTL_SECONDS", "5m", "LTB_SECRETS_PREFIX", ""));

    assertThatThrownBy(settings::secretsSource).hasMessage("LTB_SECRETS_SOURCE is 'vault'; use secretsmanager or ssm");
    assertThatThrownBy(settings::secretsTtl)
        .hasMessage("LTB_SECRETS_TTL_SECONDS is '5m'; give a whole number of seconds >= 0");
    assertThat(settings.secretsPrefix()).as("an empty prefix is allowed").isEmpty();
    assertThat(AwsSettings.of(Map.of("LTB_SECRETS_SOURCE", "SSM")).secretsSource()).isEqualTo(SecretSource.SSM);
  }

  @Test
  void theTenantRoleIsOptionalAndAMalformedArnIsRefusedWithWhatToGive() {
    assertThat(AwsSettings.of(Map.of()).tenantRoleArn()).isEmpty();
    assertThat(AwsSettings.of(Map.of("LTB_TENANT_ROLE_ARN", " arn:aws:iam::123456789012:role/Ltb-prod-Data-TenantDataRole1 "))
        .tenantRoleArn()).contains("arn:aws:iam::123456789012:role/Ltb-prod-Data-TenantDataRole1");
    assertThatThrownBy(() -> AwsSettings.of(Map.of("LTB_TENANT_ROLE_ARN", "Ltb-prod-Data-TenantDataRole1")).tenantRoleArn())
        .isInstanceOf(AwsConfigurationException.class)
        .hasMessage("LTB_TENANT_ROLE_ARN is 'Ltb-prod-Data-TenantDataRole1'; give the ARN of the tenant data role "
            + "(arn:aws:iam::<account>:role/<name>)");
  }

}
