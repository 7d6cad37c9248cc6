package dev.ltb.cdk.api;

import dev.ltb.cdk.config.DeploymentMode;
import dev.ltb.cdk.config.LtbConfig;
import dev.ltb.cdk.construct.Nag;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.ClientAttributes;
import software.amazon.awscdk.services.cognito.StandardAttributesMask;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.ICustomAttribute;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StringAttribute;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.constructs.Construct;

/**
 * Users: a Cognito user pool (email sign-in; self sign-up only in SaaS mode, where the {@code post-confirmation}
 * trigger the Api stack adds gives each new user a tenant of their own) and a public app client for the CLI and web console (SRP, no secret). The tenant travels as
 * the immutable custom attribute {@code custom:tenant}; the role as membership of one of the groups {@link #USER_ROLES}
 * ({@code cognito:groups} in the ID token, what the authorizer reads). Users cannot write either: only the
 * provisioning back-end can.
 */
public final class Identity extends Construct {
  /** ALIGN with issue 8: the claims the authorizer and the subscription filter read. */
  public static final String TENANT_ATTRIBUTE = "tenant";
  public static final String ROLE_ATTRIBUTE = "role";
  /** The user roles of the core's permission matrix, most privileged first: one Cognito group each. */
  public static final java.util.List<String> USER_ROLES = java.util.List.of("owner", "admin", "member", "viewer");

  private final UserPool userPool;
  private final UserPoolClient client;

  public Identity(Construct scope, String id, LtbConfig config) {
    super(scope, id);
    this.userPool =
        UserPool.Builder.create(this, "Users")
            .userPoolName("ltb-" + config.stage() + "-users")
            .selfSignUpEnabled(config.mode() == DeploymentMode.SAAS)
            .signInAliases(SignInAliases.builder().email(true).build())
            .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
            .customAttributes(
                Map.<String, ICustomAttribute>of(
                    TENANT_ATTRIBUTE, StringAttribute.Builder.create().mutable(false).maxLen(64).build(),
                    ROLE_ATTRIBUTE, StringAttribute.Builder.create().mutable(true).maxLen(16).build()))
            .passwordPolicy(
                PasswordPolicy.builder()
                    .minLength(12)
                    .requireLowercase(true)
                    .requireUppercase(true)
                    .requireDigits(true)
                    .requireSymbols(true)
                    .build())
            .mfa(Mfa.OPTIONAL)
            .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
            .accountRecovery(AccountRecovery.EMAIL_ONLY)
            .deletionProtection(config.isProduction())
            .removalPolicy(config.removalPolicy())
            .build();
    this.client =
        userPool.addClient(
            "Cli",
            software.amazon.awscdk.services.cognito.UserPoolClientOptions.builder()
                .userPoolClientName("ltb-" + config.stage() + "-cli")
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .preventUserExistenceErrors(true)
                .accessTokenValidity(Duration.hours(1))
                .idTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.days(30))
                .enableTokenRevocation(true)
                // users may change their e-mail and name, never custom:tenant or custom:role: those are set by the
                // provisioning back-end (AdminCreateUser / AdminUpdateUserAttributes)
                .readAttributes(
                    new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder().email(true).emailVerified(true).fullname(true).build())
                        .withCustomAttributes(TENANT_ATTRIBUTE, ROLE_ATTRIBUTE))
                .writeAttributes(
                    new ClientAttributes()
                        .withStandardAttributes(StandardAttributesMask.builder().email(true).fullname(true).build()))
                .build());
    // The authorizer takes a user's role from cognito:groups (the most privileged of these); the REST app puts
    // members into them (AdminAddUserToGroup). Precedence: lower wins when Cognito picks one group's IAM role.
    int precedence = 0;
    for (String role : USER_ROLES)
      CfnUserPoolGroup.Builder.create(this, "Group-" + role)
          .userPoolId(userPool.getUserPoolId())
          .groupName(role)
          .description("LLM Test Bench role " + role + " (docs/security.md)")
          .precedence(precedence++)
          .build();
    Nag.suppress(
        userPool,
        "AwsSolutions-COG2",
        "TOTP MFA is offered (optional); requiring it is a tenant policy issue 8 enforces per tenant, not pool-wide");
    Nag.suppress(
        userPool,
        "AwsSolutions-COG3",
        "Threat protection needs the Plus feature plan, billed per active user; operators enable it per deployment");
  }

  public UserPool userPool() {
    return userPool;
  }

  public UserPoolClient client() {
    return client;
  }
}
