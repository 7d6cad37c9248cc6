package dev.ltb.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Outbound event types. */
public enum WebhookEventType {
  /** The run reached COMPLETED or PARTIAL. */
  RUN_COMPLETED("run.completed"),
  /** The run reached FAILED or CANCELLED. */
  RUN_FAILED("run.failed"),
  /** The run completed and some provider's pass rate or score got significantly worse than in the baseline run. */
  RUN_REGRESSED("run.regressed"),
  /** Sent by the test-delivery endpoint; always delivered, whatever the subscription. */
  TEST("webhook.test");

  private final String id;

  WebhookEventType(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }

  public static Optional<WebhookEventType> fromId(String id) {
    return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
  }
}
