package dev.ltb.functions.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The GraphQL operations shown in {@code docs/api/graphql.md} (its {@code ```graphql} blocks). */
final class GraphqlDocs {

  static final Path FILE = Path.of("../docs/api/graphql.md");
  private static final Pattern BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);

  private GraphqlDocs() {}

  static List<String> operations() {
    String text;
    try {
      text = Files.readString(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> operations = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) operations.add(m.group(1));
    if (operations.isEmpty()) throw new IllegalStateException(FILE + " shows no ```graphql operation");
    return operations;
  }
}
