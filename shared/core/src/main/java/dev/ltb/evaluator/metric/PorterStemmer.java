package dev.ltb.evaluator.metric;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Porter stemmer exactly as NLTK's {@code PorterStemmer()} in its default {@code NLTK_EXTENSIONS}
 * mode (nltk/nltk, nltk/stem/porter.py), which both NLTK's METEOR and Google's rouge_score use. It
 * differs from Martin Porter's reference C version (and from Lucene's PorterStemmer) in a few rules:
 * irregular forms (dying → die, skies → sky), words of one or two letters left alone, {@code ies/ied}
 * → {@code ie} for four-letter words, {@code y → i} only after a consonant, and extra step-2 rules
 * ({@code alli}, {@code fulli}, {@code logi}). Stateless and thread-safe.
 */
public final class PorterStemmer {

  private static final Map<String, String> IRREGULAR_FORMS =
      Map.ofEntries(
          Map.entry("sky", "sky"),
          Map.entry("skies", "sky"),
          Map.entry("dying", "die"),
          Map.entry("lying", "lie"),
          Map.entry("tying", "tie"),
          Map.entry("news", "news"),
          Map.entry("innings", "inning"),
          Map.entry("inning", "inning"),
          Map.entry("outings", "outing"),
          Map.entry("outing", "outing"),
          Map.entry("cannings", "canning"),
          Map.entry("canning", "canning"),
          Map.entry("howe", "howe"),
          Map.entry("proceed", "proceed"),
          Map.entry("exceed", "exceed"),
          Map.entry("succeed", "succeed"));

  private record Rule(String suffix, String replacement, Predicate<String> condition) {}

  private static final Predicate<String> POSITIVE_MEASURE = stem -> measure(stem) > 0;
  private static final Predicate<String> MEASURE_ABOVE_ONE = stem -> measure(stem) > 1;

  private static final List<Rule> STEP_1A =
      List.of(new Rule("sses", "ss", null), new Rule("ies", "i", null), new Rule("ss", "ss", null),
          new Rule("s", "", null));

  private static final List<Rule> STEP_1C =
      List.of(new Rule("y", "i", stem -> stem.length() > 1 && isConsonant(stem, stem.length() - 1)));

  private static final List<Rule> STEP_2 =
      List.of(
          new Rule("ational", "ate", POSITIVE_MEASURE),
          new Rule("tional", "tion", POSITIVE_MEASURE),
          new Rule("enci", "ence", POSITIVE_MEASURE),
          new Rule("anci", "ance", POSITIVE_MEASURE),
          new Rule("izer", "ize", POSITIVE_MEASURE),
          new Rule("bli", "ble", POSITIVE_MEASURE),
          new Rule("alli", "al", POSITIVE_MEASURE),
          new Rule("entli", "ent", POSITIVE_MEASURE),
          new Rule("eli", "e", POSITIVE_MEASURE),
          new Rule("ousli", "ous", POSITIVE_MEASURE),
          new Rule("ization", "ize", POSITIVE_MEASURE),
          new Rule("ation", "ate", POSITIVE_MEASURE),
          new Rule("ator", "ate", POSITIVE_MEASURE),
          new Rule("alism", "al", POSITIVE_MEASURE),
          new Rule("iveness", "ive", POSITIVE_MEASURE),
          new Rule("fulness", "ful", POSITIVE_MEASURE),
          new Rule("ousness", "ous", POSITIVE_MEASURE),
          new Rule("aliti", "al", POSITIVE_MEASURE),
          new Rule("iviti", "ive", POSITIVE_MEASURE),
          new Rule("biliti", "ble", POSITIVE_MEASURE),
          new Rule("fulli", "ful", POSITIVE_MEASURE),
          // The 'l' of 'logi' stays with the stem for the measure, so 'geo'/'theo' stems work.
          new Rule("logi", "log", stem -> measure(stem + "l") > 0));

  private static final List<Rule> STEP_3 =
      List.of(
          new Rule("icate", "ic", POSITIVE_MEASURE),
          new Rule("ative", "", POSITIVE_MEASURE),
          new Rule("alize", "al", POSITIVE_MEASURE),
          new Rule("iciti", "ic", POSITIVE_MEASURE),
          new Rule("ical", "ic", POSITIVE_MEASURE),
          new Rule("ful", "", POSITIVE_MEASURE),
          new Rule("ness", "", POSITIVE_MEASURE));

  private static final List<Rule> STEP_4 =
      List.of(
          new Rule("al", "", MEASURE_ABOVE_ONE),
          new Rule("ance", "", MEASURE_ABOVE_ONE),
          new Rule("ence", "", MEASURE_ABOVE_ONE),
          new Rule("er", "", MEASURE_ABOVE_ONE),
          new Rule("ic", "", MEASURE_ABOVE_ONE),
          new Rule("able", "", MEASURE_ABOVE_ONE),
          new Rule("ible", "", MEASURE_ABOVE_ONE),
          new Rule("ant", "", MEASURE_ABOVE_ONE),
          new Rule("ement", "", MEASURE_ABOVE_ONE),
          new Rule("ment", "", MEASURE_ABOVE_ONE),
          new Rule("ent", "", MEASURE_ABOVE_ONE),
          new Rule("ion", "", stem -> measure(stem) > 1 && (stem.endsWith("s") || stem.endsWith("t"))),
          new Rule("ou", "", MEASURE_ABOVE_ONE),
          new Rule("ism", "", MEASURE_ABOVE_ONE),
          new Rule("ate", "", MEASURE_ABOVE_ONE),
          new Rule("iti", "", MEASURE_ABOVE_ONE),
          new Rule("ous", "", MEASURE_ABOVE_ONE),
          new Rule("ive", "", MEASURE_ABOVE_ONE),
          new Rule("ize", "", MEASURE_ABOVE_ONE));

