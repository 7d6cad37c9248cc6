package dev.ltb.evaluator;

import dev.ltb.evaluator.html.IsHtmlEvaluator;
import dev.ltb.evaluator.json.ContainsJsonEvaluator;
import dev.ltb.evaluator.json.IsJsonEvaluator;
import dev.ltb.evaluator.refusal.IsRefusalEvaluator;
import dev.ltb.evaluator.runtime.CostEvaluator;
import dev.ltb.evaluator.runtime.FinishReasonEvaluator;
import dev.ltb.evaluator.runtime.LatencyEvaluator;
import dev.ltb.evaluator.sql.ContainsSqlEvaluator;
import dev.ltb.evaluator.sql.IsSqlEvaluator;
import dev.ltb.evaluator.text.ContainsAllEvaluator;
import dev.ltb.evaluator.text.ContainsAnyEvaluator;
import dev.ltb.evaluator.text.ContainsEvaluator;
import dev.ltb.evaluator.text.EndsWithEvaluator;
import dev.ltb.evaluator.text.EqualsEvaluator;
import dev.ltb.evaluator.text.IContainsAllEvaluator;
import dev.ltb.evaluator.text.IContainsAnyEvaluator;
import dev.ltb.evaluator.text.IContainsEvaluator;
import dev.ltb.evaluator.text.LevenshteinEvaluator;
import dev.ltb.evaluator.text.RegexEvaluator;
import dev.ltb.evaluator.text.StartsWithEvaluator;
import dev.ltb.evaluator.text.WordCountEvaluator;
import dev.ltb.evaluator.reference.BleuEvaluator;
import dev.ltb.evaluator.reference.CerEvaluator;
import dev.ltb.evaluator.reference.ChrfEvaluator;
import dev.ltb.evaluator.reference.ExactMatchEvaluator;
import dev.ltb.evaluator.reference.F1Evaluator;
import dev.ltb.evaluator.reference.GleuEvaluator;
import dev.ltb.evaluator.reference.MeteorEvaluator;
import dev.ltb.evaluator.reference.RougeLEvaluator;
import dev.ltb.evaluator.reference.RougeNEvaluator;
import dev.ltb.evaluator.reference.WerEvaluator;
import dev.ltb.evaluator.tool.IsValidFunctionCallEvaluator;
import dev.ltb.evaluator.tool.IsValidOpenAiToolsCallEvaluator;
import dev.ltb.evaluator.tool.ToolCallF1Evaluator;
import dev.ltb.evaluator.xml.ContainsXmlEvaluator;
import dev.ltb.evaluator.xml.IsXmlEvaluator;
import java.util.List;

/**
 * The evaluators that ship with the bench. Add a new one here and to docs/evaluators.md (a test
 * checks both).
 */
public final class BuiltInEvaluators {

  private static final EvaluatorRegistry REGISTRY =
      new EvaluatorRegistry(
          List.of(
              new EqualsEvaluator(),
              new ContainsEvaluator(),
              new IContainsEvaluator(),
              new ContainsAnyEvaluator(),
              new ContainsAllEvaluator(),
              new IContainsAnyEvaluator(),
              new IContainsAllEvaluator(),
              new StartsWithEvaluator(),
              new EndsWithEvaluator(),
              new RegexEvaluator(),
              new LevenshteinEvaluator(),
              new WordCountEvaluator(),
              new IsJsonEvaluator(),
              new ContainsJsonEvaluator(),
              new IsXmlEvaluator(),
              new ContainsXmlEvaluator(),
              new IsHtmlEvaluator(),
              new IsSqlEvaluator(),
              new ContainsSqlEvaluator(),
              new IsRefusalEvaluator(),
              new LatencyEvaluator(),
              new CostEvaluator(),
              new FinishReasonEvaluator(),
              new BleuEvaluator(),
              new GleuEvaluator(),
              new MeteorEvaluator(),
              new RougeNEvaluator(),
              new RougeLEvaluator(),
              new ChrfEvaluator(),
              new F1Evaluator(),
              new ExactMatchEvaluator(),
              new WerEvaluator(),
              new CerEvaluator(),
              new IsValidOpenAiToolsCallEvaluator(),
              new IsValidFunctionCallEvaluator(),
              new ToolCallF1Evaluator()));

  private BuiltInEvaluators() {}

  public static EvaluatorRegistry registry() {
    return REGISTRY;
  }
}
