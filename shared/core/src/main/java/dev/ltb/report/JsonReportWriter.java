package dev.ltb.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * {@code {"formatVersion":"1","summary":{...},"results":[...]}}, streamed: each result is written as it
 * arrives and forgotten.
 */
public final class JsonReportWriter implements ReportWriter {

  static final ObjectWriter VALUE_WRITER = Json.mapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

  @Override
  public void write(RunSummary summary, ResultSource results, OutputStream out) throws IOException {
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartObject();
      json.writeStringField("formatVersion", RunSummary.FORMAT_VERSION);
      json.writeFieldName("summary");
      VALUE_WRITER.writeValue(json, summary);
      json.writeArrayFieldStart("results");
      results.forEach(
          result -> {
            try {
              VALUE_WRITER.writeValue(json, result);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      json.writeEndArray();
      json.writeEndObject();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
