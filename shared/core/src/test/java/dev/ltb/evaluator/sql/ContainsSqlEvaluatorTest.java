package dev.ltb.evaluator.sql;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainsSqlEvaluatorTest {

  private static final String BLOCK_VALID = "the SQL code block is valid SQL for MySQL";

  private final ContainsSqlEvaluator evaluator = new ContainsSqlEvaluator();

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(
            "Here is the query:\n```sql\nSELECT `id` FROM `users`;\n```\nIt lists ids.",
            null,
            pass(BLOCK_VALID)),
        Arguments.of("```\nSELECT 1\n```", null, pass(BLOCK_VALID)),
        Arguments.of("Run ```SELECT 1``` now.", null, pass(BLOCK_VALID)),
        Arguments.of(
            "```postgresql\nSELECT name FROM users\n```",
            "{databaseType: PostgreSQL}",
            pass("the SQL code block is valid SQL for PostgreSQL")),
        Arguments.of(
            "```python\nprint('hi')\n```\nthen\n```sql\nDELETE FROM t WHERE id = 2\n```",
            null,
            pass(BLOCK_VALID)),
        Arguments.of("SELECT id FROM users", null, pass("output is valid SQL for MySQL")),
        Arguments.of(
            "```sql\nSELECT * FORM users\n```",
            null,
            fail(
                "the SQL code block is not valid SQL for MySQL: unexpected \"users\" at line 1,"
                    + " column 15")),
        Arguments.of(
            "I cannot write that query.",
            null,
            fail("output is not valid SQL for MySQL: unexpected \"I\" at line 1, column 1")),
        Arguments.of(
            "```sql\nSELECT salary FROM payroll\n```",
            "{allowedTables: ['select::null::users']}",
            fail(
                "the SQL code block is valid SQL for MySQL but uses tables outside allowedTables"
                    + " [\"select::null::payroll\"]")));
  }

  @ParameterizedTest
  @MethodSource("results")
  void checksTheSqlCodeBlockOrElseTheWholeOutput(
      String output, String value, EvaluationResult expected) {
    assertThat(
            evaluator.evaluate(
                assertion("contains-sql", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }
}
