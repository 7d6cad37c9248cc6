package dev.ltb.testkit;

import dev.ltb.aggregate.Estimate;
import dev.ltb.aggregate.GroupSummary;
import dev.ltb.aggregate.LatencySummary;
import dev.ltb.aggregate.Proportion;
import dev.ltb.aggregate.RunSummary;
import dev.ltb.aggregate.Totals;
import dev.ltb.engine.ItemError;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.engine.WorkItem;
import dev.ltb.evaluator.AssertionOutcome;
import dev.ltb.provider.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Realistic runs for tests of anything that reads results: a capital-cities suite answered by three providers
 * with different quality, speed and price (one local model without a price, one that hits rate limits, one
 * that times out). Deterministic: the same builder always yields the same results.
 *
 * <p>The summary is computed here with textbook formulas (Wilson for rates, a normal approximation for means)
 * so the fixture is self-consistent; tests of the real statistics use the aggregator, not this.
 *
 * <pre>{@code
 * SampleRun run = SampleRuns.threeProviders();          // 3 providers x 1 prompt x 24 tests, in memory
 * var big = SampleRuns.builder().tests(40_000);          // 120,000 items, generated on demand
 * big.forEach(result -> ...); RunSummary summary = big.summary();
 * }</pre>
 */
public final class SampleRuns {

  public static final String RUN_ID = "run-20250601-0930-7f3a";
  public static final Instant STARTED_AT = Instant.parse("2025-06-01T09:30:00Z");

  /** A provider of the sample suite and how it behaves. */
  public record SampleProvider(
      String id, String label, double passRate, long medianLatencyMs, Double usdPerMillionIn,
      Double usdPerMillionOut, String errorKind, double errorRate) {}

  public static final List<SampleProvider> PROVIDERS =
      List.of(
          new SampleProvider("openai:chat:gpt-4o-mini", "gpt-4o-mini", 0.88, 850, 0.15, 0.60, null, 0),
          new SampleProvider(
              "anthropic:messages:claude-3-5-haiku-20241022", "claude-3.5-haiku", 0.8, 1300, 0.80, 4.00,
              "rate-limited", 0.04),
          new SampleProvider("ollama:chat:llama3.1:8b", "llama3.1-8b (local)", 0.62, 2400, null, null, "timeout", 0.05));

  /** Prompt ids and labels; builders use the first {@code prompts} of them. */
  public static final List<List<String>> PROMPTS =
      List.of(List.of("p0", "one-sentence answer"), List.of("p1", "answer with reasoning"));

  private static final String[][] CAPITALS = {
    {"France", "Paris"}, {"Japan", "Tokyo"}, {"Kenya", "Nairobi"}, {"Canada", "Ottawa"}, {"Australia", "Canberra"},
    {"Brazil", "Brasília"}, {"Egypt", "Cairo"}, {"India", "New Delhi"}, {"Norway", "Oslo"}, {"Peru", "Lima"},
    {"Vietnam", "Hanoi"}, {"Morocco", "Rabat"}, {"Turkey", "Ankara"}, {"New Zealand", "Wellington"},
    {"Switzerland", "Bern"}, {"Nigeria", "Abuja"}, {"Pakistan", "Islamabad"}, {"South Africa", "Pretoria"},
    {"Kazakhstan", "Astana"}, {"Bolivia", "Sucre"}, {"Myanmar", "Naypyidaw"}, {"Tanzania", "Dodoma"},
    {"Sri Lanka", "Sri Jayawardenepura Kotte"}, {"Côte d'Ivoire", "Yamoussoukro"}
  };
  /** The wrong answers models really give. */
  private static final Map<String, String> WRONG_GUESSES =
      Map.ofEntries(
          Map.entry("France", "Lyon"), Map.entry("Japan", "Kyoto"), Map.entry("Kenya", "Mombasa"),
          Map.entry("Canada", "Toronto"), Map.entry("Australia", "Sydney"), Map.entry("Brazil", "Rio de Janeiro"),
          Map.entry("Egypt", "Alexandria"), Map.entry("India", "Mumbai"), Map.entry("Norway", "Bergen"),
          Map.entry("Peru", "Cusco"), Map.entry("Vietnam", "Ho Chi Minh City"), Map.entry("Morocco", "Casablanca"),
          Map.entry("Turkey", "Istanbul"), Map.entry("New Zealand", "Auckland"), Map.entry("Switzerland", "Zurich"),
          Map.entry("Nigeria", "Lagos"), Map.entry("Pakistan", "Karachi"), Map.entry("South Africa", "Cape Town"),
          Map.entry("Kazakhstan", "Almaty"), Map.entry("Bolivia", "La Paz"), Map.entry("Myanmar", "Yangon"),
          Map.entry("Tanzania", "Dar es Salaam"), Map.entry("Sri Lanka", "Colombo"),
          Map.entry("Côte d'Ivoire", "Abidjan"));
  private static final Map<String, String> EVALUATORS = Map.of("contains", "1.0.0", "similar", "1.0.0");

