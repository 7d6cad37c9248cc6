package dev.ltb.suite.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a node sits in a suite document: map keys (strings) and list indexes (integers) from the root.
 * Displayed the way users write it ({@code tests[3].assert[0].type}).
 */
record FieldPath(List<Object> segments) {

  static final FieldPath ROOT = new FieldPath(List.of());
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  FieldPath {
    segments = List.copyOf(segments);
  }

  FieldPath key(String name) {
    return append(name);
  }

  FieldPath index(int index) {
    return append(index);
  }

  private FieldPath append(Object segment) {
    List<Object> next = new ArrayList<>(segments);
    next.add(segment);
    return new FieldPath(next);
  }

  boolean startsWith(FieldPath prefix) {
    return segments.size() >= prefix.segments.size()
        && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
  }

  boolean isRoot() {
    return segments.isEmpty();
  }

  FieldPath parent() {
    return isRoot() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  /** The last key of this path, or null at the root or after an index. */
  String lastKey() {
    return !isRoot() && segments.getLast() instanceof String name ? name : null;
  }

  String display() {
    StringBuilder text = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else if (PLAIN_KEY.matcher((String) segment).matches()) {
        if (!text.isEmpty()) text.append('.');
        text.append(segment);
      } else {
        text.append("[\"").append(((String) segment).replace("\"", "\\\"")).append("\"]");
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return display();
  }
}
