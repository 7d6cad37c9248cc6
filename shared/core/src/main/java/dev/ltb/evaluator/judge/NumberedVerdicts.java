package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads per-item verdicts such as {@code [{"statement": 1, "reason": "...", "verdict": "yes"},
 * ...]}: one for each numbered item sent to the judge, matched by number (or by position when the
 * judge left numbers out). A verdict missing, doubled or unreadable fails the evaluation, quoting
 * the reply.
 */
final class NumberedVerdicts {

  /** A judge's yes or no on one item, with its reason (empty when it gave none). */
  record Verdict(boolean yes, String reason) {}

  private NumberedVerdicts() {}

  static List<Verdict> read(
      JudgeSession judge,
      String reply,
      JsonNode list,
      int count,
      String numberField,
      String flagField,
      String noun) {
    if (!list.isArray()) throw judge.malformed(reply, "holds no list of verdicts");
    Verdict[] verdicts = new Verdict[count];
    int position = 0;
    for (JsonNode entry : list) {
      position++;
      int number =
          JudgeReplies.number(entry.get(numberField)).map(Double::intValue).orElse(position);
      if (number < 1 || number > count)
        throw judge.malformed(
            reply, "gives a verdict for " + noun + " " + number + ", but there are " + count);
      if (verdicts[number - 1] != null)
        throw judge.malformed(reply, "gives two verdicts for " + noun + " " + number);
      boolean yes =
          JudgeReplies.bool(entry.get(flagField))
              .orElseThrow(
                  () ->
                      judge.malformed(
                          reply,
                          "gives no yes or no \"" + flagField + "\" for " + noun + " " + number));
      verdicts[number - 1] = new Verdict(yes, JudgeReplies.text(entry.get("reason")).orElse(""));
    }
    long given = Arrays.stream(verdicts).filter(v -> v != null).count();
    if (given < count)
      throw judge.malformed(
          reply, "gives verdicts for " + given + " of " + count + " " + noun + "s");
    return new ArrayList<>(Arrays.asList(verdicts));
  }

  /** Items with the judge's reason: {@code "the claim" (why)}, separated by semicolons. */
  static String describe(List<String> items, List<Verdict> verdicts, boolean yes) {
    List<String> described = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (verdicts.get(i).yes() != yes) continue;
      String reason = verdicts.get(i).reason();
      described.add('"' + items.get(i) + '"' + (reason.isEmpty() ? "" : " (" + reason + ")"));
    }
    return String.join("; ", described);
  }
}
