package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ltb.functions.wire.MarkFailedEvent;
import dev.ltb.pipeline.MarkFailedStep;
import dev.ltb.pipeline.RunEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** {@code mark-failed}: records the run FAILED with the error its state's {@code Catch} caught. */
@Named("mark-failed")
@Singleton
public class MarkFailedHandler extends JsonHandler<MarkFailedEvent, RunEvent> {

  private final MarkFailedStep markFailed;

  @Inject
  public MarkFailedHandler(MarkFailedStep markFailed) {
    super(MarkFailedEvent.class);
    this.markFailed = markFailed;
  }

  @Override
  protected RunEvent handle(MarkFailedEvent event, Context context) {
    String error = event.error() == null ? null : event.error().error();
    String cause = event.error() == null ? null : event.error().cause();
    return markFailed.markFailed(event.ref(), error, cause);
  }
}
