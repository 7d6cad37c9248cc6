package dev.ltb.cdk.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of a root type ({@code Query}, {@code Mutation}, {@code Subscription}) of the committed GraphQL
 * schema, read from its text, so that the CDK attaches a resolver to every field the schema declares (the
 * functions module's SchemaTest checks the same file against the resolver registry with graphql-java). Reads
 * the SDL as {@code docs/api/schema.graphql} writes it: one field per line at two spaces' indentation, its
 * arguments on that line, descriptions in quotes.
 */
public final class SchemaFields {

  private static final Pattern FIELD = Pattern.compile("^  ([_A-Za-z][_0-9A-Za-z]*)\\s*[(:]");

  private SchemaFields() {}

  public static List<String> of(String schema, String typeName) {
    Matcher start = Pattern.compile("(?m)^type " + typeName + "\\s*\\{").matcher(schema);
    if (!start.find()) throw new IllegalStateException("the GraphQL schema has no type " + typeName);
    int end = schema.indexOf("\n}", start.end());
    if (end < 0) throw new IllegalStateException("type " + typeName + " of the GraphQL schema is not closed");
    List<String> fields = new ArrayList<>();
    boolean inBlockString = false;
    for (String line : schema.substring(start.end(), end).split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("\"\"\"") || (inBlockString && trimmed.endsWith("\"\"\""))) {
        boolean oneLine = trimmed.length() >= 6 && trimmed.startsWith("\"\"\"") && trimmed.endsWith("\"\"\"");
        if (!oneLine) inBlockString = !inBlockString;
        continue;
      }
      if (inBlockString) continue;
      Matcher field = FIELD.matcher(line);
      if (field.find()) fields.add(field.group(1));
    }
    if (fields.isEmpty()) throw new IllegalStateException("type " + typeName + " of the GraphQL schema has no fields");
    return List.copyOf(fields);
  }
}
