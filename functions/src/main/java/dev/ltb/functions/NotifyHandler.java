package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ltb.functions.wire.RunRefEvent;
import dev.ltb.pipeline.NotifyStep;
import dev.ltb.pipeline.RunEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** {@code notify}: publishes the ended run's terminal event and returns it (the execution's output). */
@Named("notify")
@Singleton
public class NotifyHandler extends JsonHandler<RunRefEvent, RunEvent> {

  private final NotifyStep notify;

  @Inject
  public NotifyHandler(NotifyStep notify) {
    super(RunRefEvent.class);
    this.notify = notify;
  }

  @Override
  protected RunEvent handle(RunRefEvent event, Context context) {
    return notify.notify(event.ref());
  }
}
