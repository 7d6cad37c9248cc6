package dev.ltb.provider.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.provider.ChatMessage;
import dev.ltb.provider.ContentPart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a call's identity: the provider id, its config from the suite and the conversation sent.
 * The identity is canonical JSON (object keys sorted, the format versioned), so the same call always gets
 * the same key. Config entries that hold secrets are left out: rotating an API key keeps the cache, and no
 * key is ever hashed or stored.
 *
 * @param providerId the provider the call was made to (kept beside the answer, for people browsing a cache)
 * @param sha256 64 lower-case hex digits
 */
public record CacheKey(String providerId, String sha256) {

  /** Bumped when the identity's shape changes, so old entries are simply never found again. */
  private static final int FORMAT = 1;

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /**
   * Config keys (at any depth, header names included) whose values are credentials. Deliberately narrow:
   * {@code max_tokens} and friends must stay in the key.
   */
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*api[-_]?key.*|auth|authorization|proxy-authorization|cookie"
              + "|.*secret.*|.*password.*|.*credential.*"
              + "|.*(access|session|bearer|auth|ad|id|refresh)[-_]?token.*");

  public CacheKey {
    Objects.requireNonNull(providerId, "providerId");
    if (sha256 == null || !HEX.matcher(sha256).matches())
      throw new IllegalArgumentException("a cache key is 64 lower-case hex digits, was " + sha256);
  }

  public static CacheKey of(String providerId, JsonNode config, List<ChatMessage> messages) {
    ObjectNode identity = JsonNodeFactory.instance.objectNode();
    identity.put("format", FORMAT);
    identity.put("provider", providerId);
    identity.set("config", canonical(withoutSecrets(config)));
    ArrayNode conversation = identity.putArray("messages");
    messages.forEach(message -> conversation.add(message(message)));
    try {
      byte[] json = Json.mapper().writeValueAsBytes(identity);
      return new CacheKey(providerId, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot compute a cache key: " + e.getMessage(), e);
    }
  }

  /** The config without credentials, e.g. {@code apiKey} or an {@code Authorization} header. */
  static JsonNode withoutSecrets(JsonNode config) {
    if (config == null || config.isNull() || config.isMissingNode()) return JsonNodeFactory.instance.objectNode();
    if (config.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      config.forEach(element -> copy.add(withoutSecrets(element)));
      return copy;
    }
    if (!config.isObject()) return config;
    ObjectNode copy = JsonNodeFactory.instance.objectNode();
    config.properties().forEach(
        field -> {
          if (!SECRET_NAME.matcher(field.getKey()).matches())
            copy.set(field.getKey(), withoutSecrets(field.getValue()));
        });
    return copy;
  }

  private static JsonNode canonical(JsonNode node) {
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(canonical(element)));
      return copy;
    }
    if (!node.isObject()) return node;
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    Collections.sort(names);
    ObjectNode sorted = JsonNodeFactory.instance.objectNode();
    names.forEach(name -> sorted.set(name, canonical(node.get(name))));
    return sorted;
  }

  private static ObjectNode message(ChatMessage message) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("role", message.role().wireName());
    ArrayNode parts = json.putArray("content");
    for (ContentPart part : message.content()) {
      switch (part) {
        case ContentPart.Text text -> parts.addObject().put("type", "text").put("text", text.text());
        case ContentPart.Image image -> {
          ObjectNode entry = parts.addObject().put("type", "image");
          if (image.url() != null) entry.put("url", image.url());
          else entry.put("mediaType", image.mediaType()).put("sha256", sha256(image.base64Data()));
        }
      }
    }
    return json;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
