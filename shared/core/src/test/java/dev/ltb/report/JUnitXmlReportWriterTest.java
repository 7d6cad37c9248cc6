package dev.ltb.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.aggregate.GroupSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.testkit.SampleRuns;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitXmlReportWriterTest {

  private final SampleRuns.SampleRun run = SampleRuns.threeProviders();

  @Test
  void writesOneSuitePerProviderWithTheSummarysCounts() throws Exception {
    Document xml = parse(write(run.results()));

    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("name")).isEqualTo("Capital cities: 3 providers");
    assertThat(root.getAttribute("tests")).isEqualTo("72");
    List<Element> suites = elements(root.getElementsByTagName("testsuite"));
    assertThat(suites).extracting(suite -> suite.getAttribute("name"))
        .containsExactly("gpt-4o-mini", "claude-3.5-haiku", "llama3.1-8b (local)");
    for (int i = 0; i < suites.size(); i++) {
      GroupSummary group = run.summary().groups().get(i);
      Element suite = suites.get(i);
      assertThat(suite.getAttribute("tests")).isEqualTo(Long.toString(group.items()));
      assertThat(suite.getAttribute("failures")).isEqualTo(Long.toString(group.failed()));
      assertThat(suite.getAttribute("errors")).isEqualTo(Long.toString(group.errors()));
      assertThat(suite.getElementsByTagName("testcase").getLength()).isEqualTo(group.items());
      assertThat(suite.getElementsByTagName("failure").getLength()).isEqualTo(group.failed());
      assertThat(suite.getElementsByTagName("error").getLength()).isEqualTo(group.errors());
    }
  }

  @Test
  void failuresCarryTheReasonAndErrorsTheirKind() throws Exception {
    Document xml = parse(write(run.results()));
    ItemResult failed = first(ItemStatus.FAIL);
    ItemResult errored = first(ItemStatus.ERROR);

    Element failedCase = testCase(xml, failed.itemId());
    Element failure = (Element) failedCase.getElementsByTagName("failure").item(0);
    assertThat(failedCase.getAttribute("name")).isEqualTo(failed.testDescription());
    assertThat(failedCase.getAttribute("time")).isEqualTo("%.3f".formatted(failed.latencyMs() / 1000.0));
    assertThat(failure.getAttribute("message")).isEqualTo(failed.reason());
    assertThat(failure.getAttribute("type")).isIn("contains", "similar");
    assertThat(failure.getTextContent()).contains(failed.reason(), "[FAIL] " + failure.getAttribute("type"));
    assertThat(failedCase.getElementsByTagName("system-out").item(0).getTextContent()).isEqualTo(failed.output());

    Element error = (Element) testCase(xml, errored.itemId()).getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("type")).isEqualTo(errored.error().kind());
    assertThat(error.getAttribute("message")).isEqualTo(errored.error().message());
  }

  @Test
  void groupsResultsThatArriveInterleavedInAnyOrder() throws Exception {
    List<ItemResult> shuffled = new ArrayList<>(run.results());
    Collections.shuffle(shuffled, new Random(7));

    Document xml = parse(write(shuffled));

    List<Element> suites = elements(xml.getElementsByTagName("testsuite"));
    for (int i = 0; i < suites.size(); i++) {
      String providerId = run.summary().groups().get(i).providerId();
      List<String> expected = shuffled.stream().filter(r -> r.providerId().equals(providerId)).map(ItemResult::itemId)
          .toList();
      assertThat(elements(suites.get(i).getElementsByTagName("testcase")))
          .extracting(testCase -> property(testCase, "item-id"))
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void untrustedOutputStaysWellFormedText() throws Exception {
    String output = "</system-out><script>alert('x')</script> & \u0000\u001b[31mred\u001b[0m \uD800 done";
    ItemResult result = SampleRuns.withOutput(run.results().getFirst(), output);

    Document xml = parse(write(List.of(result)));

    assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent())
        .isEqualTo("</system-out><script>alert('x')</script> & \uFFFD\uFFFD[31mred\uFFFD[0m \uFFFD done");
    assertThat(xml.getElementsByTagName("script").getLength()).isZero();
  }

  @Test
  void severalPromptsMakeOneSuitePerProviderAndPrompt() throws Exception {
    var builder = SampleRuns.builder().prompts(2).tests(4);
    var out = new ByteArrayOutputStream();
    new JUnitXmlReportWriter().write(builder.summary(), builder::forEach, out);

    assertThat(elements(parse(out.toByteArray()).getElementsByTagName("testsuite")))
        .extracting(suite -> suite.getAttribute("name") + " " + suite.getAttribute("tests"))
        .containsExactly(
            "gpt-4o-mini / one-sentence answer 4", "gpt-4o-mini / answer with reasoning 4",
            "claude-3.5-haiku / one-sentence answer 4", "claude-3.5-haiku / answer with reasoning 4",
            "llama3.1-8b (local) / one-sentence answer 4", "llama3.1-8b (local) / answer with reasoning 4");
  }

  private byte[] write(List<ItemResult> results) throws Exception {
    var out = new ByteArrayOutputStream();
    new JUnitXmlReportWriter().write(run.summary(), ResultSource.of(results), out);
    return out.toByteArray();
  }

  private ItemResult first(ItemStatus status) {
    return run.results().stream().filter(result -> result.status() == status).findFirst().orElseThrow();
  }

  private static Document parse(byte[] xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static Element testCase(Document xml, String itemId) {
    return elements(xml.getElementsByTagName("testcase")).stream()
        .filter(testCase -> property(testCase, "item-id").equals(itemId))
        .findFirst()
        .orElseThrow();
  }

  private static String property(Element element, String name) {
    for (Element property : elements(element.getElementsByTagName("property")))
      if (property.getAttribute("name").equals(name)) return property.getAttribute("value");
    return null;
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) elements.add((Element) nodes.item(i));
    return elements;
  }
}
