package dev.ltb.provider;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One message of a conversation sent to a model.
 *
 * @param role who speaks
 * @param content text and image parts
 * @param toolCalls for an assistant turn, the tools the model called (so a conversation can replay them)
 * @param toolCallId for a {@link Role#TOOL} message, the id of the tool call whose result it carries
 */
public record ChatMessage(Role role, List<ContentPart> content, List<ToolCall> toolCalls, String toolCallId) {

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
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    if (!toolCalls.isEmpty() && role != Role.ASSISTANT)
      throw new IllegalArgumentException("only an assistant message carries tool calls, not a " + role.wireName() + " one");
  }

  /** A message without tool calls. */
  public ChatMessage(Role role, List<ContentPart> content) {
    this(role, content, List.of(), null);
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

  /** An assistant turn that called tools (its text may be empty). */
  public static ChatMessage assistant(String text, List<ToolCall> toolCalls) {
    List<ContentPart> content = text == null || text.isEmpty() ? List.of() : List.of(new ContentPart.Text(text));
    return new ChatMessage(Role.ASSISTANT, content, toolCalls, null);
  }

  /** The result of the tool call {@code toolCallId}, as text (often JSON). */
  public static ChatMessage toolResult(String toolCallId, String result) {
    Objects.requireNonNull(toolCallId, "toolCallId");
    return new ChatMessage(Role.TOOL, List.of(new ContentPart.Text(result)), List.of(), toolCallId);
  }

  /** The text parts joined; images are left out. */
  public String text() {
    return content.stream()
        .filter(ContentPart.Text.class::isInstance)
        .map(part -> ((ContentPart.Text) part).text())
        .collect(Collectors.joining("\n"));
  }
}
