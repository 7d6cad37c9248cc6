package dev.ltb.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * JSON Lines: every line is one object whose {@code type} says what it is. First one {@code "result"} line per
 * item, then one {@code "summary"} line; a file without a summary line is incomplete.
 */
public final class JsonlReportWriter implements ReportWriter {

  public static final String TYPE = "type";
  public static final String RESULT = "result";
  public static final String SUMMARY = "summary";

  @Override
  public void write(RunSummary summary, ResultSource results, OutputStream out) throws IOException {
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.setRootValueSeparator(new SerializedString("\n"));
      results.forEach(result -> writeLine(json, RESULT, result));
      writeLine(json, SUMMARY, summary);
      json.writeRaw('\n');
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void writeLine(JsonGenerator json, String type, Object value) {
    ObjectNode line = Json.mapper().createObjectNode().put(TYPE, type);
    line.setAll((ObjectNode) Json.mapper().valueToTree(value));
    try {
      JsonReportWriter.VALUE_WRITER.writeValue(json, line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
