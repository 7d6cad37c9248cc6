package dev.ltb.evaluator.xml;

import static dev.ltb.evaluator.Reasons.quoteAll;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.evaluator.xml.XmlFragments.Span;
import dev.ltb.suite.Assertion;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * {@code contains-xml}: some part of the output (an element, or a run of sibling elements) is
 * well-formed XML and, when the value lists element paths, holds each of them, counted from that
 * part's top-level elements.
 */
public final class ContainsXmlEvaluator implements Evaluator {

  /** Lets a run of siblings parse as one document; never part of an element path. */
  private static final String WRAPPER = "ltb-fragment";

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "contains-xml",
          "1",
          "output contains well-formed XML, optionally holding required elements",
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
    String output = context.output();
    List<Span> candidates = XmlFragments.candidates(output);
    if (candidates.isEmpty()) return EvaluationResult.of(false, "output contains no XML elements");

    List<Span> wellFormed = new ArrayList<>();
    String firstError = null;
    List<String> firstMissing = null;
    for (Span candidate : candidates) {
      if (wellFormed.stream().anyMatch(container -> container.contains(candidate))) continue;
      String fragment = output.substring(candidate.start(), candidate.end());
      Document document;
      try {
        document = XmlDocuments.parse("<" + WRAPPER + ">" + fragment + "</" + WRAPPER + ">");
      } catch (SAXParseException e) {
        if (firstError == null) firstError = e.getMessage();
        continue;
      }
      wellFormed.add(candidate);
      List<String> missing =
          required.missingFrom(RequiredElements.childElements(document.getDocumentElement()));
      if (missing.isEmpty()) return passed(required);
      if (firstMissing == null) firstMissing = missing;
    }
    if (firstMissing != null)
      return EvaluationResult.of(
          false,
          "output contains well-formed XML but none with every required element; the first lacks "
              + quoteAll(firstMissing));
    return EvaluationResult.of(false, "output contains no well-formed XML: " + firstError);
  }

  private static EvaluationResult passed(RequiredElements required) {
    if (required.isEmpty()) return EvaluationResult.of(true, "output contains well-formed XML");
    return EvaluationResult.of(
        true,
        "output contains well-formed XML with the required elements " + quoteAll(required.paths()));
  }
}
