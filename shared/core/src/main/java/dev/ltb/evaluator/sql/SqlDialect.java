package dev.ltb.evaluator.sql;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * The {@code databaseType}s promptfoo accepts. JSqlParser reads one broad SQL grammar; a dialect
 * switches on the lexical rules that would otherwise reject valid text: backslash escapes in
 * strings (MySQL, MariaDB, BigQuery, Hive) and square-bracket identifiers (Transact-SQL, SQLite).
 */
enum SqlDialect {
  ATHENA("Athena"),
  BIGQUERY("BigQuery", parser -> parser.withBackslashEscapeCharacter(true)),
  DB2("DB2"),
  FLINKSQL("FlinkSQL"),
  HIVE("Hive", parser -> parser.withBackslashEscapeCharacter(true)),
  MARIADB("MariaDB", parser -> parser.withBackslashEscapeCharacter(true)),
  MYSQL("MySQL", parser -> parser.withBackslashEscapeCharacter(true)),
  NOQL("Noql"),
  POSTGRESQL("PostgreSQL", "postgres"),
  REDSHIFT("Redshift"),
  SNOWFLAKE("Snowflake"),
  SQLITE("SQLite", parser -> parser.withSquareBracketQuotation(true)),
  TRANSACTSQL("TransactSQL", parser -> parser.withSquareBracketQuotation(true), "mssql", "tsql");

  /** promptfoo's default. */
  static final SqlDialect DEFAULT = MYSQL;

  private final String displayName;
  private final Consumer<CCJSqlParser> parserOptions;
  private final String[] aliases;

  SqlDialect(String displayName, String... aliases) {
    this(displayName, parser -> {}, aliases);
  }

  SqlDialect(String displayName, Consumer<CCJSqlParser> parserOptions, String... aliases) {
    this.displayName = displayName;
    this.parserOptions = parserOptions;
    this.aliases = aliases;
  }

  String displayName() {
    return displayName;
  }

  Consumer<CCJSqlParser> parserOptions() {
    return parserOptions;
  }

  /** The dialect a {@code databaseType} names, ignoring case. */
  static Optional<SqlDialect> named(String databaseType) {
    String wanted = databaseType.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(
            dialect ->
                dialect.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || Arrays.asList(dialect.aliases).contains(wanted))
        .findFirst();
  }

  static String known() {
    return Arrays.stream(values()).map(SqlDialect::displayName).collect(Collectors.joining(", "));
  }
}
