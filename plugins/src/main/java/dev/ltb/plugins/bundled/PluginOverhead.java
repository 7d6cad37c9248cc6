package dev.ltb.plugins.bundled;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.plugin.PluginEvaluator;
import dev.ltb.suite.Assertion;
import dev.ltb.wasm.ChicoryPluginRuntime;
import dev.ltb.wasm.InstanceReuse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-call overhead of a compiled plugin evaluator against the same logic in Java, on a 200-token output:
 * the methods a JMH benchmark calls, and a {@link #main} that gives rough numbers without JMH.
 *
 * <p>{@link #plugin()} runs the bundled AssemblyScript {@code contains-all} (compiled to bytecode at build time,
 * pooled instances); {@link #pluginFreshInstance()} the same with a fresh instance per call (instantiation
 * included); {@link #java()} the same check written in Java. All three return equal results.
 */
public final class PluginOverhead {

  /** About 200 tokens of English (≈ 150 words). */
  public static final String OUTPUT_200_TOKENS = output200Tokens();

  private final Assertion assertion;
  private final EvaluationContext context = EvaluationContext.ofOutput(OUTPUT_200_TOKENS);
  private final PluginEvaluator pooled;
  private final PluginEvaluator perCall;

  public PluginOverhead() {
    var expected = JsonNodeFactory.instance.arrayNode().add("Paris").add("Seine").add("museum");
    ObjectNode config = JsonNodeFactory.instance.objectNode().put("ignoreCase", true);
    this.assertion = new Assertion("plugin:contains-all", false, expected, null, 1, null, config);
    this.pooled = evaluator(InstanceReuse.POOLED);
    this.perCall = evaluator(InstanceReuse.PER_CALL);
  }

  public EvaluationResult plugin() {
    return pooled.evaluate(assertion, context);
  }

  public EvaluationResult pluginFreshInstance() {
    return perCall.evaluate(assertion, context);
  }

  /** contains-all in Java: the baseline. */
  public EvaluationResult java() {
    String output = context.output().toLowerCase(Locale.ROOT);
    List<String> missing = new ArrayList<>();
    int total = assertion.value().size();
    for (var wanted : assertion.value()) {
      if (!output.contains(wanted.asText().toLowerCase(Locale.ROOT))) missing.add('"' + wanted.asText() + '"');
    }
    double score = (double) (total - missing.size()) / total;
    String reason =
        missing.isEmpty()
            ? "output contains all " + total + " expected strings"
            : "output is missing " + String.join(", ", missing);
    return new EvaluationResult(missing.isEmpty(), score, reason, Map.of("coverage", score), null);
  }

  /** Fails unless every case returns the same result (so the benchmark compares equal work). */
  public void checkAgreement() {
    EvaluationResult expected = java();
    if (!plugin().equals(expected) || !pluginFreshInstance().equals(expected))
      throw new IllegalStateException("the plugin and Java disagree: " + plugin() + " vs " + expected);
  }

  /** Rough timings: {@code java -cp ... dev.ltb.plugins.bundled.PluginOverhead [seconds per case]}. */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    PluginOverhead bench = new PluginOverhead();
    bench.checkAgreement();
    double java = time("java", bench::java, seconds);
    double pooled = time("plugin, pooled instance", bench::plugin, seconds);
    double fresh = time("plugin, fresh instance per call", bench::pluginFreshInstance, seconds);
    System.out.printf(Locale.ROOT, "| case | µs/call | vs Java |%n|---|---|---|%n");
    System.out.printf(Locale.ROOT, "| Java | %.2f | 1× |%n", java);
    System.out.printf(Locale.ROOT, "| plugin, pooled instance | %.2f | %.1f× |%n", pooled, pooled / java);
    System.out.printf(Locale.ROOT, "| plugin, fresh instance per call | %.2f | %.1f× |%n", fresh, fresh / java);
  }

  private static double time(String name, java.util.function.Supplier<EvaluationResult> call, double seconds) {
    long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < warmUpEnd) call.get();
    long calls = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) call.get();
      calls += 100;
    }
    return (System.nanoTime() - start) / 1e3 / calls;
  }

  private static PluginEvaluator evaluator(InstanceReuse reuse) {
    ChicoryPluginRuntime runtime = BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).instanceReuse(reuse).build();
    return new PluginEvaluator(BundledPlugins.load(runtime, "contains-all"));
  }

  private static String output200Tokens() {
    String paragraph =
        "Paris, the capital of France, sits on the Seine in the north of the country. It is known for its "
            + "museums, among them the Louvre, which holds the Mona Lisa, and the Musée d'Orsay, with its "
            + "impressionist paintings. The city has about two million inhabitants, and its metropolitan area more "
            + "than twelve million. Its landmarks include the Eiffel Tower, built for the 1889 World's Fair, the "
            + "cathedral of Notre-Dame, restored after the fire of 2019, and the Arc de Triomphe at the top of the "
            + "Champs-Élysées. Paris is also a centre of finance, fashion, gastronomy and science, and its "
            + "universities and grandes écoles draw students from all over the world every year.";
    return paragraph;
  }
}
