package dev.ltb.rest;

import dev.ltb.api.ApiException;
import dev.ltb.api.SuiteService.SuiteText;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;

/** A suite as sent: JSON {@code {"name", "format", "text"}}, or the YAML file itself with its name in the query. */
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
    Bodies.checkSize(body);
    String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    return new SuiteText(name, "yaml", text);
  }

  private static boolean isYaml(String contentType) {
    if (contentType == null) return false;
    MediaType type = MediaType.valueOf(contentType);
    String essence = type.getType() + "/" + type.getSubtype();
    return essence.equalsIgnoreCase(YAML) || essence.equalsIgnoreCase(X_YAML) || essence.equalsIgnoreCase(TEXT_YAML);
  }
}
