package dev.ltb.evaluator.xml;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainsXmlEvaluatorTest {

  private final ContainsXmlEvaluator evaluator = new ContainsXmlEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            "Sure, here is your xml:\n<root><child>Content</child></root>\nAnything else?",
            null,
            pass("output contains well-formed XML")),
        Arguments.of(
            "Text <root><child>Content</child></root>",
            "[root.child]",
            pass("output contains well-formed XML with the required elements [\"root.child\"]")),
        Arguments.of(
            "<wrapper><root><child>Content</child></root></wrapper>",
            "{requiredElements: [wrapper.root.child]}",
            pass(
                "output contains well-formed XML with the required elements"
                    + " [\"wrapper.root.child\"]")),
        Arguments.of(
            "<wrapper><root><child>Content</child></root></wrapper>",
            "{requiredElements: [root.child]}",
            fail(
                "output contains well-formed XML but none with every required element; the first"
                    + " lacks [\"root.child\"]")),
        Arguments.of(
            "Name: <name>Ann</name>, age: <age>30</age>.",
            "name, age",
            pass("output contains well-formed XML with the required elements [\"name\", \"age\"]")),
        Arguments.of(
            "First <a>1</a> then <b>2</b>",
            "[b]",
            pass("output contains well-formed XML with the required elements [\"b\"]")),
        Arguments.of("A line break: <br/>", null, pass("output contains well-formed XML")),
        Arguments.of(
            "Unclosed <list><item>1</item><item>2</item>",
            "[item.1]",
            pass("output contains well-formed XML with the required elements [\"item.1\"]")),
        Arguments.of(
            "No markup here, only 3 < 4 and 5 > 2.", null, fail("output contains no XML elements")),
        Arguments.of("<div>unclosed", null, fail("output contains no XML elements")),
        Arguments.of(
            "<a>AT&T</a>",
            null,
            fail(
                "output contains no well-formed XML: The reference to entity \"T\" must end with"
                    + " the ';' delimiter.")),
        Arguments.of(
            "<note priority=\"<high>\">x</note>", null, fail("output contains no XML elements")),
        Arguments.of(
            "<!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><foo>&xxe;</foo>",
            null,
            fail(
                "output contains no well-formed XML: The entity \"xxe\" was referenced, but not"
                    + " declared.")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void findsWellFormedXmlInsideTheOutput(String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("contains-xml", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }
}
