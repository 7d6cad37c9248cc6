package dev.ltb.provider.generic.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.ltb.json.Json;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a value sits in a JSON answer: a JSON Pointer ({@code /choices/0/text}), a JSONPath ({@code
 * $.choices[0].text}, evaluated with Jayway JsonPath), or promptfoo's simple {@code json.choices[0].text} (read
 * as the JSONPath {@code $.choices[0].text}; promptfoo's JavaScript expressions in general are not run).
 */
public final class ResponsePath {

  private static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider(Json.mapper()))
          .mappingProvider(new JacksonMappingProvider(Json.mapper()))
          .options(Option.SUPPRESS_EXCEPTIONS)
          .build();

  /** {@code json} followed by property and index accessors only, e.g. {@code json.data[0]['text']}. */
  private static final Pattern PROMPTFOO_ACCESSOR =
      Pattern.compile("json((\\.[A-Za-z_$][A-Za-z0-9_$]*)|(\\[\\d+])|(\\['[^']*'])|(\\[\"[^\"]*\"]))*");

  private final String written;
  private final String pointer;
  private final JsonPath jsonPath;

  private ResponsePath(String written, String pointer, JsonPath jsonPath) {
    this.written = written;
    this.pointer = pointer;
    this.jsonPath = jsonPath;
  }

  /**
   * Reads a path as written in a suite.
   *
   * @throws IllegalArgumentException when it is none of the three forms, with a message that says which exist
   */
  public static ResponsePath parse(String text) {
    String path = text.strip();
    if (path.isEmpty() || path.startsWith("/")) return new ResponsePath(path, path, null);
    String jsonPath = path;
    if (PROMPTFOO_ACCESSOR.matcher(path).matches()) jsonPath = "$" + path.substring("json".length());
    if (!jsonPath.startsWith("$")) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a JSON Pointer (/choices/0/text), a JSONPath ($.choices[0].text) or"
              + " json.choices[0].text; JavaScript expressions are not run");
    }
    try {
      return new ResponsePath(path, null, JsonPath.compile(jsonPath));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a valid JSONPath: " + e.getMessage(), e);
    }
  }

  /** The value at this path, if the answer has one (a JSONPath matching several values gives them as a list). */
  public Optional<JsonNode> read(JsonNode answer) {
    JsonNode value;
    if (pointer != null) {
      value = answer.at(pointer);
    } else {
      Object found = jsonPath.read(answer, JSON_PATH);
      value = found instanceof JsonNode node ? node : found == null ? null : Json.mapper().valueToTree(found);
      if (value != null && !jsonPath.isDefinite() && value.isArray() && value.isEmpty()) value = null;
    }
    return value == null || value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return written;
  }
}
