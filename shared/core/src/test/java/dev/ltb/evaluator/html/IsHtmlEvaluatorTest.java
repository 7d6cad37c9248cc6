package dev.ltb.evaluator.html;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsHtmlEvaluatorTest {

  private static final String TEXT_OUTSIDE = "output is not HTML: it has text outside the tags: ";

  private final IsHtmlEvaluator evaluator = new IsHtmlEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of("<div>Hello World</div>", pass("output is HTML with a <div> element")),
        Arguments.of(
            "<!DOCTYPE html><html><head><title>Test</title></head><body>Content</body></html>",
            pass("output is HTML with a <html> element")),
        Arguments.of("  <p>With whitespace</p>\n", pass("output is HTML with a <p> element")),
        Arguments.of("<img src=\"test.jpg\" />", pass("output is HTML with a <img> element")),
        Arguments.of("<h1>Title</h1><p>Paragraph</p>", pass("output is HTML with a <h1> element")),
        Arguments.of(
            "<form><input type=\"text\" /><button>Submit</button></form>",
            pass("output is HTML with a <form> element")),
        Arguments.of(
            "<my-widget size=\"2\"></my-widget>",
            pass("output is HTML with a <my-widget> element")),
        Arguments.of("<div>Unclosed div", pass("output is HTML with a <div> element")),
        Arguments.of("Just plain text", fail(TEXT_OUTSIDE + "\"Just plain text\"")),
        Arguments.of(
            "Here is some HTML: <div>test</div>", fail(TEXT_OUTSIDE + "\"Here is some HTML:\"")),
        Arguments.of("<div>HTML</div> Text after", fail(TEXT_OUTSIDE + "\"Text after\"")),
        Arguments.of("Text <br /> more text", fail(TEXT_OUTSIDE + "\"Text\"")),
        Arguments.of("2 < 3 and 4 > 1", fail(TEXT_OUTSIDE + "\"2 < 3 and 4 > 1\"")),
        Arguments.of(
            "<?xml version=\"1.0\"?><root>XML</root>",
            fail("output is XML, not HTML: it starts with an XML declaration")),
        Arguments.of("", fail("output is not HTML: it is empty")),
        Arguments.of("   \n", fail("output is not HTML: it is empty")),
        Arguments.of(
            "<notarealtag>",
            fail("output is not HTML: it has no known HTML element (found <notarealtag>)")),
        Arguments.of(
            "<!-- only a comment -->", fail("output is not HTML: it has no known HTML element")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void judgesWhetherTheWholeOutputIsHtml(String output, EvaluationResult expected) {
    assertThat(evaluator.evaluate(assertion("is-html", null), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  @Test
  void theDocsListEveryKnownElement() throws IOException {
    String docs = Files.readString(Path.of("../../docs/evaluators.md"));
    assertThat(IsHtmlEvaluator.KNOWN_ELEMENTS)
        .allSatisfy(tag -> assertThat(docs).contains("`" + tag + "`"));
  }

  @Test
  void leavesOutputsOverTheSizeLimitUnchecked() {
    String huge = "<p>" + "x".repeat(IsHtmlEvaluator.MAX_CHARS) + "</p>";
    assertThat(evaluator.evaluate(assertion("is-html", null), EvaluationContext.ofOutput(huge)))
        .isEqualTo(fail("output is not checked as HTML: it is longer than 10485760 characters"));
  }
}