  private SampleRuns() {}

  /** A sample run in memory. */
  public record SampleRun(RunSummary summary, List<ItemResult> results) {
    public SampleRun {
      results = List.copyOf(results);
    }

    public void forEach(Consumer<ItemResult> action) {
      results.forEach(action);
    }
  }

  /** 3 providers × 1 prompt × 24 tests = 72 results. */
  public static SampleRun threeProviders() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Sizes the sample run; results are generated on demand, so large runs cost no memory. */
  public static final class Builder {
    private int tests = CAPITALS.length;
    private int prompts = 1;
    private int providers = PROVIDERS.size();
    private long seed = 42;

    public Builder tests(int value) {
      tests = value;
      return this;
    }

    public Builder prompts(int value) {
      if (value < 1 || value > PROMPTS.size()) throw new IllegalArgumentException("1 or 2 prompts");
      prompts = value;
      return this;
    }

    public Builder providers(int value) {
      if (value < 1 || value > PROVIDERS.size()) throw new IllegalArgumentException("1 to 3 providers");
      providers = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public long itemCount() {
      return (long) tests * prompts * providers;
    }

    /** The results in item-id order (test, prompt, provider), generated one at a time. */
    public Stream<ItemResult> stream() {
      return IntStream.range(0, tests)
          .boxed()
          .flatMap(test -> IntStream.range(0, prompts).boxed()
              .flatMap(prompt -> IntStream.range(0, providers).mapToObj(provider -> result(test, prompt, provider))));
    }

    public void forEach(Consumer<ItemResult> action) {
      stream().forEach(action);
    }

    /** The summary of {@link #stream()}, computed in one pass over it. */
    public RunSummary summary() {
      var groups = new LinkedHashMap<String, GroupStats>();
      for (int prompt = 0; prompt < prompts; prompt++)
        for (int provider = 0; provider < providers; provider++)
          groups.put(provider + "/" + prompt, new GroupStats(provider, prompt));
      forEach(result -> groups.get(result.providerIndex() + "/" + promptIndex(result)).add(result));
      List<GroupSummary> summaries = groups.values().stream()
          .sorted((a, b) -> a.provider != b.provider ? a.provider - b.provider : a.prompt - b.prompt)
          .map(GroupStats::summary).toList();
      long items = summaries.stream().mapToLong(GroupSummary::items).sum();
      long passed = summaries.stream().mapToLong(GroupSummary::passed).sum();
      TokenUsage tokens = summaries.stream().map(GroupSummary::tokens).reduce(TokenUsage.NONE, TokenUsage::plus);
      long durationMs = 11_000 + itemCount() * 180;
      var totals = new Totals(
          items, passed, summaries.stream().mapToLong(GroupSummary::failed).sum(),
          summaries.stream().mapToLong(GroupSummary::errors).sum(), items == 0 ? 0 : passed / (double) items, tokens,
          summaries.stream().mapToDouble(GroupSummary::costUsd).sum(),
          summaries.stream().mapToLong(GroupSummary::costUnknownItems).sum(), durationMs);
      return new RunSummary(
          RunSummary.FORMAT_VERSION, RUN_ID, "Capital cities: " + providers + " providers", STARTED_AT,
          STARTED_AT.plus(Duration.ofMillis(durationMs)), totals, summaries, EVALUATORS);
    }

    public SampleRun build() {
      return new SampleRun(summary(), stream().toList());
    }

    private ItemResult result(int test, int prompt, int provider) {
      SampleProvider spec = PROVIDERS.get(provider);
      long index = ((long) test * prompts + prompt) * providers + provider;
      var random = new SplittableRandom(seed * 1_000_003L + index);
      String[] capital = CAPITALS[test % CAPITALS.length];
      String country = capital[0];
      String answer = capital[1];
      String description = "capital of " + country + (test >= CAPITALS.length ? " #" + (test / CAPITALS.length + 1) : "");
      String promptText = prompt == 0
          ? "Answer in one sentence: what is the capital of " + country + "?"
          : "Think step by step, then name the capital of " + country + ".";
      Map<String, Object> vars = new TreeMap<>(Map.of("country", country, "capital", answer));
      Instant startedAt = STARTED_AT.plusMillis(index * 180);
      long tokensIn = 38 + random.nextInt(12) + (prompt == 1 ? 10 : 0);
      int attempts = 1;

      if (spec.errorKind() != null && random.nextDouble() < spec.errorRate()) {
        attempts = spec.errorKind().equals("timeout") ? 1 : 5;
        String message = spec.errorKind().equals("timeout")
            ? "no response within 60 s"
            : "HTTP 429 after 5 attempts: rate limit of 50 requests per minute reached";
        return new ItemResult(
            RUN_ID, WorkItem.idOf(test, prompt, provider, 0), test, description, vars, Map.of("category", "geography"),
            PROMPTS.get(prompt).get(0), PROMPTS.get(prompt).get(1), promptText, provider, spec.id(), spec.label(), 0,
            ItemStatus.ERROR, 0, "", "", List.of(), Map.of(), TokenUsage.NONE, TokenUsage.NONE,
            spec.usdPerMillionIn() == null ? null : 0.0, spec.errorKind().equals("timeout") ? 60_000 : 0, null, null, false, attempts,
            new ItemError(spec.errorKind(), message), startedAt);
      }

      boolean pass = random.nextDouble() < spec.passRate();
      boolean wrongCity = !pass && random.nextDouble() < 0.6;
      String city = answer;
      if (wrongCity) {
        city = WRONG_GUESSES.get(country);
      }
      String output = prompt == 0
          ? "The capital of " + country + " is " + city + "."
          : "Let me think. " + country + "'s government sits in " + city + ", so the capital of " + country + " is "
              + city + ".";
      if (!pass && !wrongCity)
        output = "Many people assume it is the largest city, but " + country + " has several important cities and "
            + "the answer depends on context. Its capital is " + city + ", although " + country
            + " is also known for its culture, food and history, which visitors often mention first.";
      double similarity = pass || wrongCity ? 0.78 + random.nextDouble() * 0.2 : 0.45 + random.nextDouble() * 0.25;
      similarity = Math.round(similarity * 1000) / 1000.0;
      var contains = new AssertionOutcome(
          "contains", !wrongCity, wrongCity ? 0 : 1,
          wrongCity ? "expected output to contain \"" + answer + "\"" : "output contains \"" + answer + "\"", 1,
          "accuracy", List.of());
      boolean similar = similarity >= 0.75;
      var similarOutcome = new AssertionOutcome(
          "similar", similar, similarity,
          "similarity %.3f %s threshold 0.75".formatted(similarity, similar ? "meets" : "is below"), 1, "relevance",
          List.of());
      ItemStatus status = !wrongCity && similar ? ItemStatus.PASS : ItemStatus.FAIL;
      double score = ((wrongCity ? 0 : 1) + similarity) / 2;
      String reason = status == ItemStatus.PASS ? "All assertions passed"
          : wrongCity ? contains.reason() : similarOutcome.reason();
      long tokensOut = Math.max(6, output.length() / 4 + random.nextInt(4));
      long latency = Math.round(spec.medianLatencyMs() * Math.exp(0.35 * random.nextGaussian()) + tokensOut * 3);
      Double cost = spec.usdPerMillionIn() == null
          ? null
          : (tokensIn * spec.usdPerMillionIn() + tokensOut * spec.usdPerMillionOut()) / 1_000_000;
      return new ItemResult(
          RUN_ID, WorkItem.idOf(test, prompt, provider, 0), test, description, vars, Map.of("category", "geography"),
          PROMPTS.get(prompt).get(0), PROMPTS.get(prompt).get(1), promptText, provider, spec.id(), spec.label(), 0,
          status, score, reason, output, List.of(contains, similarOutcome),
          new TreeMap<>(Map.of("accuracy", contains.score(), "relevance", similarity)), new TokenUsage(tokensIn, tokensOut),
          TokenUsage.NONE, cost, latency, null, "stop", false, attempts, null, startedAt);
    }

    private static int promptIndex(ItemResult result) {
      return Integer.parseInt(result.promptId().substring(1));
    }
  }

