package dev.ltb.rest;

import dev.ltb.api.ApiException;
import dev.ltb.api.StartRun;
import dev.ltb.api.SuiteService.SuiteText;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;

/**
 * A suite as sent: in a JSON body ({@code {"name", "format", "text"}} to store it, {@link StartRun} to run it), or the
 * YAML file itself ({@code Content-Type: application/yaml}).
 */
final class SuiteBodies {

  static final String YAML = "application/yaml";
  static final String X_YAML = "application/x-yaml";
  static final String TEXT_YAML = "text/yaml";

  private SuiteBodies() {}

  static SuiteText read(byte[] body, String contentType, String name) {
    if (!isYaml(contentType)) {
      if (name != null)
        throw ApiException.invalidField("name", "goes in the JSON body; the query parameter is for YAML bodies");
      return Bodies.read(body, SuiteText.class);
    }
    return new SuiteText(name, "yaml", yaml(body));
  }

  /** What {@code POST /runs} asks for: a JSON {@link StartRun}, or a YAML suite to run as it is. */
  static StartRun startRun(byte[] body, String contentType) {
    return isYaml(contentType) ? StartRun.inline(yaml(body), "yaml") : Bodies.read(body, StartRun.class);
  }

  private static String yaml(byte[] body) {
    Bodies.checkSize(body);
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  private static boolean isYaml(String contentType) {
    if (contentType == null) return false;
    MediaType type = MediaType.valueOf(contentType);
    String essence = type.getType() + "/" + type.getSubtype();
    return essence.equalsIgnoreCase(YAML) || essence.equalsIgnoreCase(X_YAML) || essence.equalsIgnoreCase(TEXT_YAML);
  }
}
