package dev.ltb.evaluator.sql;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code contains-sql}: like {@code is-sql}, applied to the output's SQL code block when it has one
 * (the first fenced block tagged with a SQL language, such as {@code sql} or {@code postgresql}, or
 * untagged), else to the whole output.
 */
public final class ContainsSqlEvaluator implements Evaluator {

  private static final Pattern FENCE = Pattern.compile("```(.*?)```", Pattern.DOTALL);

  /** A fence's info string naming its language, as in {@code ```postgresql}. */
  private static final Pattern LANGUAGE = Pattern.compile("[\\w+-]*");

  private static final EvaluatorDescriptor DESCRIPTOR =
      new EvaluatorDescriptor(
          "contains-sql",
          "1",
          "output is valid SQL or holds a SQL code block that is",
          IsSqlEvaluator.VALUE,
          false,
          null,
          false);

  @Override
  public EvaluatorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    SqlOptions options = SqlOptions.fromValue(assertion);
    Matcher fence = FENCE.matcher(context.output());
    while (fence.find()) {
      String code = sqlCode(fence.group(1));
      if (code != null) return SqlCheck.check(code, options, "the SQL code block");
    }
    return SqlCheck.check(context.output(), options, "output");
  }

  /** The code of a fenced block, or null when its language is not SQL. */
  private static String sqlCode(String block) {
    int newline = block.indexOf('\n');
    if (newline < 0) return block.strip().replaceFirst("(?i)^sql\\s+", "");
    String info = block.substring(0, newline).strip().toLowerCase(Locale.ROOT);
    String code = block.substring(newline + 1).strip();
    if (info.isEmpty()) return code;
    if (!LANGUAGE.matcher(info).matches()) return block.strip();
    return info.contains("sql") ? code : null;
  }
}
