package dev.ltb.provider.gemini.internal;

import java.util.List;

/** The wire shapes of {@code POST models/{model}:embedContent}. */
public final class EmbedContent {

  private EmbedContent() {}

  /**
   * The request; null fields are left out.
   *
   * @param model {@code models/<model>}
   * @param taskType e.g. {@code SEMANTIC_SIMILARITY}
   * @param outputDimensionality a reduced vector size (newer models)
   */
  public record Request(
      String model, GenerateContentRequest.Content content, String taskType, Integer outputDimensionality) {

    public static Request of(String model, String text, String taskType, Integer outputDimensionality) {
      GenerateContentRequest.Content content =
          new GenerateContentRequest.Content(null, List.of(GenerateContentRequest.Part.text(text)));
      return new Request("models/" + model, content, taskType, outputDimensionality);
    }
  }

  /** The answer: {@code {"embedding": {"values": [...]}}}. */
  public record Response(Values embedding) {}

  public record Values(List<Float> values) {}
}
