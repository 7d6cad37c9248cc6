package dev.ltb.evaluator;

import java.util.List;
import java.util.stream.Collectors;

/** Formats what evaluators observed into short, one-line reasons. */
public final class Reasons {

  /** Longest quoted text a reason shows before it is cut with "...". */
  public static final int MAX_QUOTED = 100;

  private Reasons() {}

  /** The text in double quotes, on one line, cut to {@value #MAX_QUOTED} characters. */
  public static String quote(String text) {
    return '"' + abbreviate(oneLine(text)) + '"';
  }

  /** The texts as a quoted list, {@code ["a", "b"]}, cut when long. */
  public static String quoteAll(List<String> texts) {
    String joined =
        texts.stream().map(text -> '"' + oneLine(text) + '"').collect(Collectors.joining(", "));
    return "[" + abbreviate(joined) + "]";
  }

  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static String abbreviate(String text) {
    if (text.length() <= MAX_QUOTED) return text;
    int end = MAX_QUOTED - 3;
    if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
    return text.substring(0, end) + "...";
  }
}
