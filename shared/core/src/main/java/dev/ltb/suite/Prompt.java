package dev.ltb.suite;

import java.util.Objects;

/**
 * A prompt template. The template is either plain text or a JSON array of chat messages
 * ({@code [{"role": "system", "content": "..."}, ...]}); both may use {@code {{var}}} placeholders.
 *
 * @param id stable identifier within the suite ("p0", "p1", or the user's id)
 * @param label what reports show (defaults to the start of the template or the file name)
 * @param template the raw template text
 */
public record Prompt(String id, String label, String template) {

  public Prompt {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(template, "template");
    label = label == null || label.isBlank() ? abbreviate(template) : label;
  }

  private static String abbreviate(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
  }
}
