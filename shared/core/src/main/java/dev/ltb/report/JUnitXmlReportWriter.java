package dev.ltb.report;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.ltb.aggregate.GroupSummary;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.json.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as CI servers read it: one {@code <testsuite>} per (provider, prompt) group, in suite order, one
 * {@code <testcase>} per item; a FAIL is a {@code <failure>} with the reason, an ERROR an {@code <error>} whose
 * type is the error kind; the output goes to {@code <system-out>}.
 *
 * <p>Results arrive interleaved across groups while each suite must be contiguous, so test cases are first
 * spooled to one temporary file per group and then copied into their suite: memory stays bounded.
 */
public final class JUnitXmlReportWriter implements ReportWriter {

  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
  private static final ObjectReader CASE_READER = Json.mapper().readerFor(TestCase.class);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

  @Override
  public void write(RunSummary summary, ResultSource results, OutputStream out) throws IOException {
    try (Spool spool = new Spool(summary)) {
      try {
        results.forEach(spool::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      spool.flush();
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      XMLStreamWriter xml = XML.createXMLStreamWriter(writer);
      writeDocument(xml, summary, spool);
      xml.flush();
      writer.flush();
    } catch (XMLStreamException e) {
      throw new IOException("Cannot write JUnit XML: " + e.getMessage(), e);
    }
  }

  private static void writeDocument(XMLStreamWriter xml, RunSummary summary, Spool spool)
      throws XMLStreamException, IOException {
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    attribute(xml, "name", summary.description() == null ? "LLM Test Bench" : summary.description());
    attribute(xml, "id", summary.runId());
    attribute(xml, "tests", spool.groups.values().stream().mapToLong(group -> group.tests).sum());
    attribute(xml, "failures", spool.groups.values().stream().mapToLong(group -> group.failures).sum());
    attribute(xml, "errors", spool.groups.values().stream().mapToLong(group -> group.errors).sum());
    attribute(xml, "time", seconds(summary.totals() == null ? 0 : summary.totals().durationMs()));
    if (summary.startedAt() != null) attribute(xml, "timestamp", timestamp(summary.startedAt()));
    for (Group group : spool.groups.values()) {
      if (group.tests == 0) continue;
      writeSuite(xml, summary, group);
    }
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
  }

  private static void writeSuite(XMLStreamWriter xml, RunSummary summary, Group group)
      throws XMLStreamException, IOException {
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", group.name);
    attribute(xml, "tests", group.tests);
    attribute(xml, "failures", group.failures);
    attribute(xml, "errors", group.errors);
    attribute(xml, "skipped", 0);
    attribute(xml, "time", seconds(group.latencyMs));
    if (summary.startedAt() != null) attribute(xml, "timestamp", timestamp(summary.startedAt()));
    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "provider-id", group.providerId);
    property(xml, "provider-label", group.providerLabel);
    property(xml, "prompt-id", group.promptId);
    property(xml, "prompt-label", group.promptLabel);
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
    try (BufferedReader reader = Files.newBufferedReader(group.file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine())
        writeCase(xml, group, CASE_READER.readValue(line));
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
  }

  private static void writeCase(XMLStreamWriter xml, Group group, TestCase testCase) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    attribute(xml, "name", testCase.name);
    attribute(xml, "classname", group.name);
    attribute(xml, "time", seconds(testCase.latencyMs));
    xml.writeStartElement("properties");
    property(xml, "item-id", testCase.itemId);
    property(xml, "score", CsvReportWriter.plain(testCase.score));
    xml.writeEndElement();
    switch (testCase.status) {
      case FAIL -> {
        xml.writeStartElement("failure");
        attribute(xml, "message", testCase.reason);
        attribute(xml, "type", testCase.failureType);
        text(xml, testCase.details);
        xml.writeEndElement();
      }
      case ERROR -> {
        xml.writeStartElement("error");
        attribute(xml, "message", testCase.errorMessage);
        attribute(xml, "type", testCase.errorKind);
        text(xml, testCase.details);
        xml.writeEndElement();
      }
      case PASS -> {}
    }
    if (!testCase.output.isEmpty()) {
      xml.writeStartElement("system-out");
      text(xml, testCase.output);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    if (value == null) return;
    xml.writeEmptyElement("property");
    attribute(xml, "name", name);
    attribute(xml, "value", value);
  }

  private static void attribute(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
    xml.writeAttribute(name, XmlText.clean(String.valueOf(value)));
  }

  private static void text(XMLStreamWriter xml, String value) throws XMLStreamException {
    xml.writeCharacters(XmlText.clean(value));
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** What a {@code <testcase>} shows, as spooled between the two passes. */
  record TestCase(
      String itemId,
      String name,
      ItemStatus status,
      double score,
      long latencyMs,
      String reason,
      String failureType,
      String errorKind,
      String errorMessage,
      String details,
      String output) {

    static TestCase of(ItemResult result) {
      String name = result.testDescription() == null || result.testDescription().isBlank()
          ? "test " + (result.testIndex() + 1)
          : result.testDescription();
      if (result.repeatIndex() > 0) name += " (repeat " + (result.repeatIndex() + 1) + ")";
      String failureType =
          result.assertions().stream().filter(outcome -> !outcome.pass()).map(AssertionOutcome::type).findFirst()
              .orElse("threshold");
      String errorKind = result.error() == null ? null : result.error().kind();
      String errorMessage = result.error() == null ? null : result.error().message();
      // Cleaned before spooling: the spool file is UTF-8 and cannot hold lone surrogates either.
      return new TestCase(
          result.itemId(), XmlText.clean(name), result.status(), result.score(), result.latencyMs(),
          XmlText.clean(result.reason()), failureType, errorKind, XmlText.clean(errorMessage),
          XmlText.clean(details(result)), XmlText.clean(result.output()));
    }

    private static String details(ItemResult result) {
      var text = new StringBuilder();
      if (result.status() == ItemStatus.ERROR) {
        text.append(result.error().kind()).append(": ").append(result.error().message()).append('\n');
        text.append("attempts: ").append(result.attempts()).append('\n');
      } else {
        text.append(result.reason()).append('\n');
        text.append("score: ").append(CsvReportWriter.plain(result.score())).append('\n');
        for (AssertionOutcome outcome : result.assertions()) appendOutcome(text, outcome, "");
      }
      text.append("provider: ").append(result.providerId()).append('\n');
      if (!result.vars().isEmpty()) text.append("vars: ").append(Json.write(result.vars())).append('\n');
      text.append("item: ").append(result.itemId());
      return text.toString();
    }

    private static void appendOutcome(StringBuilder text, AssertionOutcome outcome, String indent) {
      text.append(indent).append(outcome.pass() ? "[pass] " : "[FAIL] ").append(outcome.type());
      text.append(" (score ").append(CsvReportWriter.plain(outcome.score())).append("): ");
      text.append(outcome.reason()).append('\n');
      for (AssertionOutcome child : outcome.children()) appendOutcome(text, child, indent + "  ");
    }
  }

  /** A group's counters and the temporary file its test cases wait in. */
  private static final class Group {
    final String name;
    final String providerId;
    final String providerLabel;
    final String promptId;
    final String promptLabel;
    Path file;
    Writer writer;
    long tests;
    long failures;
    long errors;
    long latencyMs;

    Group(String name, String providerId, String providerLabel, String promptId, String promptLabel) {
      this.name = name;
      this.providerId = providerId;
      this.providerLabel = providerLabel;
      this.promptId = promptId;
      this.promptLabel = promptLabel;
    }
  }

  /** The per-group temporary files; groups keep the summary's order, unknown groups follow in arrival order. */
  private static final class Spool implements AutoCloseable {
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final boolean onePrompt;

    Spool(RunSummary summary) {
      onePrompt = summary.groups().stream().map(GroupSummary::promptId).distinct().count() <= 1;
      for (GroupSummary group : summary.groups())
        groups.put(
            key(group.providerIndex(), group.promptId()),
            new Group(
                name(group.providerLabel(), group.promptLabel()), group.providerId(), group.providerLabel(),
                group.promptId(), group.promptLabel()));
    }

    void add(ItemResult result) {
      Group group =
          groups.computeIfAbsent(
              key(result.providerIndex(), result.promptId()),
              key ->
                  new Group(
                      name(result.providerLabel(), result.promptLabel()), result.providerId(), result.providerLabel(),
                      result.promptId(), result.promptLabel()));
      group.tests++;
      if (result.status() == ItemStatus.FAIL) group.failures++;
      if (result.status() == ItemStatus.ERROR) group.errors++;
      group.latencyMs += result.latencyMs();
      try {
        if (group.writer == null) {
          group.file = Files.createTempFile("ltb-junit-", ".jsonl");
          group.writer = Files.newBufferedWriter(group.file, StandardCharsets.UTF_8);
        }
        group.writer.write(Json.write(TestCase.of(result)));
        group.writer.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void flush() throws IOException {
      for (Group group : groups.values()) if (group.writer != null) group.writer.close();
    }

    private String name(String providerLabel, String promptLabel) {
      String provider = providerLabel == null ? "provider" : providerLabel;
      return onePrompt || promptLabel == null ? provider : provider + " / " + promptLabel;
    }

    private static String key(int providerIndex, String promptId) {
      return providerIndex + "\u0000" + promptId;
    }

    @Override
    public void close() throws IOException {
      for (Group group : groups.values()) {
        if (group.writer != null) group.writer.close();
        if (group.file != null) Files.deleteIfExists(group.file);
      }
    }
  }
}
