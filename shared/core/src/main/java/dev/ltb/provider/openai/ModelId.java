package dev.ltb.provider.openai;

import dev.ltb.provider.ProviderConfigException;

/**
 * The parts of an id {@code <prefix>:<api>:<model>}; the api may be left out ({@code openai:gpt-4o-mini} is
 * a chat model).
 *
 * @param api the second segment as written, or {@code chat} when the id has none
 * @param model everything after the api (models may contain colons, e.g. {@code llama3.2:3b})
 */
record ModelId(String api, String model) {

  /** APIs an id may name; anything else in second place is part of a chat model's name. */
  private static final java.util.Set<String> APIS =
      java.util.Set.of(
          "chat", "responses", "embedding", "embeddings", "completion", "assistant", "image", "realtime",
          "moderation");

  static ModelId parse(String id, String prefix) {
    String rest = id.length() > prefix.length() ? id.substring(prefix.length() + 1) : "";
    int colon = rest.indexOf(':');
    String first = colon < 0 ? rest : rest.substring(0, colon);
    if (!APIS.contains(first)) return new ModelId("chat", rest);
    return new ModelId(first, colon < 0 ? "" : rest.substring(colon + 1));
  }

  boolean isEmbedding() {
    return api.equals("embedding") || api.equals("embeddings");
  }

  /** The model, or a message that shows how to write the id. */
  String requireModel(String id, String format, String example) {
    if (model.isBlank())
      throw new ProviderConfigException(
          "provider " + id + ": no model; write the id as " + format + ", e.g. " + example);
    return model;
  }
}
