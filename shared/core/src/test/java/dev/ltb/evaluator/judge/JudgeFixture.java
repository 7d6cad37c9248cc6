package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.json.Json;
import dev.ltb.provider.AbstractEmbeddingProvider;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.scripted.ScriptedProvider;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Judges for tests: the default grader is {@code judge:test}, a {@code scripted} provider (answers
 * from its {@code responses}) behind a factory that records every request and every spec it builds
 * from, and that takes a {@code temperature} like a real vendor. Embeddings come from {@link
 * WordEmbeddings}.
 */
final class JudgeFixture {

  static final String GRADER = "judge:test";

  final List<ProviderRequest> requests = new CopyOnWriteArrayList<>();
  final List<ProviderSpec> built = new CopyOnWriteArrayList<>();
  final Judges judges;
  private final ProviderRegistry providers =
      new ProviderRegistry(List.of(new RecordingFactory(), new ScriptedProvider.Factory()));
  private final JudgeSettings settings;

  /** Judges whose default grader has this scripted config (YAML). */
  JudgeFixture(String graderConfig) {
    this(graderConfig, JudgeSettings.DEFAULTS);
  }

  JudgeFixture(String graderConfig, JudgeSettings settings) {
    this.settings =
        new JudgeSettings(
            ProviderSpec.of(GRADER, yaml(graderConfig)),
            settings.maxCostUsd(),
            settings.maxRetries(),
            Duration.ofMillis(1));
    this.judges = judges(UnaryOperator.identity());
  }

  /** Judges of another run, over this fixture's providers as {@code wrap} decorates them. */
  Judges judges(UnaryOperator<ProviderRegistry> wrap) {
    return new Judges(
        wrap.apply(providers),
        ProviderContext.defaults(Path.of(".")),
        settings,
        WordEmbeddings::new);
  }

  /** A fixture whose judge always answers this reply, spending 100 input and 20 output tokens. */
  static JudgeFixture answering(String reply) {
    ObjectNode config = Json.mapper().createObjectNode();
    config.putObject("responses").put("default", reply);
    config.putObject("tokens").put("input", 100).put("output", 20);
    return new JudgeFixture(config.toString());
  }

  static final TokenUsage TOKENS = new TokenUsage(100, 20);

  /** What the judge was sent, system and user message texts joined like the judges join them. */
  List<String> prompts() {
    return requests.stream().map(ProviderRequest::prompt).toList();
  }

  static EvaluationContext context(String prompt, String output) {
    return context(prompt, output, Map.of());
  }

  static EvaluationContext context(String prompt, String output, Map<String, Object> vars) {
    TestCase test = new TestCase("a test", vars, List.of(), null, Map.of());
    return new EvaluationContext(
        output, ProviderResponse.of(output, null, null, null), prompt, vars, test, null);
  }

  static JsonNode yaml(String text) {
    try {
      return Json.yaml().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * {@code judge:*}: scripted answers, recorded requests, and a temperature it accepts and ignores.
   */
  private final class RecordingFactory implements ProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
      List<String> keys = new java.util.ArrayList<>(ScriptedProvider.DESCRIPTOR.configKeys());
      keys.add("temperature");
      return new ProviderDescriptor("judge", "judge:<name>", "scripted judge for tests", keys);
    }

    @Override
    public Provider create(ProviderSpec spec, ProviderContext context) {
      built.add(spec);
      ObjectNode config = spec.config().deepCopy();
      config.remove("temperature");
      Provider scripted =
          new ScriptedProvider.Factory().create(ProviderSpec.of(spec.id(), config), context);
      return new Provider() {
        @Override
        public String id() {
          return spec.id();
        }

        @Override
        public ProviderResponse complete(ProviderRequest request) {
          requests.add(request);
          return scripted.complete(request);
        }
      };
    }
  }

  /**
   * A small deterministic embedding for tests: words hashed into 1024 counts. Texts sharing words
   * are similar; texts sharing none are orthogonal. Reports one input token per word.
   */
  static final class WordEmbeddings extends AbstractEmbeddingProvider implements EmbeddingProvider {

    WordEmbeddings() {
      super("test:words");
    }

    @Override
    protected Embedding doEmbed(String text) {
      float[] vector = new float[1024];
      String[] words = text.toLowerCase(Locale.ROOT).split("\\W+");
      int count = 0;
      for (String word : words) {
        if (word.isEmpty()) continue;
        vector[Math.floorMod(word.hashCode(), vector.length)] += 1;
        count++;
      }
      return new Embedding(vector, new TokenUsage(count, 0));
    }
  }

  static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) vars.put((String) pairs[i], pairs[i + 1]);
    return vars;
  }
}
