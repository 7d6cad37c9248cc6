package dev.ltb.plugin;

import dev.ltb.engine.TestScorer;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.Evaluator;
import dev.ltb.evaluator.TestOutcome;
import dev.ltb.suite.PluginSpec;
import dev.ltb.suite.PluginUse;
import dev.ltb.suite.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plugins of one suite, loaded for a run: evaluators for {@code type: plugin:<name>}, and the transforms
 * and scorers tests name, applied around the assertions. Every module is checked against the hash the suite
 * was loaded with, so a plugin changed since cannot judge the run unnoticed (a resumed run included).
 */
public final class SuitePlugins {

  private final List<Evaluator> evaluators = new ArrayList<>();
  private final Map<String, PluginTransform> transforms = new TreeMap<>();
  private final Map<String, PluginScorer> scorers = new TreeMap<>();
  private final Map<String, String> inventory = new TreeMap<>();

  private SuitePlugins() {}

  /** No plugins: the assertions alone judge. */
  public static SuitePlugins none() {
    return new SuitePlugins();
  }

  /**
   * Loads every plugin the suite declares or uses.
   *
   * @throws PluginException when one is missing, changed since the suite was loaded, or not a valid plugin
   */
  public static SuitePlugins load(Suite suite, PluginRuntime runtime, PluginLocator locator) {
    SuitePlugins plugins = new SuitePlugins();
    for (PluginSpec spec : suite.plugins()) {
      PluginPackage found = locator.locate(spec);
      Plugin plugin = runtime.load(found.manifest(), found.module());
      String version = PluginEvaluator.versionOf(found.manifest());
      switch (found.manifest().kind()) {
        case EVALUATOR -> plugins.evaluators.add(new PluginEvaluator(plugin, spec.config()));
        case TRANSFORM -> {
          plugins.transforms.put(spec.name(), new PluginTransform(plugin, spec.config()));
          plugins.inventory.put("transform " + found.manifest().evaluatorId(), version);
        }
        case SCORER -> {
          plugins.scorers.put(spec.name(), new PluginScorer(plugin, spec.config()));
          plugins.inventory.put("scorer " + found.manifest().evaluatorId(), version);
        }
      }
    }
    return plugins;
  }

  /** Evaluators for the suite's {@code plugin:<name>} assertions, to register beside the built-in ones. */
  public List<Evaluator> evaluators() {
    return List.copyOf(evaluators);
  }

  /**
   * What judged the run besides the assertions' evaluators, as stored with it: {@code transform plugin:x} and
   * {@code scorer plugin:y} with their versions and hashes.
   */
  public Map<String, String> inventory() {
    return java.util.Collections.unmodifiableMap(inventory);
  }

  /** The assertions' scorer with each test's transform applied before it and its scorer after it. */
  public TestScorer around(TestScorer assertions) {
    if (transforms.isEmpty() && scorers.isEmpty()) return assertions;
    return (test, context) -> {
      PluginUse transform = test.transform();
      EvaluationContext seen = transform == null ? context : transform(transform).apply(context, transform.config());
      TestOutcome outcome = assertions.score(test, seen);
      PluginUse scorer = test.scorer();
      return scorer == null ? outcome : scorer(scorer).apply(outcome, test, seen, scorer.config());
    };
  }

  private PluginTransform transform(PluginUse use) {
    PluginTransform transform = transforms.get(use.plugin());
    if (transform == null) throw new IllegalStateException("transform " + use.id() + " was not loaded with the suite");
    return transform;
  }

  private PluginScorer scorer(PluginUse use) {
    PluginScorer scorer = scorers.get(use.plugin());
    if (scorer == null) throw new IllegalStateException("scorer " + use.id() + " was not loaded with the suite");
    return scorer;
  }
}
