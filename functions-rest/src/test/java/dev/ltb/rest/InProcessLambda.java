package dev.ltb.rest;

import dev.ltb.localcloud.lambda.LocalLambdaContext;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaRecorder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Calls the running app's Lambda handler in-process, as the Java Lambda runtime does: {@code QuarkusStreamHandler}
 * (the function's handler in the CDK stack) hands the event's bytes to {@link AmazonLambdaRecorder#handle}, which
 * reads the {@code AwsProxyRequest}, calls the extension's {@code LambdaHttpHandler} (Vert.x → RESTEasy → our
 * resource) and writes the {@code AwsProxyResponse}. No HTTP hop, no mock event server.
 */
final class InProcessLambda {

  private InProcessLambda() {}

  /** A fresh invocation context, made before the call as the runtime makes it (not part of the handler's time). */
  static LocalLambdaContext context() {
    return LocalLambdaContext.start("ltb-rest", 1769, Duration.ofSeconds(29));
  }

  static byte[] invoke(byte[] event, LocalLambdaContext context) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream(8192);
    try {
      AmazonLambdaRecorder.handle(new ByteArrayInputStream(event), answer, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return answer.toByteArray();
  }
}