  /** A copy of {@code result} with another output (to test how outputs render). */
  public static ItemResult withOutput(ItemResult result, String output) {
    return new ItemResult(
        result.runId(), result.itemId(), result.testIndex(), result.testDescription(), result.vars(), result.metadata(),
        result.promptId(), result.promptLabel(), result.renderedPrompt(), result.providerIndex(), result.providerId(),
        result.providerLabel(), result.repeatIndex(), result.status(), result.score(), result.reason(), output,
        result.assertions(), result.namedScores(), result.tokens(), result.judgeTokens(), result.costUsd(),
        result.latencyMs(), result.timeToFirstTokenMs(), result.finishReason(), result.cached(), result.attempts(),
        result.error(), result.startedAt());
  }

  /** A copy of {@code result} with another test description and reason. */
  public static ItemResult withTest(ItemResult result, String testDescription, String reason) {
    return new ItemResult(
        result.runId(), result.itemId(), result.testIndex(), testDescription, result.vars(), result.metadata(),
        result.promptId(), result.promptLabel(), result.renderedPrompt(), result.providerIndex(), result.providerId(),
        result.providerLabel(), result.repeatIndex(), result.status(), result.score(), reason, result.output(),
        result.assertions(), result.namedScores(), result.tokens(), result.judgeTokens(), result.costUsd(),
        result.latencyMs(), result.timeToFirstTokenMs(), result.finishReason(), result.cached(), result.attempts(),
        result.error(), result.startedAt());
  }

