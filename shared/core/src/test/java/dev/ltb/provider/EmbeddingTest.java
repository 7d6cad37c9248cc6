package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddingTest {

  @Test
  void isAValueThatCannotBeChangedFromOutside() {
    float[] components = {0.5f, -0.25f};
    Embedding embedding = new Embedding(components, new TokenUsage(4, 0));
    components[0] = 9f;
    embedding.vector()[1] = 9f;

    assertThat(embedding).isEqualTo(new Embedding(new float[] {0.5f, -0.25f}, new TokenUsage(4, 0)));
    assertThat(embedding).hasSameHashCodeAs(new Embedding(new float[] {0.5f, -0.25f}, new TokenUsage(4, 0)));
    assertThat(embedding.toString())
        .isEqualTo("Embedding[dimensions=2, usage=TokenUsage[input=4, output=0, cached=0]]");
  }

  @Test
  void usageDefaultsToNoneAndAVectorIsNeverEmpty() {
    assertThat(new Embedding(new float[] {1f}, null).usage()).isEqualTo(TokenUsage.NONE);
    assertThatThrownBy(() -> new Embedding(new float[0], TokenUsage.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an embedding needs at least one component");
  }
}
