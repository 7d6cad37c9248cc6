package dev.ltb.evaluator.logprob;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.evaluator.AssertionRunner;
import dev.ltb.evaluator.BuiltInEvaluators;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorTestSupport;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderFixtures;
import dev.ltb.provider.ProviderRequest;
import dev.ltb.provider.ProviderResponse;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.openai.OpenAiChatProvider;
import dev.ltb.suite.Assertion;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.TestCase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference values from promptfoo's own test, test/assertions/perplexity.test.ts: log-probabilities [0, 0] give
 * perplexity exp(0) = 1 (within a threshold of 5), [-2] give exp(2) ≈ 7.39 (over it), [-ln 5] give exactly the
 * threshold 5, which passes (the limit is inclusive), and without a threshold the assertion passes. The formula
 * is promptfoo's src/assertions/perplexity.ts: perplexity = exp(-mean(logProbs)), pass when perplexity <=
 * threshold, score 1 or 0.
 */
class PerplexityEvaluatorTest {

  @RegisterExtension
  static WireMockExtension openai = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final PerplexityEvaluator evaluator = new PerplexityEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(new double[] {0, 0}, 5.0, pass("perplexity 1.000 over 2 tokens, at most the threshold 5")),
        Arguments.of(new double[] {-2}, 5.0, fail("perplexity 7.389 over 1 token, more than the threshold 5")),
        Arguments.of(new double[] {-Math.log(5)}, 5.0, pass("perplexity 5.000 over 1 token, at most the threshold 5")),
        Arguments.of(new double[] {-2}, null, pass("perplexity 7.389 over 1 token (no threshold set)")),
        Arguments.of(new double[] {-0.1, -0.5, -1.2, -0.05}, 2.0,
            pass("perplexity 1.588 over 4 tokens, at most the threshold 2")),
        Arguments.of(new double[] {Double.NEGATIVE_INFINITY, 0}, 1000.0,
            fail("perplexity infinity over 2 tokens, more than the threshold 1000")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void comparesThePerplexityOfTheOutputWithTheLimit(double[] logprobs, Double threshold, EvaluationResult expected) {
    assertThat(evaluator.evaluate(assertion("perplexity", null, threshold), Logprobs.context(logprobs)))
        .isEqualTo(expected);
  }

  @Test
  void readsANumberValueAsTheLimit() {
    assertThat(evaluator.evaluate(assertion("perplexity", "5"), Logprobs.context(-2)))
        .isEqualTo(fail("perplexity 7.389 over 1 token, more than the threshold 5"));
  }

  @Test
  void failsClearlyWhenTheProviderReturnedNoLogprobs() {
    EvaluationContext context = Logprobs.context(ProviderResponse.of("Paris", null, null, null));

    assertThatThrownBy(() -> evaluator.evaluate(assertion("perplexity", null, 5.0), context))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(
            "perplexity needs the log-probabilities of the output's tokens, and openai:chat:gpt-4o-mini returned"
                + " none; enable them in the provider's config (logprobs: true for OpenAI, Ollama, llama.cpp and"
                + " Cohere; responseLogprobs: true for Gemini). Anthropic and Bedrock models do not return them");
  }

  @Test
  void theMissingLogprobsFailEvenANegatedAssertion() {
    Assertion negated = new Assertion("perplexity", true, null, 5.0, 1, null, null);
    TestCase test = new TestCase("t", Map.of(), List.of(negated), null, null);

    AssertionOutcome outcome = new AssertionRunner(BuiltInEvaluators.registry())
        .run(test, Logprobs.context(ProviderResponse.of("Paris", null, null, null))).assertions().getFirst();

    assertThat(outcome.pass()).isFalse();
    assertThat(outcome.reason()).startsWith("not-perplexity could not be evaluated: perplexity needs the")
        .contains("enable them in the provider's config");
  }

  @Test
  void rejectsANegativeLimitAndALogprobThatIsNotANumber() {
    assertThatThrownBy(() -> evaluator.evaluate(assertion("perplexity", null, -1.0), Logprobs.context(-2)))
        .hasMessage("perplexity threshold must be at least 0, was -1");
    assertThatThrownBy(() -> evaluator.evaluate(assertion("perplexity", null, 5.0), Logprobs.context(-1, Double.NaN)))
        .hasMessage("perplexity cannot be computed: the provider returned no number as the log-probability of the"
            + " token \"t\"");
  }

  @Test
  void scoresTheLogprobsOpenAiSendsOnTheWire() {
    // OpenAI's documented chat completion with logprobs: 9 tokens, "Hello! How can I assist you today?"
    openai.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
        .willReturn(ProviderFixtures.load("openai-chat-completions-logprobs").response()));
    ProviderSpec spec = ProviderSpec.of("openai:chat:gpt-4o-mini",
        EvaluatorTestSupport.yaml("{apiBaseUrl: '" + openai.baseUrl() + "/v1', logprobs: true}"));
    ProviderContext context =
        new ProviderContext(ProviderContext.defaultHttpClient(), SecretResolver.of(Map.of("OPENAI_API_KEY", "sk-test")),
            Path.of("."));
    ProviderResponse response =
        new OpenAiChatProvider.Factory().create(spec, context).complete(ProviderRequest.ofText("Hello!"));

    EvaluationResult result = evaluator.evaluate(assertion("perplexity", null, 1.5), Logprobs.context(response));

    // exp(-(−0.31725305 − 0.02380986 − … − 0.0008108172) / 9) = 1.0463135…
    assertThat(result).isEqualTo(pass("perplexity 1.046 over 9 tokens, at most the threshold 1.5"));
  }
}
