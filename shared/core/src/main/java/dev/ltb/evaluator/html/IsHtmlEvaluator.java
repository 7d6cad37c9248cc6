package dev.ltb.evaluator.html;

import static dev.ltb.evaluator.Reasons.quote;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * {@code is-html}: the whole output is HTML, by promptfoo's heuristic. The output is parsed the way
 * browsers parse HTML (jsoup, like promptfoo's jsdom, repairs unclosed tags); it passes when no
 * text stands outside the tags and at least one element is a standard HTML element or a custom
 * element (a name with a hyphen). An XML declaration at the start makes it XML, not HTML.
 */
public final class IsHtmlEvaluator implements Evaluator {

  /** promptfoo's limit on what it parses. */
  static final int MAX_CHARS = 10 * 1024 * 1024;

  /** Elements the parser adds by itself; they count only when the output writes them. */
  private static final Set<String> IMPLIED = Set.of("html", "head", "body");

  /**
   * HTML5 elements, obsolete ones left out (promptfoo's list), by kind: metadata, sections, text
   * content, inline text, media, scripting, edits, tables, forms, interactive and web components.
   */
  static final Set<String> KNOWN_ELEMENTS =
      Set.of(
          """
          html head title base link meta style
          body article section nav aside h1 h2 h3 h4 h5 h6 header footer address
          p hr pre blockquote ol ul li dl dt dd figure figcaption main div
          a em strong small s cite q dfn abbr ruby rt rp data time code var samp kbd sub sup i b u
          mark bdi bdo span br wbr
          img iframe embed object param picture source video audio track map area svg math
          script noscript canvas
          ins del
          table caption colgroup col tbody thead tfoot tr td th
          form label input button select datalist optgroup option textarea output progress meter
          fieldset legend
          details summary dialog menu slot template
          """
              .strip()
              .split("\\s+"));

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "is-html",
          "1",
          "output is HTML (tags around all of it, with a known HTML element)",
          "none",
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String html = context.output().strip();
    if (html.isEmpty()) return EvaluationResult.of(false, "output is not HTML: it is empty");
    if (html.length() > MAX_CHARS)
      return EvaluationResult.of(
          false, "output is not checked as HTML: it is longer than " + MAX_CHARS + " characters");
    String lowerCase = html.toLowerCase(Locale.ROOT);
    if (lowerCase.startsWith("<?xml"))
      return EvaluationResult.of(
          false, "output is XML, not HTML: it starts with an XML declaration");

    Document document = Jsoup.parse(html);
    if (!lowerCase.contains("<body")) {
      Optional<String> strayText =
          document.body().textNodes().stream()
              .map(TextNode::text)
              .map(String::strip)
              .filter(text -> !text.isEmpty())
              .findFirst();
      if (strayText.isPresent())
        return EvaluationResult.of(
            false, "output is not HTML: it has text outside the tags: " + quote(strayText.get()));
    }

    List<Element> written =
        document.getAllElements().stream()
            .filter(element -> !(element instanceof Document))
            .filter(
                element ->
                    !IMPLIED.contains(element.normalName())
                        || lowerCase.contains("<" + element.normalName()))
            .toList();
    Optional<Element> recognized =
        written.stream()
            .filter(
                element ->
                    KNOWN_ELEMENTS.contains(element.normalName())
                        || element.normalName().contains("-"))
            .findFirst();
    if (recognized.isPresent())
      return EvaluationResult.of(
          true, "output is HTML with a <" + recognized.get().normalName() + "> element");
    return EvaluationResult.of(
        false,
        "output is not HTML: it has no known HTML element"
            + written.stream()
                .findFirst()
                .map(element -> " (found <" + element.normalName() + ">)")
                .orElse(""));
  }
}
