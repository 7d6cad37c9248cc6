package dev.ltb.evaluator.sql;

import static dev.ltb.evaluator.EvaluatorTestSupport.assertion;
import static dev.ltb.evaluator.EvaluatorTestSupport.fail;
import static dev.ltb.evaluator.EvaluatorTestSupport.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IsSqlEvaluatorTest {

  private static final String VALID_MYSQL = "output is valid SQL for MySQL";
  private static final String INVALID_MYSQL = "output is not valid SQL for MySQL: ";
  private static final String ALLOWED = ", using only allowed tables and columns";

  private final IsSqlEvaluator evaluator = new IsSqlEvaluator();

  static Stream<Arguments> syntax() {
    return Stream.of(
        Arguments.of("SELECT id, name FROM users WHERE id = 1;", null, pass(VALID_MYSQL)),
        Arguments.of("SELECT `id` FROM `users`", null, pass(VALID_MYSQL)),
        Arguments.of("SELECT 'It\\'s' AS quote FROM t", null, pass(VALID_MYSQL)),
        Arguments.of(
            "SELECT * FROM users;\nDELETE FROM sessions WHERE expired = 1;",
            null,
            pass(VALID_MYSQL)),
        Arguments.of(
            "WITH recent AS (SELECT * FROM orders) SELECT COUNT(*) total FROM recent",
            null,
            pass(VALID_MYSQL)),
        Arguments.of("", null, fail("output is empty, not SQL")),
        Arguments.of(" ;\n", null, fail(INVALID_MYSQL + "it ends too early")),
        Arguments.of(
            "hello world", null, fail(INVALID_MYSQL + "unexpected \"hello\" at line 1, column 1")),
        Arguments.of(
            "SELECT * FORM users",
            null,
            fail(INVALID_MYSQL + "unexpected \"users\" at line 1, column 15")),
        Arguments.of(
            "SELECT id FROM users WHERE",
            null,
            fail(INVALID_MYSQL + "unexpected \"WHERE\" at line 1, column 22")),
        Arguments.of(
            "SELECT name email FROM users",
            null,
            fail(
                INVALID_MYSQL
                    + "\"name email\" in a select list looks like a missing comma (write AS for an"
                    + " alias)")),
        Arguments.of(
            "SELECT DISTINCT u.name email FROM users u",
            null,
            fail(
                INVALID_MYSQL
                    + "\"u.name email\" in a select list looks like a missing comma (write AS for"
                    + " an alias)")),
        Arguments.of("SELECT name AS email FROM users", null, pass(VALID_MYSQL)),
        Arguments.of(
            "SELECT [id] FROM [users]",
            "{databaseType: TransactSQL}",
            pass("output is valid SQL for TransactSQL")),
        Arguments.of(
            "SELECT 'unclosed FROM t",
            "{databaseType: postgres}",
            fail(
                "output is not valid SQL for PostgreSQL: unreadable text (an unclosed quote?) at"
                    + " line 1, column 24")));
  }

  static Stream<Arguments> allowLists() {
    return Stream.of(
        Arguments.of(
            "SELECT name FROM departments",
            "{allowedTables: ['(select|update|insert|delete)::null::departments']}",
            pass(VALID_MYSQL + ALLOWED)),
        Arguments.of(
            "SELECT d.name FROM departments d JOIN salaries s ON s.dept = d.id",
            "{allowedTables: ['select::null::departments']}",
            fail(
                "output is valid SQL for MySQL but uses tables outside allowedTables"
                    + " [\"select::null::salaries\"]")),
        Arguments.of(
            "SELECT name FROM hr.departments",
            "{allowedTables: ['select::hr::.*']}",
            pass(VALID_MYSQL + ALLOWED)),
        Arguments.of(
            "UPDATE a SET id = 1 WHERE name IN (SELECT name FROM b)",
            "{allowedColumns: ['select::null::name', 'update::null::id']}",
            pass(VALID_MYSQL + ALLOWED)),
        Arguments.of(
            "UPDATE a SET id = 1 WHERE name IN (SELECT name FROM b)",
            "{allowedTables: ['update::null::a']}",
            fail(
                "output is valid SQL for MySQL but uses tables outside allowedTables"
                    + " [\"select::null::b\"]")),
        Arguments.of(
            "SELECT * FROM users",
            "{allowedColumns: ['select::null::name']}",
            fail(
                "output is valid SQL for MySQL but uses columns outside allowedColumns"
                    + " [\"select::null::(.*)\"]")),
        Arguments.of(
            "SELECT u.name, u.password FROM users u",
            "{allowedTables: ['select::null::users'], allowedColumns: ['select::users::name']}",
            fail(
                "output is valid SQL for MySQL but uses columns outside allowedColumns"
                    + " [\"select::users::password\"]")),
        Arguments.of(
            "SELECT o.* FROM orders o",
            "{allowedColumns: ['select::orders::\\(\\.\\*\\)']}",
            pass(VALID_MYSQL + ALLOWED)),
        Arguments.of(
            "SELECT * FROM orders",
            "{allowedColumns: ['select::null::\\(\\.\\*\\)']}",
            pass(VALID_MYSQL + ALLOWED)),
        Arguments.of(
            "SELECT total FROM orders",
            "{allowedColumns: ['select::null::\\(\\.\\*\\)']}",
            fail(
                "output is valid SQL for MySQL but uses columns outside allowedColumns"
                    + " [\"select::null::total\"]")),
        Arguments.of(
            "INSERT INTO logs VALUES (1, 'x')",
            "{allowedTables: ['insert::null::logs'], allowedColumns: ['insert::logs::(.*)']}",
            pass(VALID_MYSQL + ALLOWED)),
        Arguments.of(
            "INSERT INTO logs (id, msg) VALUES (1, 'x')",
            "{allowedColumns: ['insert::logs::id']}",
            fail(
                "output is valid SQL for MySQL but uses columns outside allowedColumns"
                    + " [\"insert::logs::msg\"]")),
        Arguments.of(
            "DELETE FROM users WHERE id = 1",
            "{allowedTables: ['select::null::users'], allowedColumns: ['select::null::id']}",
            fail(
                "output is valid SQL for MySQL but uses tables outside allowedTables"
                    + " [\"delete::null::users\"] and columns outside allowedColumns"
                    + " [\"delete::users::(.*)\"]")),
        Arguments.of(
            "WITH recent AS (SELECT * FROM orders) SELECT id FROM recent",
            "{allowedTables: ['select::null::orders']}",
            pass(VALID_MYSQL + ALLOWED)));
  }

  @ParameterizedTest
  @MethodSource({"syntax", "allowLists"})
  void judgesTheWholeOutputAsSql(String output, String value, EvaluationResult expected) {
    assertThat(evaluator.evaluate(assertion("is-sql", value), EvaluationContext.ofOutput(output)))
        .isEqualTo(expected);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of(
            "MySQL",
            "is-sql value must be an object like {databaseType: PostgreSQL, allowedTables: [...]},"
                + " got \"MySQL\""),
        Arguments.of(
            "{databaseType: Oracle}",
            "is-sql databaseType \"Oracle\" is not supported; use one of Athena, BigQuery, DB2,"
                + " FlinkSQL, Hive, MariaDB, MySQL, Noql, PostgreSQL, Redshift, Snowflake, SQLite,"
                + " TransactSQL"),
        Arguments.of(
            "{allowedTable: [x]}",
            "is-sql value has an unknown option \"allowedTable\"; known options: databaseType,"
                + " allowedTables, allowedColumns"),
        Arguments.of(
            "{allowedColumns: [1]}",
            "is-sql allowedColumns must be a list of strings, but an entry is 1"),
        Arguments.of(
            "{allowedTables: ['select::null::(']}",
            "is-sql allowedTables entry \"select::null::(\" is not a valid regular expression:"
                + " Unclosed group"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void rejectsValuesItCannotUse(String value, String message) {
    assertThatThrownBy(
            () ->
                evaluator.evaluate(
                    assertion("is-sql", value), EvaluationContext.ofOutput("SELECT 1")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage(message);
  }
}
