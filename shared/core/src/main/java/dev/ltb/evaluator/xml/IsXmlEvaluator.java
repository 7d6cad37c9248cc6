package dev.ltb.evaluator.xml;

import static dev.ltb.evaluator.Reasons.quoteAll;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.List;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * {@code is-xml}: the whole output is one well-formed XML document and, when the value lists
 * element paths, holds each of them.
 */
public final class IsXmlEvaluator implements Evaluator {

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "is-xml",
          "1",
          "output is a well-formed XML document, optionally holding required elements",
          "optional: element paths like root.child (a list, a comma-separated string or"
              + " {requiredElements: [...]})",
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    RequiredElements required = RequiredElements.fromValue(assertion);
    String xml = withoutWhitespaceBeforeDeclaration(context.output());
    if (xml.isBlank()) return EvaluationResult.of(false, "output is not XML: it is empty");
    Document document;
    try {
      document = XmlDocuments.parse(xml);
    } catch (SAXParseException e) {
      return EvaluationResult.of(
          false, "output is not well-formed XML: " + XmlDocuments.describe(e));
    }
    if (required.isEmpty()) return EvaluationResult.of(true, "output is well-formed XML");
    List<String> missing = required.missingFrom(List.of(document.getDocumentElement()));
    if (missing.isEmpty())
      return EvaluationResult.of(
          true,
          "output is well-formed XML with the required elements " + quoteAll(required.paths()));
    return EvaluationResult.of(
        false, "output is well-formed XML but lacks the required elements " + quoteAll(missing));
  }

  /**
   * Models often open with a blank line; XML allows nothing before its declaration, so that
   * whitespace alone is dropped.
   */
  private static String withoutWhitespaceBeforeDeclaration(String output) {
    String stripped = output.stripLeading();
    return stripped.startsWith("<?xml") ? stripped : output;
  }
}
