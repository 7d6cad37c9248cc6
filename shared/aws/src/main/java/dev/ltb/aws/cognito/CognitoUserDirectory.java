package dev.ltb.aws.cognito;

import dev.ltb.security.CognitoJwtSettings;
import dev.ltb.tenancy.TenantId;
import dev.ltb.tenancy.onboarding.DirectoryUser;
import dev.ltb.tenancy.onboarding.UserDirectory;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/**
 * The user directory as a Cognito user pool ({@link DirectoryUser#directoryId()} is the pool id): the tenant is the
 * immutable custom attribute {@code custom:tenant}, written with {@code AdminUpdateUserAttributes} (only an IAM
 * principal can: the app client may not write it); roles are the pool's groups, joined with {@code
 * AdminAddUserToGroup}, which is idempotent.
 */
public final class CognitoUserDirectory implements UserDirectory {

  private final CognitoIdentityProviderClient cognito;

  public CognitoUserDirectory(CognitoIdentityProviderClient cognito) {
    this.cognito = Objects.requireNonNull(cognito, "cognito");
  }

  @Override
  public Optional<TenantId> tenantOf(DirectoryUser user) {
    return cognito.adminGetUser(get -> get.userPoolId(user.directoryId()).username(user.username()))
        .userAttributes().stream()
        .filter(attribute -> attribute.name().equals(CognitoJwtSettings.DEFAULT_TENANT_CLAIM))
        .map(AttributeType::value)
        .filter(value -> value != null && !value.isBlank())
        .map(TenantId::of)
        .findFirst();
  }

  @Override
  public void assignTenant(DirectoryUser user, TenantId tenant) {
    cognito.adminUpdateUserAttributes(update -> update.userPoolId(user.directoryId()).username(user.username())
        .userAttributes(AttributeType.builder().name(CognitoJwtSettings.DEFAULT_TENANT_CLAIM).value(tenant.value())
            .build()));
  }

  @Override
  public void addToGroup(DirectoryUser user, String group) {
    cognito.adminAddUserToGroup(add -> add.userPoolId(user.directoryId()).username(user.username()).groupName(group));
  }
}
