package dev.ltb.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Lambda handler that reads its event and writes its result as JSON with the core's mapper, so the bytes a
 * function sees are decoded the same in Lambda (through Quarkus), in the local cloud's Lambda endpoint and in
 * the handler tests. Subclasses only map the event to a core step and its result back.
 */
public abstract class JsonHandler<I, O> implements RequestStreamHandler {

  private final ObjectReader reader;
  private final ObjectWriter writer = Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  protected JsonHandler(Class<I> eventType) {
    this.reader = Json.mapper().readerFor(eventType);
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    I event = reader.readValue(input);
    O result = handle(event, context);
    writer.writeValue(output, result);
    output.flush();
  }

  protected abstract O handle(I event, Context context);
}
