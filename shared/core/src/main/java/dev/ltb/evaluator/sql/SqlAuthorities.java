package dev.ltb.evaluator.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * What parsed SQL touches, written as node-sql-parser's authorities so promptfoo's allow-lists work
 * unchanged: tables as {@code action::schema::table} and columns as {@code action::table::column},
 * where the action is {@code select}, {@code insert}, {@code update} or {@code delete}, an unknown
 * schema or table is {@code null}, table aliases are resolved, and {@code (.*)} stands for all
 * columns ({@code SELECT *}, {@code DELETE}, {@code INSERT} without a column list). Also notes
 * select items like {@code a b}, which are more likely a missing comma than an alias.
 */
final class SqlAuthorities extends TablesNamesFinder<Void> {

  private static final String ALL_COLUMNS = "(.*)";

  /**
   * @param tables table authorities in the order they were met
   * @param columns column authorities in the order they were met
   * @param missingCommas select items such as {@code name email}
   */
  record Found(Set<String> tables, Set<String> columns, List<String> missingCommas) {}

  private record TableUse(String action, Table table) {}

  private record ColumnUse(String action, String table, String column) {}

  private final List<TableUse> tableUses = new ArrayList<>();
  private final List<ColumnUse> columnUses = new ArrayList<>();
  private final Map<Table, String> targetActions = new IdentityHashMap<>();
  private final Set<Column> targetColumns = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, String> tablesByAlias = new HashMap<>();
  private final List<String> missingCommas = new ArrayList<>();

  private SqlAuthorities() {}

  static Found of(Statements statements) {
    Set<String> tables = new LinkedHashSet<>();
    Set<String> columns = new LinkedHashSet<>();
    List<String> missingCommas = new ArrayList<>();
    for (Statement statement : statements) {
      SqlAuthorities finder = new SqlAuthorities();
      // The finder's own result leaves out WITH names, which are no tables.
      Set<String> realTables = finder.getTables(statement);
      for (TableUse use : finder.tableUses)
        if (realTables.contains(finder.extractTableName(use.table())))
          tables.add(
              use.action() + "::" + schema(use.table()) + "::" + use.table().getUnquotedName());
      for (ColumnUse use : finder.columnUses)
        columns.add(use.action() + "::" + finder.resolve(use.table()) + "::" + use.column());
      missingCommas.addAll(finder.missingCommas);
    }
    return new Found(tables, columns, missingCommas);
  }

  @Override
  public <S> Void visit(Table table, S context) {
    tableUses.add(new TableUse(targetActions.getOrDefault(table, "select"), table));
    Alias alias = table.getAlias();
    if (alias != null && table.getName() != null)
      tablesByAlias.put(key(unquote(alias.getName())), table.getUnquotedName());
    return super.visit(table, context);
  }

  @Override
  public <S> Void visit(Column column, S context) {
    if (!targetColumns.contains(column))
      columnUses.add(new ColumnUse("select", tableOf(column), column.getUnquotedColumnName()));
    return super.visit(column, context);
  }

  @Override
  public <S> Void visit(AllColumns allColumns, S context) {
    columnUses.add(new ColumnUse("select", null, ALL_COLUMNS));
    return super.visit(allColumns, context);
  }

  @Override
  public <S> Void visit(AllTableColumns allTableColumns, S context) {
    Table table = allTableColumns.getTable();
    columnUses.add(
        new ColumnUse("select", table == null ? null : table.getUnquotedName(), ALL_COLUMNS));
    return super.visit(allTableColumns, context);
  }

  @Override
  public <S> Void visit(PlainSelect select, S context) {
    for (SelectItem<?> item : select.getSelectItems()) {
      Alias alias = item.getAlias();
      if (item.getExpression() instanceof Column column && alias != null && !alias.isUseAs())
        missingCommas.add(column + " " + alias.getName());
    }
    return super.visit(select, context);
  }

  @Override
  public <S> Void visit(Update update, S context) {
    targetActions.put(update.getTable(), "update");
    for (UpdateSet set : update.getUpdateSets())
      for (Column column : set.getColumns()) {
        targetColumns.add(column);
        columnUses.add(new ColumnUse("update", tableOf(column), column.getUnquotedColumnName()));
      }
    return super.visit(update, context);
  }

  @Override
  public <S> Void visit(Insert insert, S context) {
    Table table = insert.getTable();
    targetActions.put(table, "insert");
    if (insert.getColumns() == null || insert.getColumns().isEmpty()) {
      columnUses.add(new ColumnUse("insert", table.getUnquotedName(), ALL_COLUMNS));
    } else {
      for (Column column : insert.getColumns()) {
        targetColumns.add(column);
        columnUses.add(
            new ColumnUse("insert", table.getUnquotedName(), column.getUnquotedColumnName()));
      }
    }
    return super.visit(insert, context);
  }

  @Override
  public <S> Void visit(Delete delete, S context) {
    List<Table> targets = new ArrayList<>();
    if (delete.getTables() != null) targets.addAll(delete.getTables());
    if (targets.isEmpty() && delete.getTable() != null) targets.add(delete.getTable());
    for (Table table : targets) {
      targetActions.put(table, "delete");
      columnUses.add(new ColumnUse("delete", table.getUnquotedName(), ALL_COLUMNS));
    }
    return super.visit(delete, context);
  }

  private static String tableOf(Column column) {
    Table table = column.getTable();
    return table == null || table.getName() == null ? null : table.getUnquotedName();
  }

  private String resolve(String tableOrAlias) {
    if (tableOrAlias == null) return "null";
    return tablesByAlias.getOrDefault(key(tableOrAlias), tableOrAlias);
  }

  private static String schema(Table table) {
    String schema = table.getUnquotedSchemaName();
    return schema == null || schema.isEmpty() ? "null" : schema;
  }

  private static String unquote(String name) {
    return new Table(name).getUnquotedName();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
