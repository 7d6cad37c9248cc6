package dev.ltb.evaluator.xml;

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

class IsXmlEvaluatorTest {

  static final String BILLION_LAUGHS =
      """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [
        <!ENTITY lol "lol">
        <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      ]>
      <lolz>&lol3;</lolz>
      """;

  static final String EXTERNAL_ENTITY =
      """
      <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
      <foo>&xxe;</foo>\
      """;

  static final String DOCTYPE_REFUSED =
      "it declares a DOCTYPE, which is refused (DTDs and entities are never processed)";

  static final String ANALYSIS =
      "<analysis><classification>T-shirt</classification><color>Red</color></analysis>";

  private final IsXmlEvaluator evaluator = new IsXmlEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            "<root><child>Content</child></root>", null, pass("output is well-formed XML")),
        Arguments.of(
            "\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root a='1'><!-- note --><b/></root>\n",
            null,
            pass("output is well-formed XML")),
        Arguments.of("<ns:root>1</ns:root>", null, pass("output is well-formed XML")),
        Arguments.of("", null, fail("output is not XML: it is empty")),
        Arguments.of(
            "<root><child>Content</child></root",
            null,
            fail(
                "output is not well-formed XML: XML document structures must start and end within"
                    + " the same entity. (line 1, column 35)")),
        Arguments.of(
            "Here you go: <root/>",
            null,
            fail(
                "output is not well-formed XML: Content is not allowed in prolog. (line 1, column"
                    + " 1)")),
        Arguments.of(
            "<a/><b/>",
            null,
            fail(
                "output is not well-formed XML: The markup in the document following the root"
                    + " element must be well-formed. (line 1, column 6)")),
        Arguments.of(
            "<a>AT&T</a>",
            null,
            fail(
                "output is not well-formed XML: The reference to entity \"T\" must end with the ';'"
                    + " delimiter. (line 1, column 8)")),
        Arguments.of(
            "<p>&nbsp;</p>",
            null,
            fail(
                "output is not well-formed XML: The entity \"nbsp\" was referenced, but not"
                    + " declared. (line 1, column 10)")),
        Arguments.of(
            BILLION_LAUGHS, null, fail("output is not well-formed XML: " + DOCTYPE_REFUSED)),
        Arguments.of(
            EXTERNAL_ENTITY, null, fail("output is not well-formed XML: " + DOCTYPE_REFUSED)),
        Arguments.of(
            ANALYSIS,
            "{requiredElements: [analysis.classification, analysis.color]}",
            pass(
                "output is well-formed XML with the required elements"
                    + " [\"analysis.classification\", \"analysis.color\"]")),
        Arguments.of(
            "<analysis><classification>T-shirt</classification></analysis>",
            "{requiredElements: [analysis.classification, analysis.color]}",
            fail("output is well-formed XML but lacks the required elements [\"analysis.color\"]")),
        Arguments.of(
            ANALYSIS,
            "'analysis.color, classification'",
            fail("output is well-formed XML but lacks the required elements [\"classification\"]")),
        Arguments.of(
            "<root><parent><child><grandchild>Content</grandchild></child></parent></root>",
            "[root.parent.child.grandchild]",
            pass(
                "output is well-formed XML with the required elements"
                    + " [\"root.parent.child.grandchild\"]")),
        Arguments.of(
            "<root><parent><child></child></parent></root>",
            "[root.parent.child.grandchild]",
            fail(
                "output is well-formed XML but lacks the required elements"
                    + " [\"root.parent.child.grandchild\"]")),
        Arguments.of(
            "<order><item><sku>1</sku></item><item><sku>2</sku><gift/></item></order>",
            "[order.item.1.gift, order.item.sku]",
            pass(
                "output is well-formed XML with the required elements"
                    + " [\"order.item.1.gift\", \"order.item.sku\"]")),
        Arguments.of(
            "<order><item><sku>1</sku></item><item><sku>2</sku><gift/></item></order>",
            "[order.item.0.gift, order.item.2]",
            fail(
                "output is well-formed XML but lacks the required elements"
                    + " [\"order.item.0.gift\", \"order.item.2\"]")),
        Arguments.of("<root/>", "{}", pass("output is well-formed XML")),
        Arguments.of("<root/>", "[]", pass("output is well-formed XML")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void judgesTheWholeOutputAndTheRequiredElements(
      String output, String value, EvaluationResult expected) {
    assertThat(evaluator.evaluate(assertion("is-xml", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "{elements: [a]}",
            "is-xml value must be element paths: a list, a comma-separated string or"
                + " {requiredElements: [...]}, got an object"),
        Arguments.of("[a, 1]", "is-xml element paths must be strings, but one is 1"),
        Arguments.of(
            "[root..child]",
            "is-xml element path \"root..child\" has an empty step; write names joined by dots,"
                + " like root.child"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesThatAreNoElementPaths(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(assertion("is-xml", value), EvaluationContext.ofOutput("<a/>")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }
}
