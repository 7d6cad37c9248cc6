package dev.ltb.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmbeddingTest {

  @Test
  void isAValueThatItsCallersCannotChange() {
    float[] vector = {0.5f, -0.25f};
    Embedding embedding = new Embedding(vector, new TokenUsage(3, 0));
    vector[0] = 9f;
    embedding.vector()[1] = 9f;

    assertThat(embedding.vector()).containsExactly(0.5f, -0.25f);
    assertThat(embedding).isEqualTo(new Embedding(new float[] {0.5f, -0.25f}, new TokenUsage(3, 0)));
    assertThat(embedding.dimensions()).isEqualTo(2);
    assertThat(embedding).hasToString("Embedding[dimensions=2, usage=TokenUsage[input=3, output=0, cached=0]]");
  }

  @Test
  void needsAtLeastOneDimension() {
    assertThatThrownBy(() -> new Embedding(new float[0], null)).hasMessage("an embedding needs at least one dimension");
  }
}