  /** A copy of {@code result} from another provider label and with other test metadata. */
  public static ItemResult withProvider(ItemResult result, String providerLabel, Map<String, Object> metadata) {
    return new ItemResult(
        result.runId(), result.itemId(), result.testIndex(), result.testDescription(), result.vars(), metadata,
        result.promptId(), result.promptLabel(), result.renderedPrompt(), result.providerIndex(), result.providerId(),
        providerLabel, result.repeatIndex(), result.status(), result.score(), result.reason(), result.output(),
        result.assertions(), result.namedScores(), result.tokens(), result.judgeTokens(), result.costUsd(),
        result.latencyMs(), result.timeToFirstTokenMs(), result.finishReason(), result.cached(), result.attempts(),
        result.error(), result.startedAt());
  }

  /** A copy of {@code result} of another run that failed with this output and reason (score 0). */
  public static ItemResult failedIn(String runId, ItemResult result, String output, String reason) {
    return new ItemResult(
        runId, result.itemId(), result.testIndex(), result.testDescription(), result.vars(), result.metadata(),
        result.promptId(), result.promptLabel(), result.renderedPrompt(), result.providerIndex(), result.providerId(),
        result.providerLabel(), result.repeatIndex(), ItemStatus.FAIL, 0, reason, output, result.assertions(),
        Map.of("accuracy", 0.0, "relevance", 0.0), result.tokens(), result.judgeTokens(), result.costUsd(),
        result.latencyMs(), result.timeToFirstTokenMs(), result.finishReason(), result.cached(), result.attempts(), null,
        result.startedAt());
  }

