package dev.ltb.evaluator.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.evaluator.judge.Judges;
import dev.ltb.json.Json;
import dev.ltb.provider.AbstractEmbeddingProvider;
import dev.ltb.provider.BuiltInProviders;
import dev.ltb.provider.Embedding;
import dev.ltb.provider.EmbeddingProvider;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderRegistry;
import dev.ltb.provider.TokenUsage;
import dev.ltb.provider.scripted.ScriptedProvider;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With the embedded all-MiniLM-L6-v2: the pairs below were measured with it (cosine in the
 * comments).
 */
class SimilarEvaluatorTest {

  private static final Judges JUDGES =
      new Judges(BuiltInProviders.registry(), ProviderContext.defaults(Path.of(".")));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The capital of France is Paris.  | Paris is the capital city of France.        | 0.97",
        "The cat sat on the mat.          | A cat was sitting on the mat.               | 0.95",
        "How do I reset my password?      | What are the steps to change my password?   | 0.82",
      })
  void paraphrasesAreSimilar(String output, String value, double measured) {
    EvaluationResult result =
        similar(null, null).evaluate(assertion("similar", value, null, null), context(output));

    assertThat(result.pass()).isTrue();
    assertThat(result.score())
        .isGreaterThan(0.75)
        .isCloseTo(measured, org.assertj.core.data.Offset.offset(0.01));
    assertThat(result.reason())
        .isEqualTo("cosine similarity %.2f to \"%s\" ≥ threshold 0.75".formatted(measured, value));
    assertThat(result.judgeTokens()).isEqualTo(TokenUsage.NONE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "The capital of France is Paris. | Photosynthesis converts light into chemical energy.",
        "The cat sat on the mat.         | Quarterly revenue grew by twelve percent.",
        "I love pizza.                   | The stock market fell sharply.",
      })
  void unrelatedTextsAreNot(String output, String value) {
    EvaluationResult result =
        similar(null, null).evaluate(assertion("similar", value, null, null), context(output));

    assertThat(result.pass()).isFalse();
    assertThat(result.score()).isLessThan(0.3);
    assertThat(result.reason())
        .matches("cosine similarity -?0\\.\\d\\d to \"" + value + "\" < threshold 0\\.75");
  }

  @Test
  void measuresDotProductAndEuclideanDistance() {
    EvaluationContext paraphrase = context("The capital of France is Paris.");
    Assertion value =
        assertion("similar:euclidean", "Paris is the capital city of France.", null, null);

    // all-MiniLM-L6-v2 vectors have length 1: the dot product is the cosine, the distance sqrt(2 -
    // 2 cos)
    EvaluationResult dot = similar(SimilarityMetric.DOT, null).evaluate(value, paraphrase);
    EvaluationResult euclidean =
        similar(SimilarityMetric.EUCLIDEAN, null).evaluate(value, paraphrase);
    EvaluationResult far =
        similar(SimilarityMetric.EUCLIDEAN, null)
            .evaluate(
                assertion("similar:euclidean", "Quarterly revenue grew.", null, null), paraphrase);

    assertThat(dot.reason())
        .isEqualTo(
            "dot similarity 0.97 to \"Paris is the capital city of France.\" ≥ threshold 0.75");
    assertThat(euclidean.reason())
        .isEqualTo(
            "euclidean distance 0.25 to \"Paris is the capital city of France.\" ≤ threshold 0.75");
    assertThat(euclidean.score()).isCloseTo(1 / 1.25, org.assertj.core.data.Offset.offset(0.01));
    assertThat(far.pass()).isFalse();
    assertThat(far.reason())
        .matches("euclidean distance 1\\.\\d\\d to \"Quarterly revenue grew.\" > threshold 0\\.75");
  }

  @Test
  void passesWhenAnyValueOfAListIsSimilarAndReportsTheClosestOtherwise() {
    EvaluationContext output = context("The capital of France is Paris.");

    EvaluationResult any =
        similar(null, null)
            .evaluate(
                assertion(
                    "similar", "[I love pizza., Paris is the capital city of France.]", null, null),
                output);
    EvaluationResult none =
        similar(null, null)
            .evaluate(
                assertion("similar", "[I love pizza., Paris is lovely in spring.]", 0.9, null),
                output);

    assertThat(any.reason())
        .isEqualTo(
            "cosine similarity 0.97 to \"Paris is the capital city of France.\" ≥ threshold 0.75");
    assertThat(none.pass()).isFalse();
    assertThat(none.reason())
        .matches(
            "no value is close enough; the closest: cosine similarity 0\\.\\d\\d to \"Paris is lovely in spring.\""
                + " < threshold 0\\.9");
  }

  @Test
  void takesTheMetricFromConfig() {
    EvaluationResult result =
        similar(null, null)
            .evaluate(
                assertion(
                    "similar", "Paris is the capital city of France.", null, "{metric: euclidean}"),
                context("The capital of France is Paris."));

    assertThat(result.reason()).startsWith("euclidean distance 0.25");
  }

  @Test
  void notSimilarPassesForUnrelatedTextsThroughTheRunner() {
    AssertionRunner runner = new AssertionRunner(BuiltInEvaluators.registry(JUDGES));
    Assertion notSimilar =
        new Assertion("similar", true, yaml("The stock market fell sharply."), null, 1, null, null);

    TestOutcome outcome =
        runner.run(
            new TestCase("t", Map.of(), List.of(notSimilar), null, Map.of()),
            context("I love pizza."));

    assertThat(outcome.pass()).isTrue();
    assertThat(outcome.assertions().getFirst().reason())
        .matches(
            "cosine similarity 0\\.\\d\\d to \"The stock market fell sharply.\" < threshold 0\\.75");
  }

  @Test
  void anEmptyOutputIsSimilarToNothing() {
    assertThat(
            similar(null, null).evaluate(assertion("similar", "Paris", null, null), context("  ")))
        .isEqualTo(EvaluationResult.of(false, "the output is empty, so it resembles nothing"));
  }

  @Test
  void rejectsAMetricItDoesNotKnowOrThatContradictsItsType() {
    assertThatThrownBy(
            () ->
                similar(null, null)
                    .evaluate(
                        assertion("similar", "Paris", null, "{metric: jaccard}"), context("x")))
        .hasMessage("config metric must be cosine, dot or euclidean, was \"jaccard\"");
    assertThatThrownBy(
            () ->
                similar(SimilarityMetric.DOT, null)
                    .evaluate(
                        assertion("similar:dot", "Paris", null, "{metric: cosine}"), context("x")))
        .hasMessage("similar:dot measures dot; remove config metric or use type similar");
  }

  @Test
  void usesTheEmbeddingModelTheAssertionNamesAndCountsItsTokens() {
    ProviderRegistry providers =
        new ProviderRegistry(List.of(new Letters(), new ScriptedProvider.Factory()));
    Judges judges = new Judges(providers, ProviderContext.defaults(Path.of(".")));
    SimilarEvaluator evaluator = new SimilarEvaluator(judges);
    Assertion byLetters =
        new Assertion(
            "similar", false, yaml("abc"), null, 1, null, null, ProviderSpec.of("letters:v1"));
    Assertion byChatModel =
        new Assertion(
            "similar",
            false,
            yaml("abc"),
            null,
            1,
            null,
            null,
            ProviderSpec.of("scripted:chat", yaml("{responses: {default: x}}")));

    assertThat(evaluator.evaluate(byLetters, context("cab")))
        .isEqualTo(
            new EvaluationResult(
                true,
                1.0,
                "cosine similarity 1.00 to \"abc\" ≥ threshold 0.75",
                Map.of(),
                new TokenUsage(6, 0)));
    assertThat(evaluator.graders(byLetters, null)).containsExactly("letters:v1");
    assertThat(evaluator.graders(assertion("similar", "abc", null, null), null))
        .containsExactly("embedded:all-minilm-l6-v2");
    assertThatThrownBy(() -> evaluator.evaluate(byChatModel, context("cab")))
        .hasMessage(
            "similar cannot use the embedding model scripted:chat: provider scripted:chat: scripted providers have no"
                + " embedding API. Leave the provider out to use the embedded all-MiniLM-L6-v2 model");
  }

  private static SimilarEvaluator similar(SimilarityMetric metric, Judges judges) {
    return new SimilarEvaluator(judges == null ? JUDGES : judges, metric);
  }

  private static Assertion assertion(String type, String value, Double threshold, String config) {
    return new Assertion(
        type, false, yaml(value), threshold, 1, null, config == null ? null : yaml(config));
  }

  private static EvaluationContext context(String output) {
    return EvaluationContext.ofOutput(output);
  }

  private static JsonNode yaml(String text) {
    try {
      return Json.yaml().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** {@code letters:*}: a 26-dimension letter count, three tokens per text. */
  private static final class Letters implements ProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
      return new ProviderDescriptor("letters", "letters:<v>", "letter counts", List.of());
    }

    @Override
    public Provider create(ProviderSpec spec, ProviderContext context) {
      throw new UnsupportedOperationException("letters makes embeddings only");
    }

    @Override
    public EmbeddingProvider createEmbedding(ProviderSpec spec, ProviderContext context) {
      return new AbstractEmbeddingProvider(spec.id()) {
        @Override
        protected Embedding doEmbed(String text) {
          float[] counts = new float[26];
          for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray())
            if (c >= 'a' && c <= 'z') counts[c - 'a']++;
          return new Embedding(counts, new TokenUsage(3, 0));
        }
      };
    }
  }
}
