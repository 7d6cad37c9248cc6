package dev.ltb.evaluator.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.AssertionValues;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationException;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.evaluator.EvaluatorDescriptor;
import dev.ltb.suite.Assertion;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code factuality}: the judge compares the output with an expert answer to the same question and
 * picks one of the five categories of OpenAI evals' fact grader
 * (evals/registry/modelgraded/fact.yaml). Scores per category are promptfoo's defaults ({@code
 * matchesFactuality} in src/matchers.ts): A, B, C and E score 1, D (disagreement) scores 0; config
 * {@code subset}, {@code superset}, {@code agree}, {@code disagree} and {@code differButFactual}
 * change them. A category scoring above 0 passes. The verdict is JSON {@code {"category",
 * "reason"}} like promptfoo's {@code PROMPTFOO_FACTUALITY_PROMPT}; a reply in the original "(A)
 * ..." format is read too.
 */
public final class FactualityEvaluator extends ModelGradedEvaluator {

  /** The categories, their config keys and what they mean (fact.yaml's wording, lightly edited). */
  enum Category {
    A(
        "subset",
        1,
        "the submitted answer is a subset of the expert answer and fully consistent with it"),
    B(
        "superset",
        1,
        "the submitted answer is a superset of the expert answer and fully consistent with it"),
    C("agree", 1, "the submitted answer contains all the same details as the expert answer"),
    D("disagree", 0, "the submitted answer and the expert answer disagree"),
    E(
        "differButFactual",
        1,
        "the answers differ, but the differences do not matter for factuality");

    final String configKey;
    final double defaultScore;
    final String meaning;

    Category(String configKey, double defaultScore, String meaning) {
      this.configKey = configKey;
      this.defaultScore = defaultScore;
      this.meaning = meaning;
    }
  }

  static final String SHAPE = "{\"category\": \"A\"-\"E\", \"reason\": ...}";

  static final String SYSTEM =
      """
      You compare the factual content of a submitted answer with an expert answer to the same question, \
      ignoring differences of style, grammar and punctuation. Choose the one option that applies:
      (A) The submitted answer is a subset of the expert answer and fully consistent with it.
      (B) The submitted answer is a superset of the expert answer and fully consistent with it.
      (C) The submitted answer contains all the same details as the expert answer.
      (D) The submitted answer and the expert answer disagree.
      (E) The answers differ, but the differences do not matter for factuality.
      Answer with one JSON object and nothing else: {"category": "<A, B, C, D or E>", "reason": "<why>"}""";

  private static final Pattern LEGACY = Pattern.compile("^\\s*\\(?([A-Ea-e])\\)");

  public FactualityEvaluator(Judges judges) {
    super(
        judges,
        new EvaluatorDescriptor(
            "factuality",
            "1",
            "A judge places the output against an expert answer in OpenAI evals' categories A-E (D fails)",
            "the expert answer (string)",
            true,
            null,
            true));
  }

  static String user(String question, String expert, String submission) {
    return "<question>\n"
        + question
        + "\n</question>\n<expert_answer>\n"
        + expert
        + "\n</expert_answer>\n"
        + "<submitted_answer>\n"
        + submission
        + "\n</submitted_answer>";
  }

  @Override
  public EvaluationResult evaluate(Assertion assertion, EvaluationContext context) {
    String expert = AssertionValues.text(assertion);
    Map<Category, Double> scores = scores(assertion);
    JudgeSession judge = judges.open(assertion, context);
    String reply = judge.ask(SYSTEM, user(context.prompt(), expert, context.output()));

    Optional<ObjectNode> verdict = JudgeReplies.firstObject(reply);
    Optional<String> letter = verdict.flatMap(json -> JudgeReplies.text(json.get("category")));
    String reason = verdict.flatMap(json -> JudgeReplies.text(json.get("reason"))).orElse(null);
    if (letter.isEmpty()) {
      Matcher legacy = LEGACY.matcher(reply);
      if (legacy.find()) {
        letter = Optional.of(legacy.group(1));
        reason = reply.substring(legacy.end()).strip();
      }
    }
    if (letter.isEmpty()) throw judge.malformed(reply, "is not " + SHAPE);
    Category category =
        category(letter.get())
            .orElseThrow(() -> judge.malformed(reply, "names no category A to E"));

    double score = scores.get(category);
    String observed = "(" + category + ") " + category.meaning;
    String why = reason == null || reason.isBlank() ? observed : observed + ": " + reason;
    return judge.result(score > 0, score, why);
  }

  private static Optional<Category> category(String letter) {
    String upper = letter.strip().toUpperCase(Locale.ROOT).replaceAll("^\\(|\\)$", "");
    for (Category category : Category.values())
      if (category.name().equals(upper)) return Optional.of(category);
    return Optional.empty();
  }

  private static Map<Category, Double> scores(Assertion assertion) {
    Map<Category, Double> scores = new java.util.EnumMap<>(Category.class);
    JsonNode config = assertion.config();
    for (Category category : Category.values()) {
      JsonNode value = config == null ? null : config.get(category.configKey);
      if (value == null || value.isNull()) {
        scores.put(category, category.defaultScore);
      } else if (value.isNumber() && value.doubleValue() >= 0 && value.doubleValue() <= 1) {
        scores.put(category, value.doubleValue());
      } else {
        throw new EvaluationException(
            "factuality config "
                + category.configKey
                + " must be a score from 0 to 1, was "
                + value);
      }
    }
    return scores;
  }
}
