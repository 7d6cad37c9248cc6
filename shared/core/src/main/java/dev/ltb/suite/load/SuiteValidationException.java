package dev.ltb.suite.load;

import java.util.List;

/**
 * A suite that cannot run. Carries every problem found (not just the first), each with file, line, column
 * and field; the message lists them one per line in the {@code file:line:column: field: message} format.
 */
public class SuiteValidationException extends RuntimeException {

  private final transient List<SuiteProblem> problems;

  public SuiteValidationException(List<SuiteProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) throw new IllegalArgumentException("a validation failure needs at least one problem");
    this.problems = List.copyOf(problems);
  }

  public List<SuiteProblem> problems() {
    return problems;
  }

  private static String describe(List<SuiteProblem> problems) {
    StringBuilder text = new StringBuilder();
    for (SuiteProblem problem : problems) {
      if (!text.isEmpty()) text.append('\n');
      text.append(problem.format());
    }
    return text.toString();
  }
}
