package dev.ltb.evaluator.judge;

import dev.ltb.suite.Assertion;
import dev.ltb.suite.TestCase;
import java.util.List;

/**
 * An evaluator that asks a model: it says which model grades an assertion, so that every stored run
 * records its judges with their configuration and can be reproduced (DESIGN.md rule 14).
 */
public interface Graded {

  /** The models that grade this assertion of this test, as {@link Judges#describe} writes them. */
  List<String> graders(Assertion assertion, TestCase test);
}
