package dev.ltb.functions;

import dev.ltb.audit.AuditRecorder;
import dev.ltb.aws.AwsAdapters;
import dev.ltb.aws.cognito.CognitoUserDirectory;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenancyStores;
import dev.ltb.aws.dynamodb.tenancy.DynamoTenantPlans;
import dev.ltb.tenancy.Plans;
import dev.ltb.tenancy.onboarding.TenantOnboarding;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code post-confirmation} function's sign-up: tenants and audit in {@code LTB_TABLE}, the user pool of each
 * event through Cognito, new tenants on the plan {@value #SIGN_UP_PLAN} names (default {@value #DEFAULT_SIGN_UP_PLAN};
 * an id the built-in catalogue lacks stops the function at its first call, naming the known ones).
 */
@Singleton
public class OnboardingBeans {

  public static final String SIGN_UP_PLAN = "LTB_SIGN_UP_PLAN";
  public static final String DEFAULT_SIGN_UP_PLAN = "free";

  @Produces
  @Singleton
  TenantOnboarding tenantOnboarding(AwsAdapters aws, Clock clock) {
    String plan = ConfigProvider.getConfig().getOptionalValue(SIGN_UP_PLAN, String.class)
        .map(String::strip).filter(v -> !v.isEmpty()).orElse(DEFAULT_SIGN_UP_PLAN);
    return onboarding(aws, plan, clock);
  }

  static TenantOnboarding onboarding(AwsAdapters aws, String plan, Clock clock) {
    Plans catalogue = Plans.builtIn();
    DynamoTenantPlans.find(catalogue, plan).orElseGet(() -> catalogue.get(plan));
    DynamoTenancyStores stores = new DynamoTenancyStores(aws.clients().dynamoDb(), aws.settings().table());
    return new TenantOnboarding(stores.tenantPlans(catalogue, aws.settings().defaultPlan()),
        new CognitoUserDirectory(aws.clients().cognito()), new AuditRecorder(stores.auditLog(), clock), plan, clock);
  }
}
