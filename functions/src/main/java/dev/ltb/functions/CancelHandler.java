package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ltb.functions.wire.RunRefEvent;
import dev.ltb.pipeline.CancelStep;
import dev.ltb.run.RunRecord;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * {@code cancel}: {@code {"tenantId", "runId"}} → the run's status after the cancellation ({@code
 * {"tenantId", "runId", "status", "reason"}}). Invoked by the API; cancelling an ended run changes nothing.
 */
@Named("cancel")
@Singleton
public class CancelHandler extends JsonHandler<RunRefEvent, CancelHandler.Cancelled> {

  /** The handler's result. */
  public record Cancelled(String tenantId, String runId, String status, String reason) {}

  private final CancelStep cancel;

  @Inject
  public CancelHandler(CancelStep cancel) {
    super(RunRefEvent.class);
    this.cancel = cancel;
  }

  @Override
  protected Cancelled handle(RunRefEvent event, Context context) {
    RunRecord record = cancel.cancel(event.ref());
    return new Cancelled(event.tenantId(), event.runId(), record.status().name(), record.statusReason());
  }
}
