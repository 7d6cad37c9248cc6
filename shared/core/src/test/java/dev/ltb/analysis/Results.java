package dev.ltb.analysis;

import dev.ltb.engine.ItemError;
import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import dev.ltb.engine.WorkItem;
import dev.ltb.provider.TokenUsage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Item results for analysis tests: only what the analysis reads, with readable defaults. */
final class Results {

  private static final List<String> MODELS = List.of("model-a", "model-b", "model-c", "model-d");

  private String runId = "run-1";
  private final String model;
  private final int test;
  private String description;
  private Map<String, Object> vars;
  private Map<String, Object> metadata = Map.of();
  private String prompt = "p0";
  private String promptLabel = "main";
  private int repeat;
  private ItemStatus status = ItemStatus.PASS;
  private Double score;
  private Double costUsd;
  private TokenUsage tokens = new TokenUsage(100, 50);
  private long latencyMs = 1000;
  private boolean cached;
  private Map<String, Double> namedScores = Map.of();

  private Results(String model, int test) {
    this.model = model;
    this.test = test;
    this.description = "test " + test;
    this.vars = Map.of("n", test);
  }

  static Results item(String model, int test) {
    return new Results(model, test);
  }

  /** A passing (score 1) or failing (score 0) item. */
  static ItemResult outcome(String model, int test, boolean passed) {
    return item(model, test).passed(passed).build();
  }

  Results run(String value) {
    runId = value;
    return this;
  }

  Results passed(boolean value) {
    status = value ? ItemStatus.PASS : ItemStatus.FAIL;
    return this;
  }

  Results error() {
    status = ItemStatus.ERROR;
    return this;
  }

  Results score(double value) {
    score = value;
    return this;
  }

  Results cost(Double value) {
    costUsd = value;
    return this;
  }

  Results tokens(long input, long output) {
    tokens = new TokenUsage(input, output);
    return this;
  }

  Results latency(long value) {
    latencyMs = value;
    return this;
  }

  Results cached() {
    cached = true;
    return this;
  }

  Results repeat(int value) {
    repeat = value;
    return this;
  }

  Results prompt(String id, String label) {
    prompt = id;
    promptLabel = label;
    return this;
  }

  Results category(String value) {
    metadata = Map.of("category", value);
    return this;
  }

  Results metadata(Map<String, Object> value) {
    metadata = value;
    return this;
  }

  Results description(String value) {
    description = value;
    return this;
  }

  Results vars(Map<String, Object> value) {
    vars = value;
    return this;
  }

  Results metric(String name, double value) {
    Map<String, Double> copy = new HashMap<>(namedScores);
    copy.put(name, value);
    namedScores = copy;
    return this;
  }

  ItemResult build() {
    int providerIndex = MODELS.indexOf(model);
    boolean error = status == ItemStatus.ERROR;
    double itemScore = error ? 0 : score != null ? score : status == ItemStatus.PASS ? 1 : 0;
    return new ItemResult(runId, WorkItem.idOf(test, 0, Math.max(providerIndex, 0), repeat), test, description, vars,
        metadata, prompt, promptLabel, "rendered", Math.max(providerIndex, 0), "vendor:" + model, model, repeat, status,
        itemScore, "", error ? "" : "output", List.of(), error ? Map.of() : namedScores, error ? null : tokens, null,
        error ? null : costUsd, error ? 0 : latencyMs, null, "stop", cached, 1,
        error ? new ItemError("timeout", "no answer") : null, Instant.parse("2026-01-05T10:00:00Z"));
  }
}
