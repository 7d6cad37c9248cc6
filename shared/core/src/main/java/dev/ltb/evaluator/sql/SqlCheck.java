package dev.ltb.evaluator.sql;

import static dev.ltb.evaluator.Reasons.quote;
import static dev.ltb.evaluator.Reasons.quoteAll;

import dev.ltb.evaluator.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.statement.Statements;

/** The check behind {@code is-sql} and {@code contains-sql}. */
final class SqlCheck {

  private SqlCheck() {}

  /**
   * Whether the text is SQL that parses, has no likely missing comma in a select list, and uses
   * only allowed tables and columns.
   *
   * @param subject what the reason calls the text ("output", "the SQL code block")
   */
  static EvaluationResult check(String sql, SqlOptions options, String subject) {
    String forDialect = " for " + options.dialect().displayName();
    if (sql.isBlank()) return EvaluationResult.of(false, subject + " is empty, not SQL");
    Statements statements;
    try {
      statements = SqlParsing.parse(sql, options.dialect());
    } catch (JSQLParserException e) {
      return EvaluationResult.of(
          false, subject + " is not valid SQL" + forDialect + ": " + SqlParsing.describe(e));
    }
    if (statements.isEmpty())
      return EvaluationResult.of(false, subject + " holds no SQL statement");

    SqlAuthorities.Found found = SqlAuthorities.of(statements);
    if (!found.missingCommas().isEmpty())
      return EvaluationResult.of(
          false,
          subject
              + " is not valid SQL"
              + forDialect
              + ": "
              + quote(found.missingCommas().getFirst())
              + " in a select list looks like a missing comma (write AS for an alias)");

    List<String> denied = new ArrayList<>();
    List<String> tables = options.deniedTables(found.tables());
    if (!tables.isEmpty()) denied.add("tables outside allowedTables " + quoteAll(tables));
    List<String> columns = options.deniedColumns(found.columns());
    if (!columns.isEmpty()) denied.add("columns outside allowedColumns " + quoteAll(columns));
    if (!denied.isEmpty())
      return EvaluationResult.of(
          false,
          subject + " is valid SQL" + forDialect + " but uses " + String.join(" and ", denied));
    return EvaluationResult.of(
        true,
        subject
            + " is valid SQL"
            + forDialect
            + (options.restrictsAnything() ? ", using only allowed tables and columns" : ""));
  }
}
