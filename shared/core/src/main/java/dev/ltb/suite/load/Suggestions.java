package dev.ltb.suite.load;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" for misspelled keys and type names. */
final class Suggestions {

  private Suggestions() {}

  /** The candidate closest to {@code word}, when it is close enough to be a likely typo. */
  static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(word.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= allowedDistance(word) ? Optional.of(best) : Optional.empty();
  }

  /** " did you mean \"x\"?" or an empty string. */
  static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(match -> "; did you mean \"" + match + "\"?").orElse("");
  }

  private static int allowedDistance(String word) {
    if (word.length() <= 2) return 0;
    if (word.length() <= 4) return 1;
    return word.length() <= 9 ? 2 : 3;
  }

  /** Edit distance counting an adjacent transposition as one edit ("contians" is 1 away from "contains"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
