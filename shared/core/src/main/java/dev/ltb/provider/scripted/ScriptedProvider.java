package dev.ltb.provider.scripted;

import dev.ltb.provider.AbstractProvider;
import dev.ltb.provider.FinishReason;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderErrorKind;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenEstimate;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.ProviderSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code scripted} (or {@code scripted:<name>}): the offline stand-in for a model. It answers from a script,
 * takes simulated time, fails at a chosen rate and charges a chosen price, deterministically, so suites,
 * the engine's concurrency, retries and statistics can be exercised without a vendor.
 *
 * <h2>Config</h2>
 *
 * <pre>{@code
 * responses:                    # or responses: file://answers.yaml, or file: answers.yaml (YAML or JSON)
 *   "capital of France": Paris
 *   "2 + 2": ["4", "four"]      # several answers: one is chosen per work item (seeded)
 *   weather:                    # or an object
 *     output: ""
 *     finishReason: tool-calls
 *     toolCalls: [{name: get_weather, arguments: {city: Paris}}]
 *   default: "I don't know"
 * matchVar: question            # look the var's value up as a key first
 * latencyMs: 200                # or {min: 100, max: 400}, uniform; really slept
 * errorRate: 0.1                # share of calls that fail, 0..1
 * errorKind: rate-limited       # or server-error, timeout, unavailable, authentication, invalid-request, ...
 * retryAfterMs: 500             # the wait a simulated rate-limited or server error asks for
 * tokens: {input: 12, output: 3}   # default: estimated from the prompt and the answer (4 characters each)
 * costPerMillion: {input: 0.15, output: 0.60}   # or the usual cost override; default: free
 * finishReason: stop
 * seed: 42                      # default 0
 * }</pre>
 *
 * <h2>Which answer</h2>
 *
 * The value of var {@code matchVar} as a key; else the test's description as a key; else the first key, in
 * the order written, that occurs in the rendered prompt (case-sensitive); else {@code default}. No match
 * and no default fails the call as an invalid request.
 *
 * <h2>Determinism</h2>
 *
 * Latency and failure are drawn from a random generator seeded with {@code seed}, the prompt, the work item
 * (its id when the engine gives one, else the test description and prompt) and the attempt: the n-th call
 * for the same item, counted by this provider. The same suite and seed therefore fail the same items on the
 * same attempts, and a retried call draws again, so it can succeed. Which of several answers is chosen
 * depends on the seed and the item only, so a retry gives the same answer.
 */
