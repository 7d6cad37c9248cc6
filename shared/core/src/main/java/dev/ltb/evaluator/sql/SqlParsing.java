package dev.ltb.evaluator.sql;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statements;

/** Parsing SQL with JSqlParser, and saying in one line why a text is not SQL. */
final class SqlParsing {

  /**
   * JSqlParser parses on a worker thread so it can give up on pathological input after its time
   * limit. Without an executor of ours it starts a thread pool per call and may leave it running.
   */
  private static final ExecutorService PARSER_THREADS =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "ltb-sql-parser");
            thread.setDaemon(true);
            return thread;
          });

  private static final Pattern LEXICAL_ERROR =
      Pattern.compile("Lexical error at line (\\d+), column (\\d+)");

  private static final int EOF = 0;

  private SqlParsing() {}

  /** Every statement in the text, or none for a text of only semicolons and comments. */
  static Statements parse(String sql, SqlDialect dialect) throws JSQLParserException {
    Statements statements =
        CCJSqlParserUtil.parseStatements(sql, PARSER_THREADS, dialect.parserOptions());
    return statements == null ? new Statements() : statements;
  }

  /** Where and why parsing stopped: {@code unexpected "FROM" at line 1, column 13}. */
  static String describe(JSQLParserException e) {
    ParseException parse = parseException(e);
    if (parse != null && parse.currentToken != null && parse.currentToken.next != null) {
      Token token = parse.currentToken.next;
      String at = " at line " + token.beginLine + ", column " + token.beginColumn;
      return token.kind == EOF ? "it ends too early" : "unexpected \"" + token.image + "\"" + at;
    }
    String message = String.valueOf(e.getMessage());
    Matcher lexical = LEXICAL_ERROR.matcher(message);
    if (lexical.find())
      return "unreadable text (an unclosed quote?) at line "
          + lexical.group(1)
          + ", column "
          + lexical.group(2);
    return message.lines().findFirst().orElse(message).replaceFirst("^[\\w.]+Exception: ", "");
  }

  private static ParseException parseException(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause())
      if (cause instanceof ParseException parse) return parse;
    return null;
  }
}