  private static final List<Rule> STEP_5B = List.of(new Rule("ll", "l", stem -> measure(stem + "l") > 1));

  /** Lowercases and stems one word. */
  public String stem(String word) {
    String stem = PythonText.lower(word);
    String irregular = IRREGULAR_FORMS.get(stem);
    if (irregular != null) return irregular;
    if (word.codePointCount(0, word.length()) <= 2) return stem;
    stem = step1a(stem);
    stem = step1b(stem);
    stem = applyRules(stem, STEP_1C);
    stem = step2(stem);
    stem = applyRules(stem, STEP_3);
    stem = applyRules(stem, STEP_4);
    stem = step5a(stem);
    return applyRules(stem, STEP_5B);
  }

  private static String step1a(String word) {
    if (word.endsWith("ies") && word.length() == 4) return replaceSuffix(word, "ies", "ie");
    return applyRules(word, STEP_1A);
  }

  private static String step1b(String word) {
    if (word.endsWith("ied")) return replaceSuffix(word, "ied", word.length() == 4 ? "ie" : "i");
    if (word.endsWith("eed")) {
      String stem = replaceSuffix(word, "eed", "");
      return measure(stem) > 0 ? stem + "ee" : word;
    }
    String stem = null;
    for (String suffix : new String[] {"ed", "ing"}) {
      if (word.endsWith(suffix) && containsVowel(replaceSuffix(word, suffix, ""))) {
        stem = replaceSuffix(word, suffix, "");
        break;
      }
    }
    if (stem == null) return word;
    // After removing -ed/-ing: AT -> ATE, BL -> BLE, IZ -> IZE, undouble, or (m=1 and *o) -> E.
    for (String[] rule : new String[][] {{"at", "ate"}, {"bl", "ble"}, {"iz", "ize"}}) {
      if (stem.endsWith(rule[0])) return replaceSuffix(stem, rule[0], rule[1]);
    }
    char last = stem.isEmpty() ? 0 : stem.charAt(stem.length() - 1);
    if (endsDoubleConsonant(stem)) {
      return last != 'l' && last != 's' && last != 'z' ? stem.substring(0, stem.length() - 2) + last : stem;
    }
    if (stem.endsWith("*d")) {
      String shorter = stem.substring(0, stem.length() - 2);
      return last != 'l' && last != 's' && last != 'z' ? shorter + last : stem;
    }
    return measure(stem) == 1 && endsCvc(stem) ? stem + "e" : stem;
  }

  private static String step2(String word) {
    // NLTK applies ALLI -> AL first and runs the result through step 2 again.
    if (word.endsWith("alli") && measure(replaceSuffix(word, "alli", "")) > 0)
      return step2(replaceSuffix(word, "alli", "al"));
    return applyRules(word, STEP_2);
  }

  private static String step5a(String word) {
    if (word.endsWith("e")) {
      String stem = replaceSuffix(word, "e", "");
      int m = measure(stem);
      if (m > 1) return stem;
      if (m == 1 && !endsCvc(stem)) return stem;
    }
    return word;
  }

  /** The first rule whose suffix matches decides: applied when its condition holds, else none is. */
  private static String applyRules(String word, List<Rule> rules) {
    for (Rule rule : rules) {
      if (word.endsWith(rule.suffix())) {
        String stem = replaceSuffix(word, rule.suffix(), "");
        return rule.condition() == null || rule.condition().test(stem) ? stem + rule.replacement() : word;
      }
    }
    return word;
  }

  private static String replaceSuffix(String word, String suffix, String replacement) {
    return word.substring(0, word.length() - suffix.length()) + replacement;
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  /** A consonant is a letter other than a vowel, and other than a y preceded by a consonant. */
  private static boolean isConsonant(String word, int i) {
    char c = word.charAt(i);
    if (isVowel(c)) return false;
    if (c != 'y') return true;
    boolean negate = false;
    while (i > 0 && word.charAt(i) == 'y') {
      negate = !negate;
      i--;
    }
    return !isVowel(word.charAt(i)) != negate;
  }

  /** m in [C](VC){m}[V]: the number of vowel-to-consonant transitions. */
  static int measure(String stem) {
    int m = 0;
    boolean previousConsonant = true;
    boolean previousVowel = false;
    for (int i = 0; i < stem.length(); i++) {
      char c = stem.charAt(i);
      boolean consonant = !isVowel(c) && (c != 'y' || i == 0 || !previousConsonant);
      if (consonant && previousVowel) m++;
      previousVowel = !consonant;
      previousConsonant = consonant;
    }
    return m;
  }

  private static boolean containsVowel(String stem) {
    boolean previousConsonant = true;
    for (int i = 0; i < stem.length(); i++) {
      char c = stem.charAt(i);
      boolean consonant = !isVowel(c) && (c != 'y' || i == 0 || !previousConsonant);
      if (!consonant) return true;
      previousConsonant = consonant;
    }
    return false;
  }

  private static boolean endsDoubleConsonant(String word) {
    int n = word.length();
    return n >= 2 && word.charAt(n - 1) == word.charAt(n - 2) && isConsonant(word, n - 1);
  }

  /** *o: ends consonant-vowel-consonant, the last not w, x or y; NLTK also accepts a two-letter vc. */
  private static boolean endsCvc(String word) {
    int n = word.length();
    if (n >= 3
        && isConsonant(word, n - 3)
        && !isConsonant(word, n - 2)
        && isConsonant(word, n - 1)
        && "wxy".indexOf(word.charAt(n - 1)) < 0) return true;
    return n == 2 && !isConsonant(word, 0) && isConsonant(word, 1);
  }
}
