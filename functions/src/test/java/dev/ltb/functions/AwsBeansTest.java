package dev.ltb.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aws.AwsSettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The functions' adapters see the variables the CDK sets, the tenant data role's among them. */
class AwsBeansTest {

  @Test
  void theTenantRoleAndTheFunctionNameReachTheAdaptersSoTheResolversSignAsTheTenant() {
    var config = new SmallRyeConfigBuilder()
        .withSources(new PropertiesConfigSource(Map.of(
            "LTB_TABLE", "ltb-prod-main",
            "LTB_TENANT_ROLE_ARN", "arn:aws:iam::123456789012:role/Ltb-prod-Data-TenantDataRole1",
            "AWS_LAMBDA_FUNCTION_NAME", "Ltb-prod-Api-Graphql"), "test", 500))
        .build();

    AwsSettings settings = AwsSettings.of(AwsBeans.settings(config));

    assertThat(settings.tenantRoleArn()).contains("arn:aws:iam::123456789012:role/Ltb-prod-Data-TenantDataRole1");
    assertThat(settings.workloadName()).isEqualTo("Ltb-prod-Api-Graphql");
    assertThat(settings.table()).isEqualTo("ltb-prod-main");
  }
}
