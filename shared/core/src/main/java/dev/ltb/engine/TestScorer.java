package dev.ltb.engine;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.suite.TestCase;

/** Judges one output against a test's assertions (the evaluator layer's AssertionRunner). */
@FunctionalInterface
public interface TestScorer {
  TestOutcome score(TestCase test, EvaluationContext context);
}
