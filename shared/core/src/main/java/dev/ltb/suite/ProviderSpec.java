package dev.ltb.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * A provider as the suite declares it.
 *
 * @param id the provider id, {@code vendor:api:model} (e.g. {@code openai:chat:gpt-4o-mini}, {@code echo})
 * @param label what reports show; defaults to the id. Two providers with the same id need distinct labels.
 * @param config vendor options (temperature, apiBaseUrl, ...), read-only
 * @param limits the bench's own per-provider limits (concurrency, rate), never sent to the vendor
 */
public record ProviderSpec(String id, String label, JsonNode config, ProviderLimits limits) {

  public ProviderSpec {
    Objects.requireNonNull(id, "id");
    label = label == null || label.isBlank() ? id : label;
    config = config == null || config.isNull() ? JsonNodeFactory.instance.objectNode() : config;
    limits = limits == null ? ProviderLimits.NONE : limits;
  }

  public static ProviderSpec of(String id) {
    return new ProviderSpec(id, null, null, null);
  }

  public static ProviderSpec of(String id, JsonNode config) {
    return new ProviderSpec(id, null, config, null);
  }
}
