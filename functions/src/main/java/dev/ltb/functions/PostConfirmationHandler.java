package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.functions.wire.PostConfirmationEvent;
import dev.ltb.json.Json;
import dev.ltb.tenancy.onboarding.TenantOnboarding;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code post-confirmation}: Cognito's Post Confirmation trigger (SaaS mode) → the core's {@link TenantOnboarding}.
 * Cognito expects the event back unchanged, and gets it, byte for byte in meaning.
 *
 * <ul>
 *   <li>{@value #CONFIRM_SIGN_UP}: a user confirmed their own sign-up: they get a tenant of their own and own it.
 *   <li>{@value #CONFIRM_FORGOT_PASSWORD}: only a user with no tenant at all is onboarded (repairing a sign-up whose
 *       onboarding failed); everyone else, invited members included, is left alone.
 *   <li>anything else: nothing.
 * </ul>
 *
 * An error fails the invocation, so Cognito reports it to the client; running again is safe (see {@link
 * TenantOnboarding}).
 */
@Named("post-confirmation")
@Singleton
public class PostConfirmationHandler extends JsonHandler<JsonNode, JsonNode> {

  static final String CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";
  static final String CONFIRM_FORGOT_PASSWORD = "PostConfirmation_ConfirmForgotPassword";
  private static final Logger LOG = LoggerFactory.getLogger(PostConfirmationHandler.class);

  private final TenantOnboarding onboarding;

  @Inject
  public PostConfirmationHandler(TenantOnboarding onboarding) {
    super(JsonNode.class);
    this.onboarding = onboarding;
  }

  @Override
  protected JsonNode handle(JsonNode event, Context context) {
    PostConfirmationEvent confirmation = read(event);
    boolean signUp = CONFIRM_SIGN_UP.equals(confirmation.triggerSource());
    boolean repair = CONFIRM_FORGOT_PASSWORD.equals(confirmation.triggerSource()) && confirmation.tenant().isEmpty();
    if (signUp || repair) {
      TenantOnboarding.Outcome outcome = onboarding.onboard(confirmation.signUp());
      LOG.info("{} for a user of {}: {}", confirmation.triggerSource(), confirmation.userPoolId(), outcome);
    }
    return event;
  }

  private static PostConfirmationEvent read(JsonNode event) {
    try {
      return Json.mapper().treeToValue(event, PostConfirmationEvent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Cognito Post Confirmation event: " + e.getOriginalMessage(), e);
    }
  }
}
