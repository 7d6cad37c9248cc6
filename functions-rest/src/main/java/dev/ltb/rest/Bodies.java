package dev.ltb.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ltb.api.ApiException;
import dev.ltb.api.ProblemType;
import dev.ltb.json.Json;
import java.io.IOException;
import java.util.stream.Collectors;

/** Request bodies: size-limited JSON, read strictly; a bad field is named in the 400. */
final class Bodies {

  /** API Gateway accepts up to 10 MB, Lambda 6 MB; suites are limited to 4 MiB, so a request body to 5 MiB. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private Bodies() {}

  static <T> T read(byte[] body, Class<T> type) {
    checkSize(body);
    if (body == null || body.length == 0) throw ApiException.invalidField("body", "a JSON object is required");
    ObjectReader reader = Json.mapper().readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      return reader.readValue(body);
    } catch (JsonMappingException e) {
      String field = e.getPath().stream()
          .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
          .collect(Collectors.joining(".")).replace(".[", "[");
      throw ApiException.invalidField(field.isEmpty() ? "body" : field, e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.invalidField("body", "is not valid JSON");
    }
  }

  static void checkSize(byte[] body) {
    if (body != null && body.length > MAX_BYTES)
      throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE,
          "the request body has " + body.length + " bytes; the limit is " + MAX_BYTES);
  }
}
