package dev.ltb.suite.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldPathTest {

  @Test
  void displaysPathsTheWayTheyAreWritten() {
    FieldPath type = FieldPath.ROOT.key("tests").index(3).key("assert").index(0).key("type");

    assertThat(type.display()).isEqualTo("tests[3].assert[0].type");
    assertThat(FieldPath.ROOT.key("tests").index(0).key("vars").key("a.b c").display())
        .isEqualTo("tests[0].vars[\"a.b c\"]");
    assertThat(FieldPath.ROOT.index(2).key("vars").display()).isEqualTo("[2].vars");
    assertThat(type.startsWith(FieldPath.ROOT.key("tests").index(3))).isTrue();
    assertThat(type.startsWith(FieldPath.ROOT.key("tests").index(2))).isFalse();
  }
}
