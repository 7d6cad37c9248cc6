package dev.ltb.evaluator.sql;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;

/**
 * {@code is-sql}: the whole output is SQL that JSqlParser parses (one or more statements), with no
 * select item like {@code a b} that is likely a missing comma, touching only the tables and columns
 * the value allows.
 */
public final class IsSqlEvaluator implements Evaluator {

  static final String VALUE =
      "optional: {databaseType, allowedTables, allowedColumns} (database type defaults to MySQL)";

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "is-sql",
          "1",
          "output is valid SQL, optionally touching only allowed tables and columns",
          VALUE,
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    return SqlCheck.check(context.output(), SqlOptions.fromValue(assertion), "output");
  }
}
