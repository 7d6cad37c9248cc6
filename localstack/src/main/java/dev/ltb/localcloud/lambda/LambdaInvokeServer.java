package dev.ltb.localcloud.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ltb.localcloud.LocalCloud;
import dev.ltb.localcloud.internal.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda Invoke API on 127.0.0.1 ({@code POST /2015-03-31/functions/{name}/invocations}), so the AWS SDKs
 * (and the local Step Functions server's Lambda tasks) invoke Java handlers in this JVM through the real wire
 * protocol. The function name may be a name, a partial ARN or a full ARN, with or without a qualifier.
 *
 * <p>As in Lambda: {@code RequestResponse} answers the result (200), {@code Event} answers 202 and runs the
 * function in the background, {@code DryRun} answers 204; a thrown exception is answered 200 with {@code
 * X-Amz-Function-Error: Unhandled} and {@code {"errorMessage", "errorType", "stackTrace"}}; an unknown function is
 * a 404 {@code ResourceNotFoundException}; a request over 6 MB is a 413 {@code RequestTooLargeException}, a
 * result over 6 MB a {@code Function.ResponseSizeTooLarge} function error. The function's timeout is reported
 * by {@link com.amazonaws.services.lambda.runtime.Context#getRemainingTimeInMillis()} but not enforced.
 */
public final class LambdaInvokeServer implements Emulator {

  /** Lambda's limit for synchronous request and response payloads. */
  public static final int PAYLOAD_LIMIT_BYTES = 6 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(LambdaInvokeServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern INVOKE_PATH =
      Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations/?$");
  private static final Pattern ARN =
      Pattern.compile("^(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:)?(?:\\d{12}:)?(?:function:)?([A-Za-z0-9_-]+)(?::[A-Za-z0-9$_-]+)?$");

  private final HttpServer server;
  private final ExecutorService executor;
  private final Function<String, LambdaFunction> resolver;
  private final Map<String, LambdaFunction> registered = new ConcurrentHashMap<>();
  private final Duration timeout;
  private final int memoryLimitInMB;
  private final URI endpoint;

  private LambdaInvokeServer(
      Function<String, LambdaFunction> resolver, Duration timeout, int memoryLimitInMB) throws IOException {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.timeout = timeout;
    this.memoryLimitInMB = memoryLimitInMB;
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalCloud.HOST), 0), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    this.endpoint = URI.create("http://" + LocalCloud.HOST + ":" + server.getAddress().getPort());
  }

  /**
   * Starts the endpoint. {@code resolver} maps a function name to its function ({@code null} for an unknown
   * name); {@code timeout} and {@code memoryLimitInMB} are what every invocation's context reports.
   */
  public static LambdaInvokeServer start(
      Function<String, LambdaFunction> resolver, Duration timeout, int memoryLimitInMB) {
    try {
      LambdaInvokeServer server = new LambdaInvokeServer(resolver, timeout, memoryLimitInMB);
      LOG.info("Lambda Invoke API listening at {}", server.endpoint);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("the Lambda Invoke endpoint could not start on 127.0.0.1", e);
    }
  }

  /** Adds (or replaces) a function by name; registered functions win over the resolver. */
  public void register(String functionName, LambdaFunction function) {
    registered.put(functionName, Objects.requireNonNull(function, "function"));
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** The function name inside a name, partial ARN or full ARN, or {@code null} if it is none of these. */
  static String functionName(String nameOrArn) {
    Matcher matcher = ARN.matcher(nameOrArn);
    return matcher.matches() ? matcher.group(1) : null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher path = INVOKE_PATH.matcher(exchange.getRequestURI().getRawPath());
      if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
        sendError(exchange, 404, "UnknownOperationException", "Only Invoke is served here");
        return;
      }
      String requested = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
      String name = functionName(requested);
      LambdaFunction function = resolve(name);
      if (function == null) {
        sendError(exchange, 404, "ResourceNotFoundException",
            "Function not found: arn:aws:lambda:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID
                + ":function:" + (name == null ? requested : name));
        return;
      }
      byte[] payload = readLimited(exchange.getRequestBody());
      if (payload == null) {
        sendError(exchange, 413, "RequestTooLargeException",
            "Request must be smaller than " + PAYLOAD_LIMIT_BYTES + " bytes for the InvokeFunction operation");
        return;
      }
      if (payload.length == 0) {
        payload = "{}".getBytes(StandardCharsets.UTF_8);
      }
      String invocationType =
          Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"), "RequestResponse");
      switch (invocationType) {
        case "DryRun" -> send(exchange, 204, Map.of(), new byte[0]);
        case "Event" -> {
          byte[] eventPayload = payload;
          executor.submit(() -> invoke(name, function, eventPayload));
          send(exchange, 202, Map.of(), new byte[0]);
        }
        case "RequestResponse" -> {
          Outcome outcome = invoke(name, function, payload);
          Map<String, String> headers = outcome.error()
              ? Map.of("X-Amz-Function-Error", "Unhandled", "X-Amz-Executed-Version", "$LATEST")
              : Map.of("X-Amz-Executed-Version", "$LATEST");
          send(exchange, 200, headers, outcome.body());
        }
        default -> sendError(exchange, 400, "InvalidParameterValueException",
            "Invalid invocation type: " + invocationType);
      }
    } catch (RuntimeException e) {
      LOG.error("Lambda endpoint failed on {}", exchange.getRequestURI(), e);
      sendError(exchange, 500, "ServiceException", String.valueOf(e.getMessage()));
    }
  }

  private LambdaFunction resolve(String name) {
    if (name == null) {
      return null;
    }
    LambdaFunction function = registered.get(name);
    return function != null ? function : resolver.apply(name);
  }

  private record Outcome(boolean error, byte[] body) {}

  private Outcome invoke(String name, LambdaFunction function, byte[] payload) {
    LocalLambdaContext context = LocalLambdaContext.start(name, memoryLimitInMB, timeout);
    try {
      byte[] result = function.invoke(payload, context);
      if (result == null || result.length == 0) {
        result = "null".getBytes(StandardCharsets.UTF_8);
      }
      if (result.length > PAYLOAD_LIMIT_BYTES) {
        return new Outcome(true, errorPayload("Function.ResponseSizeTooLarge",
            "Response payload size exceeded maximum allowed payload size (" + PAYLOAD_LIMIT_BYTES + " bytes).",
            null));
      }
      return new Outcome(false, result);
    } catch (Throwable e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.debug("function {} failed (request {})", name, context.awsRequestId(), e);
      return new Outcome(true, errorPayload(e.getClass().getName(), e.getMessage(), e));
    }
  }

  private static byte[] errorPayload(String type, String message, Throwable error) {
    ObjectNode body = JSON.createObjectNode();
    body.put("errorMessage", message);
    body.put("errorType", type);
    ArrayNode stack = body.putArray("stackTrace");
    if (error != null) {
      for (StackTraceElement element : error.getStackTrace()) {
        stack.add(element.toString());
      }
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(PAYLOAD_LIMIT_BYTES + 1);
    return bytes.length > PAYLOAD_LIMIT_BYTES ? null : bytes;
  }

  private static void sendError(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("Type", status >= 500 ? "Service" : "User");
    body.put("message", message);
    send(exchange, status, Map.of("x-amzn-ErrorType", type), JSON.writeValueAsBytes(body));
  }

  private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
