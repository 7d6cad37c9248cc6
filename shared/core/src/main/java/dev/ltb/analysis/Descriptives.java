package dev.ltb.analysis;

import dev.ltb.stats.Bootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Per model and prompt: pass rate (Wilson) and mean, standard deviation and bootstrap interval of every score. */
final class Descriptives {

  private Descriptives() {}

  static List<GroupStatistics> of(PairedSamples samples, AnalysisOptions options) {
    Bootstrap bootstrap = options.bootstrap();
    List<GroupStatistics> groups = new ArrayList<>();
    for (ModelSamples model : samples.modelSamples()) {
      TreeSet<String> prompts = new TreeSet<>();
      model.samples.keySet().forEach(key -> prompts.add(key.prompt()));
      for (String prompt : prompts) {
        Map<CaseKey, Sample> ofPrompt = promptSlice(model.samples, prompt);
        double[] scores =
            ofPrompt.values().stream().filter(sample -> !sample.error()).mapToDouble(Sample::score).toArray();
        Map<String, BootstrapEstimate> metrics = new LinkedHashMap<>();
        model.metrics.forEach((metric, values) -> {
          double[] ofMetric = promptSlice(values, prompt).values().stream().mapToDouble(Double::doubleValue).toArray();
          if (ofMetric.length > 0) metrics.put(metric, BootstrapEstimate.of(ofMetric, bootstrap));
        });
        groups.add(new GroupStatistics(model.label, model.providerId, samples.promptLabel(prompt), ofPrompt.size(),
            Tally.of(ofPrompt.values()).passRate(), BootstrapEstimate.of(scores, bootstrap), metrics));
      }
    }
    return groups;
  }

  private static <V> Map<CaseKey, V> promptSlice(TreeMap<CaseKey, V> values, String prompt) {
    Map<CaseKey, V> slice = new LinkedHashMap<>();
    values.forEach((key, value) -> {
      if (key.prompt().equals(prompt)) slice.put(key, value);
    });
    return slice;
  }
}
