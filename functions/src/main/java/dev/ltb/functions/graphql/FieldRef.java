package dev.ltb.functions.graphql;

import java.util.Objects;

/** A schema field: {@code Query.run}, {@code Run.summary}. */
public record FieldRef(String typeName, String fieldName) {
  public FieldRef {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(fieldName, "fieldName");
  }

  public static FieldRef query(String field) {
    return new FieldRef("Query", field);
  }

  public static FieldRef mutation(String field) {
    return new FieldRef("Mutation", field);
  }

  @Override
  public String toString() {
    return typeName + "." + fieldName;
  }
}
