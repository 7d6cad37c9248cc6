package dev.ltb.evaluator.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimilarityMetricTest {

  private static final float[] A = {3, 4, 0};
  private static final float[] B = {4, 3, 0};
  private static final float[] C = {0, 0, 5};

  @ParameterizedTest
  @CsvSource({"COSINE, 0.96, 0", "DOT, 24, 0", "EUCLIDEAN, 1.4142135623730951, 7.0710678118654755"})
  void measuresTwoVectors(SimilarityMetric metric, double ab, double ac) {
    assertThat(metric.between(A, B)).isCloseTo(ab, offset(1e-12));
    assertThat(metric.between(A, C)).isCloseTo(ac, offset(1e-12));
  }

  @Test
  void similaritiesNeedAMinimumAndDistancesAMaximum() {
    assertThat(SimilarityMetric.COSINE.passes(0.75, 0.75)).isTrue();
    assertThat(SimilarityMetric.COSINE.passes(0.74, 0.75)).isFalse();
    assertThat(SimilarityMetric.EUCLIDEAN.passes(0.75, 0.75)).isTrue();
    assertThat(SimilarityMetric.EUCLIDEAN.passes(0.76, 0.75)).isFalse();
  }

  @Test
  void turnsMeasuresIntoScoresWithinZeroAndOne() {
    assertThat(SimilarityMetric.COSINE.score(-0.2)).isZero();
    assertThat(SimilarityMetric.DOT.score(24)).isEqualTo(1);
    assertThat(SimilarityMetric.EUCLIDEAN.score(0)).isEqualTo(1);
    assertThat(SimilarityMetric.EUCLIDEAN.score(3)).isEqualTo(0.25);
  }

  @Test
  void knowsItsNamesIncludingPromptfoosDotProduct() {
    assertThat(SimilarityMetric.byId("dot_product")).contains(SimilarityMetric.DOT);
    assertThat(SimilarityMetric.byId(" Euclidean ")).contains(SimilarityMetric.EUCLIDEAN);
    assertThat(SimilarityMetric.byId("manhattan")).isEmpty();
    assertThat(SimilarityMetric.COSINE.between(new float[3], A)).isZero();
    assertThatThrownBy(() -> SimilarityMetric.COSINE.between(A, new float[2]))
        .hasMessage("embeddings of different lengths: 3 and 2");
  }
}
