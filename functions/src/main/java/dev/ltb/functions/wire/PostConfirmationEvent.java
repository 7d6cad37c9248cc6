package dev.ltb.functions.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.ltb.security.CognitoJwtSettings;
import dev.ltb.tenancy.TenantId;
import dev.ltb.tenancy.onboarding.DirectoryUser;
import dev.ltb.tenancy.onboarding.SignUp;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of Cognito's Post Confirmation trigger event the sign-up needs ({@code triggerSource}, {@code
 * userPoolId}, {@code userName}, {@code request.userAttributes}); everything else is ignored here and handed back
 * to Cognito untouched by the handler.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostConfirmationEvent(String triggerSource, String userPoolId, String userName, Request request) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Request(Map<String, String> userAttributes) {
    public Request {
      userAttributes = userAttributes == null ? Map.of() : Map.copyOf(userAttributes);
    }
  }

  public Map<String, String> attributes() {
    return request == null ? Map.of() : request.userAttributes();
  }

  /** The tenant the event already carries ({@code custom:tenant}), if any. */
  public Optional<TenantId> tenant() {
    return Optional.ofNullable(attributes().get(CognitoJwtSettings.DEFAULT_TENANT_CLAIM))
        .filter(value -> !value.isBlank()).map(TenantId::of);
  }

  public SignUp signUp() {
    String sub = attributes().get("sub");
    if (sub == null || sub.isBlank())
      throw new IllegalArgumentException("the Post Confirmation event has no request.userAttributes.sub");
    return new SignUp(new DirectoryUser(userPoolId, userName), sub, tenant());
  }
}
