package dev.ltb.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

  @Test
  void adjustsTheTextbookExample() {
    // Wikipedia "Holm–Bonferroni method", example: p = 0.01, 0.04, 0.03, 0.005 at alpha 0.05 rejects H4 and H1
    // only. Adjusted (R p.adjust(..., "holm")): 0.03, 0.06, 0.06, 0.02.
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
    assertThat(adjusted).containsExactly(new double[] {0.03, 0.06, 0.06, 0.02}, within(1e-12));
  }

  @Test
  void capsAtOneAndKeepsTheOrderMonotone() {
    // sorted 0.02, 0.3, 0.5 → ×3, ×2, ×1 = 0.06, 0.6, 0.5 → monotone 0.06, 0.6, 0.6
    assertThat(Holm.adjust(new double[] {0.5, 0.02, 0.3}))
        .containsExactly(new double[] {0.6, 0.06, 0.6}, within(1e-12));
    assertThat(Holm.adjust(new double[] {0.7, 0.9})).containsExactly(1.0, 1.0);
    assertThat(Holm.adjust(new double[0])).isEmpty();
  }
}
