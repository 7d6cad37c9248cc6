package dev.ltb.evaluator.sql;

import static dev.ltb.evaluator.Reasons.quote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.suite.Assertion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The value of {@code is-sql} and {@code contains-sql}: {@code {databaseType, allowedTables,
 * allowedColumns}}, each optional. Allowed entries are regular expressions matched, ignoring case,
 * against whole authorities: {@code select::null::orders} for a table ({@code
 * action::schema::table}), {@code update::null::price} for a column ({@code
 * action::table::column}).
 *
 * @param allowedTables null when tables are not restricted
 * @param allowedColumns null when columns are not restricted
 */
record SqlOptions(SqlDialect dialect, List<Pattern> allowedTables, List<Pattern> allowedColumns) {

  static final SqlOptions DEFAULT = new SqlOptions(SqlDialect.DEFAULT, null, null);

  private static final Set<String> KEYS = Set.of("databaseType", "allowedTables", "allowedColumns");

  static SqlOptions fromValue(Assertion assertion) {
    JsonNode value = assertion.value();
    if (value == null || value.isNull() || value.isMissingNode()) return DEFAULT;
    if (value.isTextual() && value.textValue().isBlank()) return DEFAULT;
    if (!value.isObject())
      throw new EvaluationException(
          assertion.type()
              + " value must be an object like {databaseType: PostgreSQL, allowedTables: [...]},"
              + " got "
              + AssertionValues.describe(value));
    value
        .fieldNames()
        .forEachRemaining(
            key -> {
              if (!KEYS.contains(key))
                throw new EvaluationException(
                    assertion.type()
                        + " value has an unknown option "
                        + quote(key)
                        + "; known options: databaseType, allowedTables, allowedColumns");
            });
    return new SqlOptions(
        dialect(assertion, value.get("databaseType")),
        patterns(assertion, "allowedTables", value.get("allowedTables")),
        patterns(assertion, "allowedColumns", value.get("allowedColumns")));
  }

  /** The tables outside {@code allowedTables}, in the order they were used. */
  List<String> deniedTables(Collection<String> tables) {
    return denied(allowedTables, tables);
  }

  /** The columns outside {@code allowedColumns}, in the order they were used. */
  List<String> deniedColumns(Collection<String> columns) {
    return denied(allowedColumns, columns);
  }

  boolean restrictsAnything() {
    return allowedTables != null || allowedColumns != null;
  }

  private static List<String> denied(List<Pattern> allowed, Collection<String> used) {
    if (allowed == null) return List.of();
    return used.stream()
        .filter(authority -> allowed.stream().noneMatch(p -> p.matcher(authority).matches()))
        .toList();
  }

  private static SqlDialect dialect(Assertion assertion, JsonNode databaseType) {
    if (databaseType == null || databaseType.isNull()) return SqlDialect.DEFAULT;
    if (!databaseType.isTextual())
      throw new EvaluationException(
          assertion.type()
              + " databaseType must be a string, got "
              + AssertionValues.describe(databaseType));
    return SqlDialect.named(databaseType.textValue())
        .orElseThrow(
            () ->
                new EvaluationException(
                    assertion.type()
                        + " databaseType "
                        + quote(databaseType.textValue())
                        + " is not supported; use one of "
                        + SqlDialect.known()));
  }

  private static List<Pattern> patterns(Assertion assertion, String key, JsonNode list) {
    if (list == null || list.isNull()) return null;
    List<JsonNode> items = new ArrayList<>();
    if (list.isArray()) list.forEach(items::add);
    else items.add(list);
    List<Pattern> patterns = new ArrayList<>();
    for (JsonNode item : items) {
      if (!item.isTextual())
        throw new EvaluationException(
            assertion.type()
                + " "
                + key
                + " must be a list of strings, but an entry is "
                + AssertionValues.describe(item));
      try {
        patterns.add(Pattern.compile(item.textValue(), Pattern.CASE_INSENSITIVE));
      } catch (PatternSyntaxException e) {
        throw new EvaluationException(
            assertion.type()
                + " "
                + key
                + " entry "
                + quote(item.textValue())
                + " is not a valid regular expression: "
                + e.getDescription(),
            e);
      }
    }
    return List.copyOf(patterns);
  }
}
