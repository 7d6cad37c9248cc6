package dev.ltb.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.cdk.config.Artifact;
import dev.ltb.cdk.config.CodeSource;
import dev.ltb.cdk.config.DeploymentMode;
import dev.ltb.cdk.config.FunctionKind;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.AslDefinition;
import dev.ltb.cdk.construct.FunctionsCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

/** Configuration from context: defaults, overrides, and the errors a user sees for bad values. */
class ConfigTest {

  @Test
  void defaultsAreASingleAccountDevStageThatCleansUpAfterItself() {
    LtbConfig config = LtbConfig.fromContext(Map.<String, Object>of()::get);
    assertThat(config.stage()).isEqualTo("dev");
    assertThat(config.mode()).isEqualTo(DeploymentMode.SINGLE_ACCOUNT);
    assertThat(config.removalPolicy()).isEqualTo(RemovalPolicy.DESTROY);
    assertThat(config.logRetention()).isEqualTo(RetentionDays.ONE_MONTH);
    assertThat(config.alarmTopic()).isFalse();
    assertThat(config.codeSource(Artifact.FUNCTIONS)).isEqualTo(CodeSource.ASSET);
    assertThat(config.artifact(Artifact.FUNCTIONS).toString()).endsWith("/functions/target/function.zip");
    assertThat(config.stateMachineDefinition().toString()).endsWith("/statemachines/benchmark-run.asl.json");
  }

  @Test
  void prodRetainsDataKeepsLogsAYearAndAlarmsToATopic() {
    LtbConfig config = LtbConfig.fromContext(Map.<String, Object>of("stage", "prod")::get);
    assertThat(config.removalPolicy()).isEqualTo(RemovalPolicy.RETAIN);
    assertThat(config.logRetention()).isEqualTo(RetentionDays.ONE_YEAR);
    assertThat(config.alarmTopic()).isTrue();
  }

  @Test
  void commandLineStringsAndCdkJsonValuesAreBothAccepted() {
    LtbConfig config =
        LtbConfig.fromContext(
            Map.<String, Object>of(
                    "mode", "saas",
                    "functions.worker.memoryMb", "3008",
                    "functions.worker.timeoutSeconds", 900,
                    "corsAllowedOrigins", "https://a.example, https://b.example",
                    "restApiCode", "parameters")
                ::get);
    assertThat(config.tuning(FunctionKind.WORKER).memoryMb()).isEqualTo(3008);
    assertThat(config.tuning(FunctionKind.WORKER).timeoutSeconds()).isEqualTo(900);
    assertThat(config.corsAllowedOrigins()).containsExactly("https://a.example", "https://b.example");
    assertThat(config.codeSource(Artifact.REST_API)).isEqualTo(CodeSource.PARAMETERS);
    assertThat(config.usagePlans()).extracting(t -> t.name()).containsExactly("free", "team", "enterprise");
  }

