package dev.ltb.evaluator.derived;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.operators.AbstractOperator;
import com.ezylang.evalex.operators.InfixOperator;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.Token;

/**
 * The conditional {@code c ? a : b} that promptfoo's derived metrics (mathjs) use to guard
 * divisions, as two EvalEx operators: {@code :} binds tighter and pairs the branches, {@code ?}
 * evaluates the condition and then only the branch it picks, so {@code tp + fp > 0 ? tp / (tp + fp)
 * : 0} never divides by zero. Both rank below every built-in operator; nest conditionals in
 * parentheses ({@code a ? b : (c ? d : e)}).
 */
final class ConditionalOperators {

  static final String CONDITION = "?";
  static final String BRANCHES = ":";

  private ConditionalOperators() {}

  @InfixOperator(precedence = 1, operandsLazy = true)
  static final class Condition extends AbstractOperator {

    @Override
    public EvaluationValue evaluate(
        Expression expression, Token operator, EvaluationValue... operands)
        throws EvaluationException {
      ASTNode branches = operands[1].getExpressionNode();
      if (!BRANCHES.equals(branches.getToken().getValue()))
        throw new EvaluationException(
            operator, "\"?\" needs two branches: condition ? then : else");
      boolean condition =
          expression.evaluateSubtree(operands[0].getExpressionNode()).getBooleanValue();
      return expression.evaluateSubtree(branches.getParameters().get(condition ? 0 : 1));
    }
  }

  @InfixOperator(precedence = 2, operandsLazy = true)
  static final class Branches extends AbstractOperator {

    @Override
    public EvaluationValue evaluate(
        Expression expression, Token operator, EvaluationValue... operands)
        throws EvaluationException {
      throw new EvaluationException(
          operator, "\":\" without a \"?\" before it: write condition ? then : else");
    }
  }
}
