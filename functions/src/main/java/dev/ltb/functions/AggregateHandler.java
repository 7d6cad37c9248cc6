package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ltb.functions.wire.AggregateEvent;
import dev.ltb.pipeline.AggregateStep;
import dev.ltb.pipeline.RunConclusion;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** {@code aggregate}: the Map state's shard outcomes → the run's conclusion (status, totals, report keys). */
@Named("aggregate")
@Singleton
public class AggregateHandler extends JsonHandler<AggregateEvent, RunConclusion> {

  private final AggregateStep aggregate;

  @Inject
  public AggregateHandler(AggregateStep aggregate) {
    super(AggregateEvent.class);
    this.aggregate = aggregate;
  }

  @Override
  protected RunConclusion handle(AggregateEvent event, Context context) {
    return aggregate.aggregate(event.toRequest());
  }
}
