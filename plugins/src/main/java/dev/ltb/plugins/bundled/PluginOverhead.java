package dev.ltb.plugins.bundled;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.evaluator.EvaluationContext;
import dev.ltb.evaluator.EvaluationResult;
import dev.ltb.plugin.Plugin;
import dev.ltb.plugin.PluginEvaluator;
import dev.ltb.suite.Assertion;
import dev.ltb.wasm.ChicoryPluginRuntime;
import dev.ltb.wasm.InstanceReuse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The cases of the plugin benchmark (bench/PluginBenchmark, JMH): each bundled evaluator, compiled to bytecode
 * at build time, against the same check written in Java, on a 200-token output; and what instantiating and
 * loading a cached compiled module cost. {@link #checkAgreement} fails unless each plugin and its Java twin
 * return equal results, so both sides do the same work.
 *
 * <p>{@link #main} prints rough numbers without JMH.
 */
public final class PluginOverhead {

  /** About 200 tokens of English (≈ 150 words). */
  public static final String OUTPUT_200_TOKENS = output200Tokens();

  private final EvaluationContext context = EvaluationContext.ofOutput(OUTPUT_200_TOKENS);
  private final Assertion containsAll;
  private final Assertion maxWords;
  private final Assertion notEmpty;
  private final PluginEvaluator containsAllFresh;
  private final PluginEvaluator containsAllPooled;
  private final PluginEvaluator maxWordsFresh;
  private final PluginEvaluator maxWordsPooled;
  private final PluginEvaluator notEmptyFresh;
  private final PluginEvaluator notEmptyPooled;
  private final ChicoryPluginRuntime runtime = BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).build();
  private final Plugin containsAllPlugin = BundledPlugins.load(runtime, "contains-all");
  private final byte[] containsAllModule = BundledPlugins.module("contains-all");

  public PluginOverhead() {
    var expected = JsonNodeFactory.instance.arrayNode().add("Paris").add("Seine").add("museum");
    ObjectNode ignoreCase = JsonNodeFactory.instance.objectNode().put("ignoreCase", true);
    this.containsAll = new Assertion("plugin:contains-all", false, expected, null, 1, null, ignoreCase);
    this.maxWords = new Assertion("plugin:max-words", false, IntNode.valueOf(100), null, 1, null, null);
    this.notEmpty = new Assertion("plugin:not-empty", false, null, null, 1, null, null);
    this.containsAllFresh = evaluator("contains-all", InstanceReuse.PER_CALL);
    this.containsAllPooled = evaluator("contains-all", InstanceReuse.POOLED);
    this.maxWordsFresh = evaluator("max-words", InstanceReuse.PER_CALL);
    this.maxWordsPooled = evaluator("max-words", InstanceReuse.POOLED);
    this.notEmptyFresh = evaluator("not-empty", InstanceReuse.PER_CALL);
    this.notEmptyPooled = evaluator("not-empty", InstanceReuse.POOLED);
  }

  /** contains-all (AssemblyScript), a fresh instance per call. */
  public EvaluationResult containsAllFresh() {
    return containsAllFresh.evaluate(containsAll, context);
  }

  /** contains-all, a pooled instance put back to its state after instantiation after each call. */
  public EvaluationResult containsAllPooled() {
    return containsAllPooled.evaluate(containsAll, context);
  }

  /** contains-all in Java: 3 strings, case-insensitive, the share found as the score. */
  public EvaluationResult containsAllJava() {
    String output = context.output().toLowerCase(Locale.ROOT);
    List<String> missing = new ArrayList<>();
    int total = containsAll.value().size();
    for (var wanted : containsAll.value()) {
      if (!output.contains(wanted.asText().toLowerCase(Locale.ROOT))) missing.add('"' + wanted.asText() + '"');
    }
    double score = (double) (total - missing.size()) / total;
    String reason =
        missing.isEmpty()
            ? "output contains all " + total + " expected strings"
            : "output is missing " + String.join(", ", missing);
    return new EvaluationResult(missing.isEmpty(), score, reason, Map.of("coverage", score), null);
  }

  /** max-words (C), a fresh instance per call. */
  public EvaluationResult maxWordsFresh() {
    return maxWordsFresh.evaluate(maxWords, context);
  }

  public EvaluationResult maxWordsPooled() {
    return maxWordsPooled.evaluate(maxWords, context);
  }

  /** max-words in Java: words are runs of characters other than space, tab, newline, carriage return. */
  public EvaluationResult maxWordsJava() {
    String output = context.output();
    long words = 0;
    boolean inWord = false;
    for (int i = 0; i < output.length(); i++) {
      char c = output.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space) inWord = false;
      else if (!inWord) {
        inWord = true;
        words++;
      }
    }
    long limit = maxWords.value().asLong();
    boolean pass = words <= limit;
    double score = pass ? 1 : (double) (limit * 1000 / words) / 1000;
    String reason = "output has " + words + (words == 1 ? " word (limit " : " words (limit ") + limit + ")";
    return new EvaluationResult(pass, score, reason, Map.of("words", (double) words), null);
  }

  /** not-empty (WAT, a few instructions): what a call costs the host when the plugin does next to nothing. */
  public EvaluationResult notEmptyFresh() {
    return notEmptyFresh.evaluate(notEmpty, context);
  }

  public EvaluationResult notEmptyPooled() {
    return notEmptyPooled.evaluate(notEmpty, context);
  }

  public EvaluationResult notEmptyJava() {
    boolean pass = !context.output().isEmpty();
    return EvaluationResult.of(pass, pass ? "output is not empty" : "output is empty");
  }

  /** A new instance of contains-all's cached compiled module (what a fresh-instance call pays on top). */
  public void instantiate() {
    ChicoryPluginRuntime.instantiate(containsAllPlugin);
  }

  /** Loading contains-all again: its hash checked and its module inspected, nothing compiled. */
  public Plugin loadCached() {
    return runtime.load(BundledPlugins.manifest("contains-all"), containsAllModule);
  }

  /** Fails unless every plugin returns what its Java twin returns (so both sides do the same work). */
  public void checkAgreement() {
    agree("contains-all", containsAllJava(), containsAllFresh(), containsAllPooled());
    agree("max-words", maxWordsJava(), maxWordsFresh(), maxWordsPooled());
    agree("not-empty", notEmptyJava(), notEmptyFresh(), notEmptyPooled());
  }

  private static void agree(String name, EvaluationResult java, EvaluationResult... plugin) {
    for (EvaluationResult result : plugin) {
      if (!result.equals(java))
        throw new IllegalStateException(name + ": the plugin and Java disagree: " + result + " vs " + java);
    }
  }

  /** Rough timings: {@code java -cp ... dev.ltb.plugins.bundled.PluginOverhead [seconds per case]}. */
  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    PluginOverhead cases = new PluginOverhead();
    cases.checkAgreement();
    Map<String, Supplier<?>> all = new java.util.LinkedHashMap<>();
    all.put("contains-all, Java", cases::containsAllJava);
    all.put("contains-all, fresh instance", cases::containsAllFresh);
    all.put("contains-all, pooled instance", cases::containsAllPooled);
    all.put("max-words, Java", cases::maxWordsJava);
    all.put("max-words, fresh instance", cases::maxWordsFresh);
    all.put("max-words, pooled instance", cases::maxWordsPooled);
    all.put("not-empty, fresh instance", cases::notEmptyFresh);
    all.put("not-empty, pooled instance", cases::notEmptyPooled);
    all.put("instantiate contains-all", () -> {
      cases.instantiate();
      return null;
    });
    all.put("load contains-all, cached", cases::loadCached);
    all.forEach((name, call) -> System.out.printf(Locale.ROOT, "%-32s %9.2f µs%n", name, time(call, seconds)));
  }

  private static double time(Supplier<?> call, double seconds) {
    long warmUpEnd = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < warmUpEnd) call.get();
    long calls = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (int i = 0; i < 20; i++) call.get();
      calls += 20;
    }
    return (System.nanoTime() - start) / 1e3 / calls;
  }

  private PluginEvaluator evaluator(String name, InstanceReuse reuse) {
    ChicoryPluginRuntime own = BundledPlugins.precompiled(ChicoryPluginRuntime.builder()).instanceReuse(reuse).build();
    return new PluginEvaluator(BundledPlugins.load(own, name));
  }

  private static String output200Tokens() {
    return "Paris, the capital of France, sits on the Seine in the north of the country. It is known for its "
        + "museums, among them the Louvre, which holds the Mona Lisa, and the Musée d'Orsay, with its "
        + "impressionist paintings. The city has about two million inhabitants, and its metropolitan area more "
        + "than twelve million. Its landmarks include the Eiffel Tower, built for the 1889 World's Fair, the "
        + "cathedral of Notre-Dame, restored after the fire of 2019, and the Arc de Triomphe at the top of the "
        + "Champs-Élysées. Paris is also a centre of finance, fashion, gastronomy and science, and its "
        + "universities and grandes écoles draw students from all over the world every year.";
  }
}
