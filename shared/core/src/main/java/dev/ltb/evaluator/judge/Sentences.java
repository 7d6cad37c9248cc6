package dev.ltb.evaluator.judge;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into sentences (line breaks always end one), for the RAG evaluators that count them.
 */
final class Sentences {

  private Sentences() {}

  static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    for (String line : text.split("\\R")) {
      BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ROOT);
      boundaries.setText(line);
      int start = boundaries.first();
      for (int end = boundaries.next();
          end != BreakIterator.DONE;
          start = end, end = boundaries.next()) {
        String sentence = line.substring(start, end).strip();
        if (!sentence.isEmpty()) sentences.add(sentence);
      }
    }
    return sentences;
  }

  /** "1. first\n2. second". */
  static String numbered(List<String> sentences) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < sentences.size(); i++) {
      if (i > 0) text.append('\n');
      text.append(i + 1).append(". ").append(sentences.get(i));
    }
    return text.toString();
  }
}
