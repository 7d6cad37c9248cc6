package dev.ltb.suite.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.plugin.PluginConfigCheck;
import dev.ltb.plugin.PluginException;
import dev.ltb.plugin.PluginKind;
import dev.ltb.plugin.PluginLocator;
import dev.ltb.plugin.PluginManifest;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.plugin.PluginSupport;
import dev.ltb.suite.PluginSpec;
import dev.ltb.suite.load.VocabularyCheck.PluginUseRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's plugins, checked before anything runs: each declaration under {@code plugins:} names a plugin
 * that exists, is the one its manifest and pin say (content hash) and, with a runtime, loads in the sandbox;
 * each use names a declared or bundled plugin of the right kind with a config its schema accepts. Problems
 * point at the path, pin, use or config the user wrote.
 */
final class PluginChecks {

  /** A plugin that passed its checks, pinned to the hash found. */
  private record Resolved(PluginSpec spec, PluginManifest manifest, PluginConfigCheck configCheck) {}

  private final PluginSupport support;
  private final Path baseDir;
  private final List<SuiteProblem> problems;
  private final Map<String, Resolved> resolved = new LinkedHashMap<>();
  private final Set<String> failed = new HashSet<>();

  PluginChecks(PluginSupport support, Path baseDir, List<SuiteProblem> problems) {
    this.support = support;
    this.baseDir = baseDir;
    this.problems = problems;
  }

  /**
   * Checks the declarations under {@code plugins:}; one the schema already found wrong (in {@code problems}) is
   * left at that, so each mistake is reported once.
   */
  void declare(SourceDocument document, JsonNode plugins) {
    if (plugins == null || !plugins.isObject()) return;
    for (Map.Entry<String, JsonNode> entry : plugins.properties()) {
      String field = "plugins." + entry.getKey();
      boolean misshapen =
          problems.stream().anyMatch(p -> p.field().equals(field) || p.field().startsWith(field + "."));
      if (misshapen) {
        failed.add(entry.getKey());
        continue;
      }
      if (!entry.getValue().isObject()) continue;
      declare(document, FieldPath.ROOT.key("plugins").key(entry.getKey()), entry.getKey(), entry.getValue());
    }
  }

  private void declare(SourceDocument document, FieldPath at, String name, JsonNode node) {
    String path = node.path("path").isTextual() ? node.get("path").asText() : null;
    PluginSpec spec =
        new PluginSpec(
            name,
            path == null ? null : baseDir.resolve(path).normalize().toString(),
            node.path("sha256").isTextual() ? node.get("sha256").asText() : null,
            node.path("config").isObject() ? node.get("config").deepCopy() : null,
            node.path("limits").isObject() ? limits(node.get("limits")) : null);
    FieldPath where = path == null ? at : at.key("path");
    PluginPackage found;
    try {
      found = support.locator().find(spec);
    } catch (PluginException | IllegalArgumentException e) {
      fail(name, document.problem(where, e.getMessage()));
      return;
    }
    if (spec.sha256() != null && !spec.sha256().equalsIgnoreCase(found.manifest().sha256())) {
      fail(name, document.problem(at.key("sha256"), PluginLocator.pinMismatch(spec, found)));
      return;
    }
    accept(document, where, spec.withSha256(found.manifest().sha256()), found);
  }

  /**
   * Checks every use against the plugins declared (or bundled), in the order written.
   *
   * @return the suite's plugins: the declared ones, then bundled ones used without a declaration
   */
  List<PluginSpec> resolve(List<PluginUseRef> uses) {
    for (PluginUseRef use : uses) {
      if (failed.contains(use.name())) continue;
      Resolved plugin = resolved.get(use.name());
      if (plugin == null) plugin = bundled(use);
      if (plugin == null) continue;
      if (plugin.manifest().kind() != use.kind()) {
        problems.add(use.document().problem(use.at(), wrongKind(use, plugin.manifest().kind())));
        continue;
      }
      JsonNode config = PluginConfigCheck.merge(plugin.spec().config(), use.config());
      FieldPath configAt = use.config() == null ? use.at() : use.configAt();
      plugin
          .configCheck()
          .problem(config)
          .ifPresent(
              problem ->
                  problems.add(
                      use.document().problem(
                          configAt,
                          "config does not match the configSchema of plugin " + use.name() + ": " + problem)));
    }
    List<PluginSpec> specs = new ArrayList<>();
    resolved.values().forEach(plugin -> specs.add(plugin.spec()));
    return specs;
  }

  private Resolved bundled(PluginUseRef use) {
    var found = support.locator().bundled().find(use.name());
    if (found.isEmpty()) {
      List<String> bundled = support.locator().bundled().names();
      problems.add(
          use.document().problem(
              use.at(),
              "unknown plugin \"" + use.name() + "\": declare it under plugins: with its path (plugins: {"
                  + use.name() + ": {path: ./" + use.name() + "/dist}})"
                  + (bundled.isEmpty() ? "" : "; bundled plugins: " + String.join(", ", bundled))));
      failed.add(use.name());
      return null;
    }
    accept(use.document(), use.at(), PluginSpec.bundled(use.name(), found.get().manifest().sha256()), found.get());
    return resolved.get(use.name());
  }

  private void accept(SourceDocument document, FieldPath where, PluginSpec spec, PluginPackage found) {
    try {
      if (support.runtime() != null) support.runtime().load(found.manifest(), found.module());
      resolved.put(spec.name(), new Resolved(spec, found.manifest(), new PluginConfigCheck(found.manifest())));
    } catch (PluginException e) {
      fail(spec.name(), document.problem(where, e.getMessage()));
    }
  }

  private void fail(String name, SuiteProblem problem) {
    failed.add(name);
    problems.add(problem);
  }

  private static PluginSpec.Limits limits(JsonNode limits) {
    return new PluginSpec.Limits(
        limits.path("memoryPages").isInt() ? limits.get("memoryPages").asInt() : null,
        limits.path("timeoutMs").isIntegralNumber() ? limits.get("timeoutMs").asLong() : null,
        limits.path("maxOutputBytes").isInt() ? limits.get("maxOutputBytes").asInt() : null);
  }

  private static String wrongKind(PluginUseRef use, PluginKind actual) {
    String id = "plugin:" + use.name();
    String howToUse =
        switch (actual) {
          case EVALUATOR -> "use it as an assertion (- type: " + id + ")";
          case TRANSFORM -> "use it as a test's transform (transform: " + id + ")";
          case SCORER -> "use it as a test's scorer (scorer: " + id + ")";
        };
    String here =
        switch (use.kind()) {
          case EVALUATOR -> "an assertion type needs an evaluator plugin";
          case TRANSFORM -> "transform needs a transform plugin";
          case SCORER -> "scorer needs a scorer plugin";
        };
    return id + (actual == PluginKind.EVALUATOR ? " is an " : " is a ") + actual.id() + " plugin (its plugin.json says \"kind\": \"" + actual.id() + "\"), but "
        + here + "; " + howToUse;
  }
}