public final class ScriptedProvider extends AbstractProvider {

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "scripted",
          "scripted[:<name>]",
          "Offline stand-in for a model: scripted answers, simulated latency, errors, tokens and cost (seeded)",
          List.of(
              "responses", "file", "matchVar", "latencyMs", "errorRate", "errorKind", "retryAfterMs", "tokens",
              "costPerMillion", "cost", "inputCost", "outputCost", "finishReason", "seed"));

  private final Script script;
  private final Behaviour behaviour;
  private final ConcurrentMap<String, AtomicInteger> callsPerItem = new ConcurrentHashMap<>();

  /** How the provider behaves besides what it answers; every default resolved in {@link Factory}. */
  record Behaviour(
      String matchVar,
      long minLatencyMs,
      long maxLatencyMs,
      double errorRate,
      ProviderErrorKind errorKind,
      Duration retryAfter,
      TokenUsage fixedTokens,
      ModelPrice price,
      FinishReason finishReason,
      long seed) {}

  ScriptedProvider(String id, Script script, Behaviour behaviour) {
    super(id);
    this.script = script;
    this.behaviour = behaviour;
  }

  @Override
  public boolean cacheable() {
    return false;
  }

  @Override
  protected ProviderResponse doComplete(ProviderRequest request) {
    Script.Answer answer =
        script
            .match(request, behaviour.matchVar())
            .orElseThrow(
                () -> new ProviderException.InvalidRequest(
                    id() + ": no scripted answer for " + describe(request)
                        + " and no default; add a matching key or a default to responses", 0));
    String item = itemKey(request);
    int attempt = callsPerItem.computeIfAbsent(item, key -> new AtomicInteger()).incrementAndGet();
    SplittableRandom random = new SplittableRandom(seed(request.prompt(), item, attempt));

    sleep(latency(random));
    if (random.nextDouble() < behaviour.errorRate()) throw simulatedError(attempt);

    int choice = new SplittableRandom(seed(request.prompt(), item, 0)).nextInt(answer.outputs().size());
    String output = answer.outputs().get(choice);
    TokenUsage usage =
        behaviour.fixedTokens() != null
            ? behaviour.fixedTokens()
            : new TokenUsage(TokenEstimate.of(request.prompt()), TokenEstimate.of(output));
    FinishReason finish =
        answer.finishReason() != null
            ? answer.finishReason()
            : answer.toolCalls().isEmpty() ? behaviour.finishReason() : FinishReason.TOOL_CALLS;
    return new ProviderResponse(
        output, usage, behaviour.price().costUsd(usage), finish, 0, null, answer.toolCalls(), false, List.of());
  }

  private static String describe(ProviderRequest request) {
    String description = request.origin().testDescription();
    if (description != null) return "test \"" + description + "\"";
    String prompt = request.prompt().strip().replaceAll("\\s+", " ");
    return "prompt \"" + (prompt.length() <= 60 ? prompt : prompt.substring(0, 57) + "...") + "\"";
  }

  private static String itemKey(ProviderRequest request) {
    String itemId = request.origin().itemId();
    return itemId != null ? itemId : request.origin().testDescription() + "\u0000" + request.prompt();
  }

  private long seed(String prompt, String item, int attempt) {
    long state = behaviour.seed();
    state = state * 0x9E3779B97F4A7C15L + fnv1a(prompt);
    state = state * 0x9E3779B97F4A7C15L + fnv1a(item);
    return state * 0x9E3779B97F4A7C15L + attempt;
  }

  private long latency(SplittableRandom random) {
    long min = behaviour.minLatencyMs();
    long max = behaviour.maxLatencyMs();
    return min == max ? min : min + random.nextLong(max - min + 1);
  }

  private void sleep(long millis) {
    if (millis <= 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException.Timeout(id() + ": interrupted while simulating latency", e);
    }
  }

  private ProviderException simulatedError(int attempt) {
    String message =
        id() + ": simulated " + behaviour.errorKind().id() + " error (errorRate " + behaviour.errorRate() + ", attempt "
            + attempt + ")";
    Duration wait = behaviour.retryAfter();
    return switch (behaviour.errorKind()) {
      case AUTHENTICATION -> new ProviderException.Authentication(message, 401);
      case RATE_LIMITED -> new ProviderException.RateLimited(message, 429, wait);
      case INVALID_REQUEST -> new ProviderException.InvalidRequest(message, 400);
      case CONTENT_FILTERED -> new ProviderException.ContentFiltered(message, 400);
      case SERVER_ERROR -> new ProviderException.ServerError(message, 500, wait);
      case TIMEOUT -> new ProviderException.Timeout(message, null);
      case UNAVAILABLE -> new ProviderException.Unavailable(message, null);
      case MALFORMED_RESPONSE -> new ProviderException.MalformedResponse(message, 200, null);
    };
  }

  private static long fnv1a(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** Builds {@code scripted} providers, reading answer files relative to the suite's folder. */
  public static final class Factory implements ProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
      return DESCRIPTOR;
    }

    @Override
    public ScriptedProvider create(ProviderSpec spec, ProviderContext context) {
      ProviderConfig config = ProviderConfig.of(spec);
      config.rejectUnknownKeys(DESCRIPTOR.configKeys());
      Script script = Script.from(config, context.baseDir());
      long[] latency = latency(config);
      Behaviour behaviour =
          new Behaviour(
              config.string("matchVar").orElse(null),
              latency[0],
              latency[1],
              config.number("errorRate", 0, 1).orElse(0.0),
              errorKind(config),
              config.longValue("retryAfterMs").map(Duration::ofMillis).orElse(null),
              tokens(config),
              price(config),
              finishReason(config),
              config.longValue("seed").orElse(0L));
      return new ScriptedProvider(spec.id(), script, behaviour);
    }

    private static long[] latency(ProviderConfig config) {
      if (config.node("latencyMs").filter(node -> node.isObject()).isPresent()) {
        ProviderConfig range = config.object("latencyMs").orElseThrow();
        range.rejectUnknownKeys(List.of("min", "max"));
        long min = range.longValue("min").orElseThrow(() -> range.error("min", "is required"));
        long max = range.longValue("max").orElseThrow(() -> range.error("max", "is required"));
        if (min < 0 || max < min) throw config.error("latencyMs", "needs 0 <= min <= max, was " + min + ".." + max);
        return new long[] {min, max};
      }
      long fixed = config.longValue("latencyMs").orElse(0L);
      if (fixed < 0) throw config.error("latencyMs", "must be >= 0, was " + fixed);
      return new long[] {fixed, fixed};
    }

    private static ProviderErrorKind errorKind(ProviderConfig config) {
      String id = config.string("errorKind").orElse(ProviderErrorKind.RATE_LIMITED.id());
      return Arrays.stream(ProviderErrorKind.values())
          .filter(kind -> kind.id().equals(id))
          .findFirst()
          .orElseThrow(
              () -> config.error(
                  "errorKind",
                  "must be one of "
                      + String.join(", ", Arrays.stream(ProviderErrorKind.values()).map(ProviderErrorKind::id).toList())
                      + ", was \"" + id + "\""));
    }

    private static TokenUsage tokens(ProviderConfig config) {
      return config
          .object("tokens")
          .map(
              tokens -> {
                tokens.rejectUnknownKeys(List.of("input", "output"));
                long input = tokens.longValue("input").orElseThrow(() -> tokens.error("input", "is required"));
                long output = tokens.longValue("output").orElseThrow(() -> tokens.error("output", "is required"));
                if (input < 0 || output < 0) throw config.error("tokens", "counts must be >= 0");
                return new TokenUsage(input, output);
              })
          .orElse(null);
    }

    private static ModelPrice price(ProviderConfig config) {
      return config
          .object("costPerMillion")
          .map(
              cost -> {
                cost.rejectUnknownKeys(List.of("input", "output"));
                return new ModelPrice(
                    cost.number("input", 0, Double.MAX_VALUE).orElseThrow(() -> cost.error("input", "is required")),
                    cost.number("output", 0, Double.MAX_VALUE).orElseThrow(() -> cost.error("output", "is required")));
              })
          .or(() -> PriceTable.configured(config))
          .orElse(ModelPrice.FREE);
    }

    private static FinishReason finishReason(ProviderConfig config) {
      String id = config.string("finishReason").orElse("stop");
      try {
        return FinishReason.fromId(id);
      } catch (IllegalArgumentException e) {
        throw config.error(
            "finishReason", "must be one of stop, length, content-filter, tool-calls, error; was \"" + id + "\"");
      }
    }
  }
}
