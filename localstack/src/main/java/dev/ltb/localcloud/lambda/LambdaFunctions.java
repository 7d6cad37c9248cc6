package dev.ltb.localcloud.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Adapters from the handler types of {@code aws-lambda-java-core} to {@link LambdaFunction}. */
public final class LambdaFunctions {

  private LambdaFunctions() {}

  /**
   * A {@link RequestStreamHandler} (the form of Quarkus' {@code QuarkusStreamHandler}) as a function: the payload
   * is its input stream, what it writes is the result.
   */
  public static LambdaFunction ofStreamHandler(RequestStreamHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return (payload, context) -> {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(payload), out, context);
      return out.toByteArray();
    };
  }

  /**
   * A {@link RequestHandler} as a function, its input and output (de)serialized the way the Java Lambda runtime
   * does it: {@code aws-lambda-java-serialization}, with the event mix-ins for the {@code aws-lambda-java-events}
   * types (so {@code SQSEvent} reads {@code Records}, {@code eventSourceARN}, ... from the real JSON).
   */
  public static <I, O> LambdaFunction ofRequestHandler(RequestHandler<I, O> handler, Class<I> inputType) {
    Objects.requireNonNull(handler, "handler");
    PojoSerializer<I> input = serializerFor(inputType);
    return (payload, context) -> {
      O result = handler.handleRequest(input.fromJson(new ByteArrayInputStream(payload)), context);
      if (result == null) {
        return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      @SuppressWarnings("unchecked")
      PojoSerializer<O> output = serializerFor((Class<O>) result.getClass());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      output.toJson(result, out);
      return out.toByteArray();
    };
  }

  /** Resolves function names from a fixed map (name → function); unknown names resolve to {@code null}. */
  public static Function<String, LambdaFunction> byName(Map<String, LambdaFunction> functions) {
    Map<String, LambdaFunction> copy = Map.copyOf(functions);
    return copy::get;
  }

  private static <T> PojoSerializer<T> serializerFor(Class<T> type) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return LambdaEventSerializers.serializerFor(type, type.getClassLoader());
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }
}
