package dev.ltb.provider.mistral.internal;

import java.util.List;

/** The answer of {@code /v1/embeddings}: one vector per input, and the prompt tokens. */
public record MistralEmbeddingResponse(String model, List<Item> data, MistralChatCompletion.Usage usage) {

  public record Item(Integer index, float[] embedding) {}
}
