package dev.ltb.cdk;

import dev.ltb.cdk.config.LtbConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;

/**
 * The CDK app ({@code cdk.json} runs it through {@code cdk/bin/app}). Configuration comes from context:
 * {@code bin/cdk synth -c stage=prod -c mode=saas}; docs/deploy.md lists every key.
 */
public final class LtbApp {
  private LtbApp() {}

  public static void main(String[] args) {
    App app = new App();
    LtbConfig config = LtbConfig.fromContext(key -> app.getNode().tryGetContext(key));
    LtbStacks.create(app, config, environment());
    app.synth();
  }

  /** Account and region when the CLI knows them (credentials present); otherwise environment-agnostic stacks. */
  private static Environment environment() {
    String account = System.getenv("CDK_DEFAULT_ACCOUNT");
    String region = System.getenv("CDK_DEFAULT_REGION");
    if (account == null || region == null) return null;
    return Environment.builder().account(account).region(region).build();
  }
}
