package dev.ltb.evaluator.json;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainsJsonEvaluatorTest {

  private static final String PERSON_SCHEMA = IsJsonEvaluatorTest.PERSON_SCHEMA;

  private final ContainsJsonEvaluator evaluator = new ContainsJsonEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("{\"a\": 1}", null, pass("output contains JSON")),
        Arguments.of("[1, 2]", null, pass("output contains JSON")),
        Arguments.of(
            "Here you go: {\"a\": {\"b\": [1, 2]}} Hope it helps!",
            null,
            pass("output contains JSON")),
        Arguments.of("```json\n[{\"a\": 1}]\n```", null, pass("output contains JSON")),
        Arguments.of("See [1] and [2].", null, fail("output contains no JSON object or array")),
        Arguments.of(
            "The set {a, b} is not JSON", null, fail("output contains no JSON object or array")),
        Arguments.of("42", null, fail("output contains no JSON object or array")),
        Arguments.of("", null, fail("output contains no JSON object or array")),
        Arguments.of(
            "First {\"name\": \"Ann\"} then {\"name\": \"Bob\", \"age\": 7}",
            PERSON_SCHEMA,
            pass("output contains JSON matching the schema")),
        Arguments.of(
            "Result: {\"name\": \"Ann\"} and {\"age\": 3}",
            PERSON_SCHEMA,
            fail(
                "output contains JSON but none matches the schema: required property 'age' not"
                    + " found")),
        Arguments.of(
            "no json here", PERSON_SCHEMA, fail("output contains no JSON object or array")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void findsJsonInTheOutput(String output, String schema, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("contains-json", schema), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("invalidSchemas")
  void rejectsAValueThatIsNoSchema(String schema, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("contains-json", schema), EvaluationContext.ofOutput("{\"a\": 1}")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> invalidSchemas() {
    return Stream.of(
        Arguments.of("[a]", "contains-json value must be a JSON Schema (an object), got a list"),
        Arguments.of(
            "{required: name}", "invalid JSON schema: /required: string found, array expected"));
  }
}
