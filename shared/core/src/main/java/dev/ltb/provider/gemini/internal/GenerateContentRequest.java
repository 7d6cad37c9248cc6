package dev.ltb.provider.gemini.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The body of {@code models/{model}:generateContent} and {@code :streamGenerateContent}; nulls left out. */
public record GenerateContentRequest(
    List<Content> contents,
    Content systemInstruction,
    JsonNode generationConfig,
    JsonNode tools,
    JsonNode toolConfig,
    JsonNode safetySettings) {

  /** A turn: {@code role} is {@code user} or {@code model} (none for the system instruction). */
  public record Content(String role, List<Part> parts) {}

  /** One part: text, an inline image ({@code inlineData}) or an image by URI ({@code fileData}). */
  public record Part(String text, Blob inlineData, FileData fileData) {
    public static Part text(String text) {
      return new Part(text, null, null);
    }
  }

  /** Inline bytes, base64-encoded. */
  public record Blob(String mimeType, String data) {}

  /** Data by URI (a Files API URI, or a URL the API fetches); the MIME type may be left out. */
  public record FileData(String mimeType, String fileUri) {}
}
