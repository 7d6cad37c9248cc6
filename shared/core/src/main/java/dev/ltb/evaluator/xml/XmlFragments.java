package dev.ltb.evaluator.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the parts of a text that may be XML, for {@code contains-xml}: every outermost element
 * whose opening and closing tags balance (or that closes itself), and each run of sibling elements
 * taken together, in the order promptfoo tries them. The scan is linear; parsing is left to the
 * caller.
 */
final class XmlFragments {

  /** Characters {@code [start, end)} of the text. */
  record Span(int start, int end) {
    boolean contains(Span other) {
      return other.start >= start && other.end <= end;
    }
  }

  private record Element(int start, int end, int parentStart) {}

  private record Open(String name, int start) {}

  private enum Kind {
    OPENING,
    SELF_CLOSING,
    CLOSING,
    OTHER
  }

  /** A tag from {@code start} to the {@code >} at {@code end}. */
  private record Tag(Kind kind, int start, int end, String name) {}

  private static final int TOP_LEVEL = -1;

  private XmlFragments() {}

  /** Sibling runs first, then outermost elements from left to right. */
  static List<Span> candidates(String text) {
    List<Element> elements = balancedElements(text);
    Set<Integer> elementStarts = elements.stream().map(Element::start).collect(Collectors.toSet());
    Set<Span> ordered = new LinkedHashSet<>();

    Map<Integer, List<Element>> byParent = new LinkedHashMap<>();
    for (Element element : elements)
      byParent.computeIfAbsent(element.parentStart(), parent -> new ArrayList<>()).add(element);
    byParent.forEach(
        (parent, siblings) -> {
          if (siblings.size() < 2 || elementStarts.contains(parent)) return;
          List<Element> sorted =
              siblings.stream().sorted(Comparator.comparingInt(Element::start)).toList();
          ordered.add(new Span(sorted.getFirst().start(), sorted.getLast().end()));
        });

    elements.stream()
        .filter(element -> !elementStarts.contains(element.parentStart()))
        .sorted(
            Comparator.comparingInt(Element::start)
                .thenComparing(Comparator.comparingInt(Element::end).reversed()))
        .forEach(element -> ordered.add(new Span(element.start(), element.end())));
    return List.copyOf(ordered);
  }

  private static List<Element> balancedElements(String text) {
    List<Element> elements = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '<') continue;
      Tag tag = readTag(text, i);
      if (tag == null) continue;
      switch (tag.kind()) {
        case OPENING -> open.push(new Open(tag.name(), tag.start()));
        case SELF_CLOSING -> elements.add(new Element(tag.start(), tag.end() + 1, parent(open)));
        case CLOSING -> {
          if (!open.isEmpty() && open.peek().name().equals(tag.name())) {
            Open opening = open.pop();
            elements.add(new Element(opening.start(), tag.end() + 1, parent(open)));
          } else {
            open.clear();
          }
        }
        case OTHER -> {}
      }
      i = tag.end();
    }
    return elements;
  }

  private static int parent(Deque<Open> open) {
    return open.isEmpty() ? TOP_LEVEL : open.peek().start();
  }

  /** The tag starting at the {@code <} at {@code start}, or null when none starts there. */
  private static Tag readTag(String text, int start) {
    if (start + 1 >= text.length()) return null;
    char next = text.charAt(start + 1);
    if (next == '!') return new Tag(Kind.OTHER, start, declarationEnd(text, start), null);
    if (next == '?') return new Tag(Kind.OTHER, start, endOf(text, "?>", start + 2), null);
    boolean closing = next == '/';
    String name = readName(text, start + (closing ? 2 : 1));
    if (name == null) return null;
    int end = tagEnd(text, start);
    if (end < 0) return null;
    if (closing) return new Tag(Kind.CLOSING, start, end, name);
    return new Tag(
        selfCloses(text, start, end) ? Kind.SELF_CLOSING : Kind.OPENING, start, end, name);
  }

  private static String readName(String text, int start) {
    if (start >= text.length() || !isNameStart(text.charAt(start))) return null;
    int end = start + 1;
    while (end < text.length() && isNamePart(text.charAt(end))) end++;
    return text.substring(start, end);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || Character.isDigit(c) || c == '-' || c == '.' || c == '\u00b7';
  }

  /**
   * The {@code >} closing the tag at {@code start}, skipping quoted values; -1 when another {@code
   * <} comes first (XML allows none inside a tag, quoted or not), which keeps the scan linear.
   */
  private static int tagEnd(String text, int start) {
    char quote = 0;
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '<') return -1;
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return -1;
  }

  private static boolean selfCloses(String text, int start, int end) {
    int last = end - 1;
    while (last > start && Character.isWhitespace(text.charAt(last))) last--;
    return text.charAt(last) == '/';
  }

  /** The last index of a comment, CDATA section or declaration ({@code <!...>}). */
  private static int declarationEnd(String text, int start) {
    if (text.startsWith("<!--", start)) return endOf(text, "-->", start + 4);
    if (text.startsWith("<![CDATA[", start)) return endOf(text, "]]>", start + 9);
    char quote = 0;
    int brackets = 0;
    for (int i = start + 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        brackets++;
      } else if (c == ']' && brackets > 0) {
        brackets--;
      } else if (c == '>' && brackets == 0) {
        return i;
      }
    }
    return text.length() - 1;
  }

  /** The last index of {@code delimiter} found from {@code from}, or the text's last index. */
  private static int endOf(String text, String delimiter, int from) {
    int at = text.indexOf(delimiter, from);
    return at < 0 ? text.length() - 1 : at + delimiter.length() - 1;
  }
}
