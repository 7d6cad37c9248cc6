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

class IsJsonEvaluatorTest {

  static final String PERSON_SCHEMA =
      "{type: object, required: [name, age], properties: {name: {type: string}, age: {type:"
          + " integer, minimum: 0}}}";

  private static final String EXPECTING_VALUE =
      "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

  private final IsJsonEvaluator evaluator = new IsJsonEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("{\"a\": 1}", null, pass("output is valid JSON")),
        Arguments.of("  [1, 2]\n", null, pass("output is valid JSON")),
        Arguments.of("42", null, pass("output is valid JSON")),
        Arguments.of("\"text\"", null, pass("output is valid JSON")),
        Arguments.of("{\"a\": 1}", "''", pass("output is valid JSON")),
        Arguments.of("", null, fail("output is not valid JSON: it is empty")),
        Arguments.of(
            "hello",
            null,
            fail(
                "output is not valid JSON: Unrecognized token 'hello': "
                    + EXPECTING_VALUE
                    + " (line 1, column 1)")),
        Arguments.of(
            "{\"a\": 1} and more",
            null,
            fail(
                "output is not valid JSON: Unrecognized token 'and': "
                    + EXPECTING_VALUE
                    + " (line 1, column 10)")),
        Arguments.of(
            "{'a': 1}",
            null,
            fail(
                "output is not valid JSON: Unexpected character (''' (code 39)): "
                    + "was expecting double-quote to start field name (line 1, column 2)")),
        Arguments.of(
            "{\"name\": \"Ann\", \"age\": 30}",
            PERSON_SCHEMA,
            pass("output is valid JSON matching the schema")),
        Arguments.of(
            "{\"name\": \"Ann\"}",
            PERSON_SCHEMA,
            fail(
                "output is JSON but does not match the schema: required property 'age' not found")),
        Arguments.of(
            "{\"name\": 1, \"age\": -1}",
            PERSON_SCHEMA,
            fail(
                "output is JSON but does not match the schema: /name: integer found, string"
                    + " expected; /age: must have a minimum value of 0")),
        Arguments.of(
            "{\"name\": \"Ann\"}",
            "'{\"type\": \"array\"}'",
            fail("output is JSON but does not match the schema: object found, array expected")),
        Arguments.of(
            "[1]",
            "\"type: array\\nitems: {type: integer}\"",
            pass("output is valid JSON matching the schema")),
        Arguments.of(
            "not json",
            PERSON_SCHEMA,
            fail(
                "output is not valid JSON: Unrecognized token 'not': "
                    + EXPECTING_VALUE
                    + " (line 1, column 1)")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void judgesTheWholeOutputAndTheOptionalSchema(
      String output, String schema, EvaluationResult expected) {
    assertThat(evaluator.evaluate(assertion("is-json", schema), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> valuesThatAreNoSchema() {
    return Stream.of(
        Arguments.of("42", "is-json value must be a JSON Schema (an object), got 42"),
        Arguments.of("'42'", "is-json value must be a JSON Schema (an object), got \"42\""),
        Arguments.of("[a, b]", "is-json value must be a JSON Schema (an object), got a list"),
        Arguments.of("'{type: [unclosed'", "is-json value is not a readable JSON Schema: "),
        Arguments.of(
            "{type: 5}",
            "invalid JSON schema: /type: does not have a value in the enumeration [\"array\","
                + " \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\"]; /type:"
                + " integer found, array expected"),
        Arguments.of(
            "{type: object, required: name}",
            "invalid JSON schema: /required: string found, array expected"));
  }

  @ParameterizedTest
  @MethodSource("valuesThatAreNoSchema")
  void rejectsAValueThatIsNoSchemaEvenWhenTheOutputIsNotJson(String schema, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("is-json", schema), EvaluationContext.ofOutput("not json")))
        .isInstanceOf(EvaluationException.class)
        .hasMessageStartingWith(message);
  }
}
