package dev.ltb.evaluator;

import dev.ltb.suite.Assertion;

/**
 * Scores one assertion against one output. Evaluators are pure and thread-safe; negation ({@code not-}),
 * weights, named metrics and test thresholds are applied once by {@link AssertionRunner}.
 */
public interface Evaluator {

  EvaluatorDescriptor descriptor();

  /**
   * Evaluates the assertion. The result's reason states what was observed ("output contains "Paris"")
   * so that it stays true when the engine negates the verdict.
   *
   * @throws EvaluationException when the assertion cannot be evaluated (e.g. a bad regex): the assertion
   *     fails with that message and the run goes on
   */
  EvaluationResult evaluate(Assertion assertion, EvaluationContext context);
}