  /** A copy of {@code result} in another run. */
  public static ItemResult inRun(String runId, ItemResult result) {
    return new ItemResult(
        runId, result.itemId(), result.testIndex(), result.testDescription(), result.vars(), result.metadata(),
        result.promptId(), result.promptLabel(), result.renderedPrompt(), result.providerIndex(), result.providerId(),
        result.providerLabel(), result.repeatIndex(), result.status(), result.score(), result.reason(), result.output(),
        result.assertions(), result.namedScores(), result.tokens(), result.judgeTokens(), result.costUsd(),
        result.latencyMs(), result.timeToFirstTokenMs(), result.finishReason(), result.cached(), result.attempts(),
        result.error(), result.startedAt());
  }

  /** Counts and sums of one group, turned into a {@link GroupSummary}. */
  private static final class GroupStats {
    private static final double Z = 1.959964;
    final int provider;
    final int prompt;
    long items;
    long passed;
    long failed;
    long errors;
    final Moments score = new Moments();
    final Map<String, Moments> metrics = new TreeMap<>();
    long[] latencies = new long[64];
    int latencyCount;
    TokenUsage tokens = TokenUsage.NONE;
    double cost;
    long costUnknown;
    final Map<String, Long> errorsByKind = new TreeMap<>();

    GroupStats(int provider, int prompt) {
      this.provider = provider;
      this.prompt = prompt;
    }

    void add(ItemResult result) {
      items++;
      tokens = tokens.plus(result.tokens());
      if (result.costUsd() == null) costUnknown++;
      else cost += result.costUsd();
      switch (result.status()) {
        case PASS -> passed++;
        case FAIL -> failed++;
        case ERROR -> {
          errors++;
          errorsByKind.merge(result.error().kind(), 1L, Long::sum);
          return;
        }
      }
      score.add(result.score());
      result.namedScores().forEach((name, value) -> metrics.computeIfAbsent(name, n -> new Moments()).add(value));
      if (latencyCount == latencies.length) latencies = Arrays.copyOf(latencies, latencyCount * 2);
      latencies[latencyCount++] = result.latencyMs();
    }

    GroupSummary summary() {
      SampleProvider spec = PROVIDERS.get(provider);
      Map<String, Estimate> metricEstimates = new TreeMap<>();
      metrics.forEach((name, moments) -> metricEstimates.put(name, moments.estimate()));
      return new GroupSummary(
          provider, spec.id(), spec.label(), PROMPTS.get(prompt).get(0), PROMPTS.get(prompt).get(1), items, passed,
          failed, errors, wilson(passed, items), score.estimate(), metricEstimates, latency(), tokens, cost, costUnknown,
          errorsByKind);
    }

    private LatencySummary latency() {
      if (latencyCount == 0) return new LatencySummary(0, 0, 0, 0, 0, 0);
      long[] sorted = Arrays.copyOf(latencies, latencyCount);
      Arrays.sort(sorted);
      double mean = Arrays.stream(sorted).average().orElse(0);
      return new LatencySummary(
          latencyCount, rank(sorted, 0.5), rank(sorted, 0.95), rank(sorted, 0.99), mean, sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double quantile) {
      return sorted[(int) Math.max(0, Math.ceil(quantile * sorted.length) - 1)];
    }

    static Proportion wilson(long successes, long trials) {
      if (trials == 0) return new Proportion(0, 0, 0, 0, 0);
      double p = successes / (double) trials;
      double denominator = 1 + Z * Z / trials;
      double centre = (p + Z * Z / (2 * trials)) / denominator;
      double margin = Z * Math.sqrt(p * (1 - p) / trials + Z * Z / (4.0 * trials * trials)) / denominator;
      return new Proportion(successes, trials, p, Math.max(0, centre - margin), Math.min(1, centre + margin));
    }
  }

  /** Running mean and variance (Welford). */
  private static final class Moments {
    long n;
    double mean;
    double m2;

    void add(double value) {
      n++;
      double delta = value - mean;
      mean += delta / n;
      m2 += delta * (value - mean);
    }

    Estimate estimate() {
      if (n == 0) return new Estimate(0, 0, 0, 0, 0);
      double sd = n < 2 ? 0 : Math.sqrt(m2 / (n - 1));
      double margin = n < 2 ? 0 : GroupStats.Z * sd / Math.sqrt(n);
      return new Estimate(n, mean, sd, mean - margin, mean + margin);
    }
  }
}
