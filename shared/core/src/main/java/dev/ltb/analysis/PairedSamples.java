package dev.ltb.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ltb.engine.ItemResult;
import dev.ltb.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects item results one at a time, keeping per model (provider label) and per case only a pass flag, a
 * score, cost and latency, plus named metric values: enough for every paired test, bootstrap and ranking, so
 * an analysis can stream over a run's history ({@code history.forEachResult(runId, samples)}). Thread-safe, so
 * {@code samples::accept} also works as a result sink.
 *
 * <p>Two ways to decide that items of two models (or two runs) are the same case:
 *
 * <ul>
 *   <li>{@link #withinRun()}: test index + prompt id + repeat index. Models of one run are compared so.
 *   <li>{@link #acrossRuns()}: hash of the test's description and vars + prompt label + repeat index, so a case
 *       still matches after tests were reordered or added. Tests with the same description and vars are told
 *       apart by the order in which they first arrive (history streams results in test order).
 * </ul>
 *
 * A second result for the same model and case is ignored, like the history does with redelivered items. Memory
 * grows by one small entry per item (no outputs or prompts are kept). Analyse once the last result is in.
 */
public final class PairedSamples implements Consumer<ItemResult> {

  /** How cases are matched. */
  public enum Pairing {
    BY_TEST_INDEX,
    BY_TEST_CONTENT
  }

  /** What is kept per test: shown in case lists and used for categories. */
  record TestInfo(String description, Map<String, Object> metadata) {}

  private static final ObjectWriter CANONICAL =
      Json.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final Pairing pairing;
  private final Map<String, ModelSamples> models = new LinkedHashMap<>();
  private final Map<String, TestInfo> tests = new HashMap<>();
  private final Map<String, String> promptLabels = new HashMap<>();
  private final Map<Integer, String> contentKeys = new HashMap<>();
  private final Map<String, Integer> contentOccurrences = new HashMap<>();
  private String runId;
  private long items;

  private PairedSamples(Pairing pairing) {
    this.pairing = pairing;
  }

  public static PairedSamples withinRun() {
    return new PairedSamples(Pairing.BY_TEST_INDEX);
  }

  public static PairedSamples acrossRuns() {
    return new PairedSamples(Pairing.BY_TEST_CONTENT);
  }

  @Override
  public synchronized void accept(ItemResult result) {
    if (runId == null) runId = result.runId();
    String test = testKey(result);
    String prompt = pairing == Pairing.BY_TEST_INDEX ? result.promptId() : result.promptLabel();
    CaseKey key = new CaseKey(test, prompt, result.repeatIndex());
    ModelSamples model =
        models.computeIfAbsent(
            result.providerLabel(), label -> new ModelSamples(label, result.providerId(), result.providerIndex()));
    if (!model.add(key, result)) return;
    items++;
    tests.putIfAbsent(test, new TestInfo(result.testDescription(), result.metadata()));
    promptLabels.putIfAbsent(prompt, result.promptLabel());
  }

  public Pairing pairing() {
    return pairing;
  }

  /** The run of the first result, or null before any. */
  public synchronized String runId() {
    return runId;
  }

  /** Items kept (duplicates not counted). */
  public synchronized long size() {
    return items;
  }

  /** Model labels in suite order. */
  public synchronized List<String> models() {
    return modelSamples().stream().map(model -> model.label).toList();
  }

  synchronized List<ModelSamples> modelSamples() {
    List<ModelSamples> ordered = new ArrayList<>(models.values());
    ordered.sort(Comparator.comparingInt((ModelSamples m) -> m.providerIndex).thenComparing(m -> m.label));
    return ordered;
  }

  synchronized ModelSamples model(String label) {
    return models.get(label);
  }

  /**
   * The case id (a {@link CaseRef#caseId()}) of a test: within a run its zero-padded index; across runs the hash
   * of its description and vars, or null when no result of that test arrived yet. Lets a second pass over the
   * same results find the items a comparison lists.
   */
  public synchronized String caseId(int testIndex) {
    if (pairing == Pairing.BY_TEST_INDEX) return "%06d".formatted(testIndex);
    return contentKeys.get(testIndex);
  }

  synchronized TestInfo test(String testKey) {
    return tests.getOrDefault(testKey, new TestInfo(testKey, Map.of()));
  }

  synchronized String promptLabel(String promptKey) {
    return promptLabels.getOrDefault(promptKey, promptKey);
  }

  private String testKey(ItemResult result) {
    if (pairing == Pairing.BY_TEST_INDEX) return "%06d".formatted(result.testIndex());
    return contentKeys.computeIfAbsent(result.testIndex(), index -> {
      String hash = contentHash(result.testDescription(), result.vars());
      int occurrence = contentOccurrences.merge(hash, 1, Integer::sum) - 1;
      return occurrence == 0 ? hash : hash + "#" + occurrence;
    });
  }

  /** First 16 hex digits of SHA-256 over the description and the vars as JSON with sorted keys. */
  static String contentHash(String description, Map<String, Object> vars) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(String.valueOf(description).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(CANONICAL.writeValueAsString(vars).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot hash test " + description, e);
    }
  }
}
