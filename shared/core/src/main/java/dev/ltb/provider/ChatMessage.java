package dev.ltb.provider;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One message of a conversation sent to a model. */
public record ChatMessage(Role role, List<ContentPart> content) {

  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT,
    TOOL;

    public static Role parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown chat role \"" + text + "\": use system, user, assistant or tool", e);
      }
    }

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    content = List.copyOf(content);
  }

  public static ChatMessage user(String text) {
    return new ChatMessage(Role.USER, List.of(new ContentPart.Text(text)));
  }

  public static ChatMessage system(String text) {
    return new ChatMessage(Role.SYSTEM, List.of(new ContentPart.Text(text)));
  }

  public static ChatMessage assistant(String text) {
    return new ChatMessage(Role.ASSISTANT, List.of(new ContentPart.Text(text)));
  }

  /** The text parts joined; images are left out. */
  public String text() {
    return content.stream()
        .filter(ContentPart.Text.class::isInstance)
        .map(part -> ((ContentPart.Text) part).text())
        .collect(Collectors.joining("\n"));
  }
}
