package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.similarity.AllMiniLmL6V2;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderException;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The judges of one run: finds the model that grades an assertion, calls it at temperature 0 with
 * retries, and remembers every answer, so the same question (same judge and configuration, same
 * prompt, same output) is asked once per run. Model-graded evaluators reach it through a {@link
 * JudgeSession} per assertion, which counts the judge's tokens and enforces the cost cap.
 * Thread-safe.
 *
 * <p>Which judge grades an assertion, first match wins: the assertion's {@code provider}, the
 * test's {@code options.provider} (or {@code defaultTest}'s), then {@link
 * JudgeSettings#defaultGrader()}. Embeddings come from the assertion's {@code
 * config.embeddingProvider}, for {@code similar} also from its {@code provider}, else from the
 * embedded all-MiniLM-L6-v2 model (offline).
 */
public final class Judges {

  /** Assertion config key: the most this assertion's judge calls may cost, in USD. */
  public static final String MAX_COST_KEY = "maxJudgeCostUsd";

  /** Assertion config key: the embedding model ({@code id} string or {@code {id, config}}). */
  public static final String EMBEDDING_PROVIDER_KEY = "embeddingProvider";

  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(key|token|secret|password|authorization).*");

  private final ProviderRegistry providers;
  private final ProviderContext context;
  private final JudgeSettings settings;
  private final Supplier<? extends EmbeddingProvider> defaultEmbedder;
  private final ConcurrentMap<String, Provider> graders = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, EmbeddingProvider> embedders = new ConcurrentHashMap<>();
  private final ConcurrentMap<CacheKey, CompletableFuture<JudgeReply>> replies =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<CacheKey, CompletableFuture<Embedding>> embeddings =
      new ConcurrentHashMap<>();