  @Test
  void badValuesNameTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("stage", "Prod_1")::get))
        .hasMessageContaining("'stage'").hasMessageContaining("Prod_1");
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("mode", "multi")::get))
        .hasMessageContaining("single-account, saas");
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("logRetentionDays", "45")::get))
        .hasMessageContaining("'logRetentionDays'").hasMessageContaining("[1, 3, 5, 7, 14, 30");
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("functions.plan.memoryMb", "lots")::get))
        .hasMessageContaining("'functions.plan.memoryMb' must be a whole number");
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("functions.worker.timeoutSeconds", "1200")::get))
        .hasMessageContaining("1..900");
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("domainName", "bench.example.com")::get))
        .hasMessageContaining("certificateArn");
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("functionsCode", "zip")::get))
        .hasMessageContaining("'functionsCode' must be asset or parameters");
  }

  @Test
  void aMissingArtifactSaysHowToBuildItOrHowToDeployWithout(@TempDir Path dir) {
    LtbConfig config =
        LtbConfig.fromContext(Map.<String, Object>of("functionsArtifact", dir.resolve("none.zip").toString())::get);
    assertThatThrownBy(() -> new FunctionsCode(config).of(null, Artifact.FUNCTIONS))
        .hasMessageContaining("none.zip does not exist")
        .hasMessageContaining("./mvnw -pl <module> -am package")
        .hasMessageContaining("-c functionsCode=parameters");
  }

  @Test
  void aPlaceholderWithoutValueFailsTheSynthNamingIt(@TempDir Path dir) throws IOException {
    Path asl = dir.resolve("machine.asl.json");
    Files.writeString(asl, "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"${PlanFunctionArn}\",\"Next\":\"B\"},"
        + "\"B\":{\"Type\":\"Task\",\"Resource\":\"${ScoreFunctionArn}\",\"End\":true}}}");
    AslDefinition definition = AslDefinition.read(asl);
    assertThat(definition.placeholders()).containsExactlyInAnyOrder("PlanFunctionArn", "ScoreFunctionArn");
    assertThatThrownBy(() -> definition.substitutionsFrom(Map.of("PlanFunctionArn", "arn:plan", "ShardQueueUrl", "url")))
        .hasMessageContaining("[ScoreFunctionArn]");
    assertThat(AslDefinition.read(asl).substitutionsFrom(Map.of("PlanFunctionArn", "p", "ScoreFunctionArn", "s", "Unused", "u")))
        .containsOnlyKeys("PlanFunctionArn", "ScoreFunctionArn");
    assertThatThrownBy(() -> AslDefinition.read(dir.resolve("missing.json"))).hasMessageContaining("does not exist");
  }

  @Test
  void everyFunctionKindHasADistinctHandlerAndFitsLambdaLimits() {
    assertThat(List.of(FunctionKind.values()))
        .extracting(FunctionKind::handler)
        .filteredOn(h -> h != null)
        .doesNotHaveDuplicates()
        .contains("plan", "worker", "aggregate", "notify", "mark-failed", "cancel");
  }

  @Test
  void singleAccountDeploymentsServeOneTenantNamedByContextDefaultingToDefault() {
    assertThat(LtbConfig.fromContext(Map.<String, Object>of()::get).fixedTenant()).contains("default");
    assertThat(LtbConfig.fromContext(Map.<String, Object>of("tenant", "acme-corp")::get).fixedTenant()).contains("acme-corp");
    LtbConfig saas = LtbConfig.fromContext(Map.<String, Object>of("mode", "saas")::get);
    assertThat(saas.fixedTenant()).isEmpty();
    assertThat(saas.signUpPlan()).isEqualTo("free");
    assertThat(LtbConfig.fromContext(Map.<String, Object>of("mode", "saas", "signUpPlan", "team")::get).signUpPlan())
        .isEqualTo("team");
  }

  @Test
  void aTenantInSaasModeOrABadlyShapedTenantOrPlanIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("mode", "saas", "tenant", "acme")::get))
        .hasMessageContaining("context 'tenant' applies to mode single-account only");
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("tenant", "Acme_Corp")::get))
        .hasMessage("context 'tenant' must be 3-63 characters of a-z, 0-9 and '-', starting and ending with a letter"
            + " or digit, was 'Acme_Corp'");
    assertThatThrownBy(() -> LtbConfig.fromContext(Map.<String, Object>of("mode", "saas", "signUpPlan", "Free!")::get))
        .hasMessageContaining("context 'signUpPlan' must be a plan id");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "acme", "a1", "abc", "a-b", "-ab", "ab-", "ACME", "acme_corp", "acme.corp", "t-0123456789abcdef0123",
      "012345678901234567890123456789012345678901234567890123456789" + "0ab",
      "012345678901234567890123456789012345678901234567890123456789" + "0abc", "tenant#1", "../x"})
  void theTenantContextAcceptsExactlyTheIdsTheCoresTenantIdAccepts(String id) {
    boolean core;
    try {
      dev.ltb.tenancy.TenantId.of(id);
      core = true;
    } catch (IllegalArgumentException e) {
      core = false;
    }
    boolean cdk;
    try {
      LtbConfig.fromContext(Map.<String, Object>of("tenant", id)::get);
      cdk = true;
    } catch (IllegalArgumentException e) {
      cdk = false;
    }
    assertThat(cdk).as(id).isEqualTo(core);
  }
}