  public Judges(
      ProviderRegistry providers,
      ProviderContext context,
      JudgeSettings settings,
      Supplier<? extends EmbeddingProvider> defaultEmbedder) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.context = Objects.requireNonNull(context, "context");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.defaultEmbedder = Objects.requireNonNull(defaultEmbedder, "defaultEmbedder");
  }

  /** Judges with the documented defaults and the embedded all-MiniLM-L6-v2 model. */
  public Judges(ProviderRegistry providers, ProviderContext context) {
    this(providers, context, JudgeSettings.DEFAULTS, AllMiniLmL6V2::shared);
  }

  /** A session for a model-graded assertion: its {@code provider} names the judge. */
  public JudgeSession open(Assertion assertion, EvaluationContext evaluation) {
    return new JudgeSession(this, assertion, evaluation.test(), maxCost(assertion), false);
  }

  /**
   * A session for an embedding assertion ({@code similar}): its {@code provider} names the
   * embedding model.
   */
  public JudgeSession openForEmbeddings(Assertion assertion, EvaluationContext evaluation) {
    return new JudgeSession(this, assertion, evaluation.test(), maxCost(assertion), true);
  }

  /**
   * The judge of a model-graded assertion as it is called: the first of the assertion's {@code
   * provider}, the test's grader and the default, with {@code temperature: 0} added when its family
   * takes a temperature and the suite set none.
   */
  public ProviderSpec graderFor(Assertion assertion, TestCase test) {
    return atTemperatureZero(chosenGrader(assertion, test).spec());
  }

  /** The embedding model of an assertion, or null for the embedded all-MiniLM-L6-v2. */
  public ProviderSpec embedderFor(Assertion assertion, boolean providerIsEmbedder) {
    ProviderSpec configured = configuredEmbedder(assertion);
    if (configured != null) return configured;
    return providerIsEmbedder ? assertion.grader() : null;
  }

  /** A model as a run records it: its id and configuration, secrets left out. */
  public static String describe(ProviderSpec spec) {
    if (spec.config().isEmpty()) return spec.id();
    return spec.id() + " " + Json.write(redacted(spec.config()));
  }

  /** The embedded model as a run records it. */
  public String describeDefaultEmbedder() {
    return defaultEmbedder.get().id();
  }

  // ---- used by JudgeSession ----

  record ChosenGrader(ProviderSpec spec, String source) {}

  ChosenGrader chosenGrader(Assertion assertion, TestCase test) {
    if (assertion.grader() != null)
      return new ChosenGrader(assertion.grader(), "the assertion's provider");
    if (test != null && test.grader() != null)
      return new ChosenGrader(test.grader(), "the test's options.provider");
    return new ChosenGrader(settings.defaultGrader(), "the default grader");
  }

  /**
   * Asks a grader, or remembers what it answered to the same messages before (then nothing is
   * spent).
   */
  JudgeReply ask(ChosenGrader chosen, String evaluator, List<ChatMessage> messages) {
    ProviderSpec spec = atTemperatureZero(chosen.spec());
    Provider grader = grader(spec, chosen.source(), evaluator);
    CacheKey key =
        new CacheKey(
            cacheId(spec),
            messages.stream()
                .map(m -> m.role().wireName() + ": " + m.text())
                .collect(Collectors.joining("\n\u0000")));
    String prompt = String.join("\n\n", messages.stream().map(ChatMessage::text).toList());
    ProviderRequest request = new ProviderRequest(messages, prompt, true);
    return remembered(
        replies,
        key,
        () -> {
          ProviderResponse response = withRetries(() -> grader.complete(request));
          // An answer from the response cache (ltb run's on-disk cache) cost nothing this time.
          if (response.cached())
            return new JudgeReply(response.output(), TokenUsage.NONE, 0.0, true);
          return new JudgeReply(response.output(), response.usage(), response.costUsd(), false);
        },
        JudgeReply::asRemembered);
  }

  Embedding embed(Assertion assertion, boolean providerIsEmbedder, String evaluator, String text) {
    ProviderSpec spec = embedderFor(assertion, providerIsEmbedder);
    EmbeddingProvider embedder = spec == null ? defaultEmbedder.get() : embedder(spec, evaluator);
    CacheKey key = new CacheKey(spec == null ? embedder.id() : cacheId(spec), text);
    return remembered(
        embeddings,
        key,
        () -> withRetries(() -> embedder.embed(text)),
        embedding -> new Embedding(embedding.vector(), null));
  }

  // ---- internals ----

  private record CacheKey(String model, String input) {}

  private double maxCost(Assertion assertion) {
    JsonNode cap = assertion.config() == null ? null : assertion.config().get(MAX_COST_KEY);
    if (cap == null || cap.isNull()) return settings.maxCostUsd();
    if (!cap.isNumber() || !(cap.doubleValue() > 0))
      throw new EvaluationException(
          "config." + MAX_COST_KEY + " must be a number of USD above 0, was " + cap);
    return cap.doubleValue();
  }

  private ProviderSpec configuredEmbedder(Assertion assertion) {
    JsonNode node =
        assertion.config() == null ? null : assertion.config().get(EMBEDDING_PROVIDER_KEY);
    if (node == null || node.isNull()) return null;
    if (node.isTextual() && !node.textValue().isBlank()) return ProviderSpec.of(node.textValue());
    if (node.isObject() && node.path("id").isTextual())
      return new ProviderSpec(node.get("id").textValue(), null, node.get("config"), null);
    throw new EvaluationException(
        "config." + EMBEDDING_PROVIDER_KEY + " must be a provider id or {id, config}, was " + node);
  }

  private Provider grader(ProviderSpec spec, String source, String evaluator) {
    String id = cacheId(spec);
    Provider grader = graders.get(id);
    if (grader != null) return grader;
    try {
      return graders.computeIfAbsent(id, ignored -> providers.create(spec, context));
    } catch (ProviderConfigException e) {
      throw new EvaluationException(
          evaluator
              + " needs a judge model, and "
              + source
              + " "
              + spec.id()
              + " cannot be used: "
              + e.getMessage()
              + ". Name a usable grader with the assertion's provider or options.provider in the test or"
              + " defaultTest (docs/evaluators.md, \"Model-graded evaluators\")");
    }
  }

  private EmbeddingProvider embedder(ProviderSpec spec, String evaluator) {
    String id = cacheId(spec);
    EmbeddingProvider embedder = embedders.get(id);
    if (embedder != null) return embedder;
    try {
      return embedders.computeIfAbsent(id, ignored -> providers.createEmbedding(spec, context));
    } catch (ProviderConfigException e) {
      throw new EvaluationException(
          evaluator
              + " cannot use the embedding model "
              + spec.id()
              + ": "
              + e.getMessage()
              + ". Leave the provider out to use the embedded all-MiniLM-L6-v2 model");
    }
  }

  private ProviderSpec atTemperatureZero(ProviderSpec spec) {
    if (spec.config().has("temperature") || !takesTemperature(spec.id())) return spec;
    ObjectNode config = spec.config().deepCopy();
    config.put("temperature", 0);
    return new ProviderSpec(spec.id(), spec.label(), config, spec.limits());
  }

  private boolean takesTemperature(String id) {
    int colon = id.indexOf(':');
    String prefix = colon < 0 ? id : id.substring(0, colon);
    return providers.descriptors().stream()
        .filter(descriptor -> descriptor.prefix().equals(prefix))
        .map(ProviderDescriptor::configKeys)
        .anyMatch(keys -> keys.contains("temperature"));
  }

  private static String cacheId(ProviderSpec spec) {
    return spec.id() + ' ' + spec.config();
  }

  /**
   * The value for a key, computed once even when several threads ask at the same time; a failure is
   * not remembered, so a later assertion asks again.
   */
  private static <T> T remembered(
      ConcurrentMap<CacheKey, CompletableFuture<T>> cache,
      CacheKey key,
      Supplier<T> compute,
      UnaryOperator<T> asRemembered) {
    CompletableFuture<T> mine = new CompletableFuture<>();
    CompletableFuture<T> existing = cache.putIfAbsent(key, mine);
    if (existing != null) {
      try {
        return asRemembered.apply(existing.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) throw cause;
        throw e;
      }
    }
    try {
      T value = compute.get();
      mine.complete(value);
      return value;
    } catch (RuntimeException e) {
      cache.remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  private <T> T withRetries(dev.failsafe.function.CheckedSupplier<T> call) {
    RetryPolicy<T> policy =
        RetryPolicy.<T>builder()
            .handleIf((result, failure) -> failure instanceof ProviderException e && e.retryable())
            .withMaxRetries(settings.maxRetries())
            .withBackoff(settings.retryDelay(), settings.retryDelay().multipliedBy(16))
            .withDelayFnOn(
                attempt -> {
                  ProviderException failure = attempt.getLastException();
                  return failure
                      .retryAfter()
                      .map(Judges::capped)
                      .orElse(Duration.ofMillis(-1)); // -1: backoff
                },
                ProviderException.class)
            .build();
    try {
      return Failsafe.with(policy).get(call);
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) Thread.currentThread().interrupt();
      throw new EvaluationException("the judge call was interrupted", e);
    }
  }

  private static Duration capped(Duration retryAfter) {
    return retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
  }

  private static JsonNode redacted(JsonNode config) {
    if (!config.isObject()) return config;
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : config.properties()) {
      boolean secret =
          SECRET_KEY.matcher(field.getKey()).matches() || field.getKey().equals("headers");
      copy.set(field.getKey(), secret ? TextNode.valueOf("***") : redacted(field.getValue()));
    }
    return copy;
  }
}
