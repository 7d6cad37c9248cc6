package dev.ltb.suite.load;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.dataset.Dataset;
import dev.ltb.dataset.DatasetException;
import dev.ltb.dataset.DatasetFormat;
import dev.ltb.dataset.DatasetRef;
import dev.ltb.dataset.DatasetVersion;
import dev.ltb.dataset.TenantDatasets;
import dev.ltb.evaluator.derived.DerivedMetrics;
import dev.ltb.json.Json;
import dev.ltb.suite.DatasetPin;
import dev.ltb.suite.PluginSpec;
import dev.ltb.suite.Prompt;
import dev.ltb.suite.ProviderSpec;
import dev.ltb.suite.Suite;
import dev.ltb.suite.TestCase;
import dev.ltb.suite.load.SuiteAssembler.TestDraft;
import dev.ltb.suite.load.TreeReader.Format;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One load of one suite: reads the file and every file it references, collects every problem (not just
 * the first), and builds the suite only when there are none.
 */
final class LoadSession {

  /** A node of a document, remembered with where it came from. */
  private record NodeRef(SourceDocument document, FieldPath path, JsonNode node) {}

  private record PromptDraft(SourceDocument document, FieldPath path, String id, String label, String template) {}

  private record ScenarioRef(List<NodeRef> configs, List<NodeRef> tests) {}

  private static final String FILE = "file://";

  private final Path baseDir;
  private final String sourceName;
  private final List<SuiteProblem> problems = new ArrayList<>();
  private final List<FieldPath> unresolvedTemplates = new ArrayList<>();
  private final VocabularyCheck check;
  private final PluginChecks plugins;
  private final CsvTests csv;
  private final TenantDatasets datasets;
  private final List<DatasetPin> datasetPins = new ArrayList<>();

  LoadSession(SuiteVocabulary vocabulary, TenantDatasets datasets, String sourceName, Path baseDir) {
    this.datasets = datasets;
    this.sourceName = sourceName;
    this.baseDir = baseDir.toAbsolutePath().normalize();
    this.check = new VocabularyCheck(vocabulary, problems);
    this.plugins = new PluginChecks(vocabulary.plugins(), this.baseDir, problems);
    this.csv = new CsvTests(new ExpectedCell(vocabulary.assertionTypes()));
  }

  Suite load(String text) {
    SourceDocument document = TreeReader.read(sourceName, null, text, Format.of(sourceName), problems);
    if (document == null) throw failure();
    if (document.root() == null) {
      problems.add(
          new SuiteProblem(sourceName, 1, 1, "", "the file is empty; a suite needs at least prompts and providers"));
      throw failure();
    }
    resolveTemplates(document, document.root(), FieldPath.ROOT, null);
    problems.addAll(SuiteSchema.validate(document, SuiteSchema.Part.SUITE, unresolvedTemplates));
    if (!(document.root() instanceof ObjectNode root)) throw failure();

    List<PromptDraft> prompts = collectPrompts(document, root.get("prompts"));
    List<NodeRef> providers = collectProviders(document, root.get("providers"));
    NodeRef defaultTest = collectDefaultTest(document, root.get("defaultTest"));
    List<NodeRef> tests = collectTests(document, FieldPath.ROOT.key("tests"), root.get("tests"));
    List<ScenarioRef> scenarios = collectScenarios(document, root.get("scenarios"));
    JsonNode options = root.has("options") ? root.get("options") : root.get("evaluateOptions");
    if (root.has("options") && root.has("evaluateOptions")) {
      problems.add(
          document.keyProblem(
              FieldPath.ROOT.key("evaluateOptions"),
              "write either \"options\" or \"evaluateOptions\" (the same keys), not both"));
    }
    List<Prompt> builtPrompts = buildPrompts(prompts);
    checkDerivedMetrics(document, root.get("derivedMetrics"));
    plugins.declare(document, root.get("plugins"));
    List<PluginSpec> pluginSpecs = plugins.resolve(check.pluginUses());
    if (!problems.isEmpty()) throw failure();

    List<TestCase> testCases = buildTests(defaultTest, tests, scenarios);
    List<ProviderSpec> builtProviders = providers.stream().map(ref -> SuiteAssembler.provider(ref.node())).toList();
    String description = root.path("description").isTextual() ? root.get("description").asText() : null;
    return new Suite(
        description,
        builtPrompts,
        builtProviders,
        testCases,
        SuiteAssembler.options(options),
        sourceName,
        SuiteAssembler.derivedMetrics(root.get("derivedMetrics")),
        pluginSpecs,
        datasetPins);
  }

  /** The number of tests in one tests file's text, or the failure listing its problems. */
  int countTests(String name, DatasetFormat format, String text) {
    List<NodeRef> tests = new ArrayList<>();
    SourceDocument none = new SourceDocument(name, null, null);
    readTests(none, FieldPath.ROOT, name, null, format.extension(), text, tests);
    if (!problems.isEmpty()) throw failure();
    return tests.size();
  }

  /** Expressions that do not parse are reported where they are written, before anything runs. */
  private void checkDerivedMetrics(SourceDocument document, JsonNode metrics) {
    if (metrics == null || !metrics.isArray()) return;
    FieldPath path = FieldPath.ROOT.key("derivedMetrics");
    Map<String, FieldPath> names = new HashMap<>();
    for (int i = 0; i < metrics.size(); i++) {
      JsonNode metric = metrics.get(i);
      if (!metric.path("name").isTextual() || !metric.path("value").isTextual()) continue;
      FieldPath first = names.putIfAbsent(metric.get("name").asText(), path.index(i));
      if (first != null) {
        problems.add(
            document.problem(
                path.index(i).key("name"),
                "duplicate derived metric \"%s\" (also %s)".formatted(metric.get("name").asText(), first.display())));
      }
      FieldPath value = path.index(i).key("value");
      DerivedMetrics.syntaxError(metric.get("value").asText())
          .ifPresent(error -> problems.add(document.problem(value, error)));
    }
  }

  /** defaultTest merged into every test and scenario test, then list vars expanded. */
  private static List<TestCase> buildTests(NodeRef defaultTest, List<NodeRef> tests, List<ScenarioRef> scenarios) {
    TestDraft defaults = defaultTest == null ? TestDraft.EMPTY : SuiteAssembler.draft(defaultTest.node());
    List<TestCase> testCases = new ArrayList<>();
    for (NodeRef test : tests) {
      testCases.addAll(SuiteAssembler.expand(SuiteAssembler.merge(defaults, SuiteAssembler.draft(test.node()))));
    }
    for (ScenarioRef scenario : scenarios) {
      List<TestDraft> scenarioTests =
          scenario.tests().isEmpty()
              ? List.of(TestDraft.EMPTY)
              : scenario.tests().stream().map(ref -> SuiteAssembler.draft(ref.node())).toList();
      for (NodeRef config : scenario.configs()) {
        TestDraft configDraft = SuiteAssembler.draft(config.node());
        for (TestDraft test : scenarioTests) {
          testCases.addAll(
              SuiteAssembler.expand(SuiteAssembler.merge(defaults, SuiteAssembler.merge(configDraft, test))));
        }
      }
    }
    return testCases;
  }

  // ---- assertion templates ($ref) ----

  private void resolveTemplates(SourceDocument document, JsonNode node, FieldPath path, String key) {
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        FieldPath itemPath = path.index(i);
        if ("assert".equals(key) && item.isObject() && item.has("$ref") && item.size() == 1) {
          JsonNode target = templateAt(document, itemPath.key("$ref"), item.get("$ref"));
          if (target != null) array.set(i, target.deepCopy());
          else unresolvedTemplates.add(itemPath);
        } else {
          resolveTemplates(document, item, itemPath, null);
        }
      }
    } else if (node instanceof ObjectNode object) {
      for (var entry : object.properties()) {
        resolveTemplates(document, entry.getValue(), path.key(entry.getKey()), entry.getKey());
      }
    }
  }

  private JsonNode templateAt(SourceDocument document, FieldPath refPath, JsonNode ref) {
    String text = ref.asText();
    JsonNode target = null;
    if (ref.isTextual() && text.startsWith("#/")) {
      try {
        target = document.root().at(JsonPointer.compile(text.substring(1)));
      } catch (IllegalArgumentException e) {
        target = null;
      }
    }
    if (target == null || target.isMissingNode() || !target.isObject()) {
      JsonNode templates = document.root().path("assertionTemplates");
      List<String> names = new ArrayList<>();
      templates.fieldNames().forEachRemaining(names::add);
      problems.add(
          document.problem(
              refPath,
              "cannot resolve %s; write \"#/assertionTemplates/<name>\" with a template defined under"
                      .formatted(SchemaMessages.quote(text))
                  + " assertionTemplates"
                  + (names.isEmpty() ? " (none is)" : " (defined: " + String.join(", ", names) + ")")));
      return null;
    }
    return target;
  }

  // ---- prompts ----

  private List<PromptDraft> collectPrompts(SourceDocument document, JsonNode prompts) {
    List<PromptDraft> drafts = new ArrayList<>();
    FieldPath path = FieldPath.ROOT.key("prompts");
    if (prompts == null) return drafts;
    if (prompts.isTextual()) {
      collectPrompt(document, path, prompts, drafts);
    } else if (prompts.isArray()) {
      for (int i = 0; i < prompts.size(); i++) collectPrompt(document, path.index(i), prompts.get(i), drafts);
    }
    return drafts;
  }

  private void collectPrompt(SourceDocument document, FieldPath path, JsonNode prompt, List<PromptDraft> drafts) {
    if (prompt.isTextual()) {
      String text = prompt.asText();
      if (text.startsWith(FILE)) {
        loadPromptFiles(document, path, text, null, drafts);
      } else {
        checkChatText(document, path, text);
        drafts.add(new PromptDraft(document, path, null, null, text));
      }
    } else if (prompt.isObject()) {
      String id = prompt.path("id").isTextual() ? prompt.get("id").asText() : null;
      String label = prompt.path("label").isTextual() ? prompt.get("label").asText() : null;
      JsonNode raw = prompt.has("raw") ? prompt.get("raw") : prompt.get("content");
      if (raw != null && raw.isTextual()) {
        checkChatText(document, path, raw.asText());
        drafts.add(new PromptDraft(document, path, id, label, raw.asText()));
      } else if (id != null && id.startsWith(FILE)) {
        loadPromptFiles(document, path.key("id"), id, label, drafts);
      } else if (raw == null) {
        problems.add(
            document.problem(
                path,
                "a prompt object needs the template in \"raw\" (or \"content\"), or an id that is a file://"
                    + " reference"));
      }
    }
  }

  private void loadPromptFiles(
      SourceDocument document, FieldPath path, String ref, String label, List<PromptDraft> drafts) {
    for (Path file : resolve(document, path, ref)) {
      String text = readReferenced(document, path, file);
      if (text == null) continue;
      String name = displayName(file);
      String extension = extension(file);
      List<String> templates = new ArrayList<>();
      switch (extension) {
        case "txt", "md", "j2", "prompt", "" -> {
          for (String part : text.split("(?m)^[ \\t]*---[ \\t]*\\r?$")) {
            if (!part.isBlank()) templates.add(part.strip());
          }
        }
        case "json", "yaml", "yml" -> {
          SourceDocument chat = TreeReader.read(name, file, text, Format.of(file.toString()), problems);
          if (chat != null && checkChatNode(chat, FieldPath.ROOT, chat.root())) {
            templates.add(extension.equals("json") ? text.strip() : Json.write(chat.root()));
          }
        }
        case "jsonl" -> {
          SourceDocument chats = TreeReader.read(name, file, text, Format.JSON_LINES, problems);
          if (chats != null) {
            for (int i = 0; i < chats.root().size(); i++) {
              FieldPath line = FieldPath.ROOT.index(i);
              if (checkChatNode(chats, line, chats.root().get(i))) templates.add(Json.write(chats.root().get(i)));
            }
          }
        }
        default ->
            problems.add(
                document.problem(
                    path,
                    "cannot use %s as a prompt: prompt files must be .txt or .md (several prompts separated by"
                            .formatted(name)
                        + " lines of ---), or .json, .jsonl, .yaml chat messages"));
      }
      if (templates.isEmpty() && List.of("txt", "md", "j2", "prompt", "").contains(extension)) {
        problems.add(document.problem(path, name + " holds no prompt text"));
      }
      for (int i = 0; i < templates.size(); i++) {
        String shown = label == null || templates.size() == 1 ? label : label + " #" + (i + 1);
        drafts.add(new PromptDraft(document, path, null, shown, templates.get(i)));
      }
    }
  }

  /** A prompt string that is a JSON list of chat messages must be a well-formed one. */
  private void checkChatText(SourceDocument document, FieldPath path, String text) {
    String trimmed = text.strip();
    if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) return;
    JsonNode chat;
    try {
      chat = Json.mapper().readTree(trimmed);
    } catch (IOException notJson) {
      return; // plain text that happens to start with "[", e.g. "[INST] ... [/INST]"
    }
    if (chat.isArray() && !chat.isEmpty() && chat.get(0).isObject()) {
      String problem = chatProblem(chat);
      if (problem != null) problems.add(document.problem(path, problem));
    }
  }

  private boolean checkChatNode(SourceDocument document, FieldPath path, JsonNode chat) {
    String problem =
        chat == null || !chat.isArray() ? "must be a list of chat messages ({role, content})" : chatProblem(chat);
    if (problem != null) problems.add(document.problem(path, problem));
    return problem == null;
  }

  private static String chatProblem(JsonNode chat) {
    if (chat.isEmpty()) return "a chat prompt needs at least one message";
    for (int i = 0; i < chat.size(); i++) {
      JsonNode message = chat.get(i);
      if (!message.isObject() || !message.path("role").isTextual() || !message.has("content")) {
        return ("chat message %d must be an object with \"role\" and \"content\""
                + " (e.g. {\"role\": \"user\", \"content\": \"...\"})")
            .formatted(i + 1);
      }
    }
    return null;
  }

  private List<Prompt> buildPrompts(List<PromptDraft> drafts) {
    Map<String, PromptDraft> byId = new HashMap<>();
    List<Prompt> prompts = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      PromptDraft draft = drafts.get(i);
      String id = draft.id() != null ? draft.id() : "p" + i;
      PromptDraft first = byId.putIfAbsent(id, draft);
      if (first != null) {
        FieldPath at = draft.id() != null ? draft.path().key("id") : draft.path();
        problems.add(
            draft.document().problem(
                at,
                "duplicate prompt id \"%s\" (also %s); give each prompt its own id"
                    .formatted(id, first.path().display())));
      }
      prompts.add(new Prompt(id, draft.label(), draft.template()));
    }
    return prompts;
  }

  // ---- providers ----

  private List<NodeRef> collectProviders(SourceDocument document, JsonNode providers) {
    List<NodeRef> refs = new ArrayList<>();
    FieldPath path = FieldPath.ROOT.key("providers");
    if (providers == null) return refs;
    if (providers.isTextual()) refs.add(new NodeRef(document, path, providers));
    else if (providers.isArray()) {
      for (int i = 0; i < providers.size(); i++) refs.add(new NodeRef(document, path.index(i), providers.get(i)));
    }
    Map<String, NodeRef> byLabel = new HashMap<>();
    for (NodeRef ref : refs) {
      JsonNode provider = ref.node();
      if (!provider.isTextual() && !(provider.isObject() && provider.path("id").isTextual())) continue;
      check.checkProviderId(document, ref.path(), provider);
      boolean labelled = provider.isObject() && provider.path("label").isTextual();
      JsonNode id = provider.isObject() ? provider.get("id") : provider;
      String label = labelled ? provider.get("label").asText() : id.asText();
      NodeRef first = byLabel.putIfAbsent(label, ref);
      if (first != null) {
        FieldPath at = labelled ? ref.path().key("label") : provider.isObject() ? ref.path().key("id") : ref.path();
        problems.add(
            document.problem(
                at,
                "duplicate provider label \"%s\" (also %s); give each provider a distinct \"label\""
                    .formatted(label, first.path().display())));
      }
    }
    return refs;
  }

  // ---- tests ----

  private NodeRef collectDefaultTest(SourceDocument document, JsonNode defaultTest) {
    FieldPath path = FieldPath.ROOT.key("defaultTest");
    if (defaultTest == null) return null;
    if (defaultTest.isObject()) {
      check.checkTest(document, path, defaultTest);
      return new NodeRef(document, path, defaultTest);
    }
    if (!defaultTest.isTextual() || !defaultTest.asText().startsWith(FILE)) return null;
    List<Path> files = resolve(document, path, defaultTest.asText());
    if (files.size() > 1) {
      problems.add(document.problem(path, "defaultTest must reference one file, the pattern matches " + files.size()));
      return null;
    }
    for (Path file : files) {
      if (!List.of("yaml", "yml", "json").contains(extension(file))) {
        problems.add(document.problem(path, "defaultTest files must be .yaml, .yml or .json"));
        return null;
      }
      String text = readReferenced(document, path, file);
      if (text == null) return null;
      SourceDocument loaded = TreeReader.read(displayName(file), file, text, Format.of(file.toString()), problems);
      if (loaded == null) return null;
      if (loaded.root() == null) {
        problems.add(new SuiteProblem(loaded.name(), 1, 1, "", "the file is empty; it must hold a test object"));
        return null;
      }
      problems.addAll(SuiteSchema.validate(loaded, SuiteSchema.Part.TEST));
      check.checkTest(loaded, FieldPath.ROOT, loaded.root());
      return new NodeRef(loaded, FieldPath.ROOT, loaded.root());
    }
    return null;
  }

  private List<NodeRef> collectTests(SourceDocument document, FieldPath path, JsonNode tests) {
    List<NodeRef> refs = new ArrayList<>();
    if (tests == null) return refs;
    if (tests.isTextual()) {
      refs.addAll(loadTestFiles(document, path, tests.asText()));
    } else if (tests.isObject()) {
      check.checkTest(document, path, tests);
      refs.add(new NodeRef(document, path, tests));
    } else if (tests.isArray()) {
      for (int i = 0; i < tests.size(); i++) {
        JsonNode test = tests.get(i);
        if (test.isTextual()) {
          refs.addAll(loadTestFiles(document, path.index(i), test.asText()));
        } else {
          check.checkTest(document, path.index(i), test);
          refs.add(new NodeRef(document, path.index(i), test));
        }
      }
    }
    return refs;
  }

  private List<NodeRef> loadTestFiles(SourceDocument document, FieldPath path, String ref) {
    List<NodeRef> refs = new ArrayList<>();
    if (DatasetRef.isReference(ref)) {
      loadDataset(document, path, ref, refs);
      return refs;
    }
    if (!ref.startsWith(FILE)) return refs;
    for (Path file : resolve(document, path, ref)) {
      String extension = extension(file);
      if (!List.of("csv", "jsonl", "json", "yaml", "yml").contains(extension)) {
        problems.add(
            document.problem(path, "tests files must be .csv, .jsonl, .json, .yaml or .yml, not " + displayName(file)));
        continue;
      }
      String text = readReferenced(document, path, file);
      if (text == null) continue;
      readTests(document, path, displayName(file), file, extension, text, refs);
    }
    return refs;
  }

  /** An uploaded dataset's tests, read as its file would be; the version read is pinned in the suite. */
  private void loadDataset(SourceDocument document, FieldPath path, String ref, List<NodeRef> refs) {
    DatasetRef parsed;
    Optional<Dataset> found;
    try {
      parsed = DatasetRef.parse(ref);
      found = datasets.find(parsed);
    } catch (IllegalArgumentException | DatasetException e) {
      problems.add(document.problem(path, e.getMessage()));
      return;
    }
    if (found.isEmpty()) {
      problems.add(
          document.problem(
              path,
              "no ready dataset " + (parsed.pinned() ? parsed.toString() : parsed.name())
                  + ": upload it (POST /datasets, then PUT the file and validate it) or check the name and sha256"
                  + " (GET /datasets/" + parsed.name() + " lists its versions)"));
      return;
    }
    DatasetVersion version = found.get().version();
    String name = "dataset " + parsed.name() + "@" + version.sha256().substring(0, 12);
    int before = refs.size();
    readTests(document, path, name, null, version.format().extension(), found.get().text(), refs);
    datasetPins.add(new DatasetPin(ref, version.name(), version.sha256(), refs.size() - before));
  }

  /** Adds the tests of one tests file's text (CSV, JSON Lines, JSON or YAML, by {@code extension}) to {@code refs}. */
  private void readTests(
      SourceDocument document, FieldPath path, String name, Path file, String extension, String text,
      List<NodeRef> refs) {
    SourceDocument loaded =
        extension.equals("csv")
            ? csv.read(name, file, text, problems)
            : TreeReader.read(name, file, text, Format.of(name + "." + extension), problems);
    if (loaded == null) return;
    if (loaded.root() == null) {
      problems.add(new SuiteProblem(name, 1, 1, "", "the file is empty; it must hold a list of tests"));
      return;
    }
    problems.addAll(SuiteSchema.validate(loaded, SuiteSchema.Part.TEST_LIST));
    if (!loaded.root().isArray()) return;
    for (int i = 0; i < loaded.root().size(); i++) {
      FieldPath testPath = FieldPath.ROOT.index(i);
      check.checkTest(loaded, testPath, loaded.root().get(i));
      refs.add(new NodeRef(loaded, testPath, loaded.root().get(i)));
    }
  }

  private List<ScenarioRef> collectScenarios(SourceDocument document, JsonNode scenarios) {
    List<ScenarioRef> refs = new ArrayList<>();
    if (scenarios == null || !scenarios.isArray()) return refs;
    for (int i = 0; i < scenarios.size(); i++) {
      JsonNode scenario = scenarios.get(i);
      FieldPath path = FieldPath.ROOT.key("scenarios").index(i);
      List<NodeRef> configs = new ArrayList<>();
      JsonNode config = scenario.get("config");
      if (config != null && config.isArray()) {
        for (int j = 0; j < config.size(); j++) {
          FieldPath configPath = path.key("config").index(j);
          check.checkTest(document, configPath, config.get(j));
          configs.add(new NodeRef(document, configPath, config.get(j)));
        }
      }
      refs.add(new ScenarioRef(configs, collectTests(document, path.key("tests"), scenario.get("tests"))));
    }
    return refs;
  }

  // ---- files ----

  /** The files a file:// reference names: one path, or the sorted matches of a glob pattern. */
  private List<Path> resolve(SourceDocument document, FieldPath path, String ref) {
    String location = ref.substring(FILE.length());
    Path relativeTo = document.path() == null ? baseDir : document.path().toAbsolutePath().getParent();
    if (!location.matches(".*[*?\\[{].*")) {
      return List.of(relativeTo.resolve(location).normalize());
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + location);
    List<Path> matches;
    try (Stream<Path> files = Files.walk(relativeTo, 16)) {
      matches =
          files.filter(Files::isRegularFile)
              .filter(file -> matcher.matches(relativeTo.relativize(file)))
              .sorted()
              .toList();
    } catch (IOException e) {
      matches = List.of();
    }
    if (matches.isEmpty()) {
      problems.add(document.problem(path, "no file matches " + SchemaMessages.quote(ref) + " in " + relativeTo));
    }
    return matches;
  }

  private String readReferenced(SourceDocument document, FieldPath path, Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      problems.add(document.problem(path, "file not found: " + displayName(file) + " (looked for " + file + ")"));
    } catch (CharacterCodingException e) {
      problems.add(document.problem(path, displayName(file) + " is not UTF-8 text"));
    } catch (IOException e) {
      problems.add(document.problem(path, "cannot read " + displayName(file) + ": " + e.getMessage()));
    }
    return null;
  }

  /** A referenced file named the way the user would find it: next to the suite as they named it. */
  private String displayName(Path file) {
    Path relative = file.startsWith(baseDir) ? baseDir.relativize(file) : file;
    if (relative.isAbsolute()) return relative.toString();
    Path suiteDir = Path.of(sourceName).getParent();
    return (suiteDir == null ? relative : suiteDir.resolve(relative)).normalize().toString();
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  // ---- reporting ----

  private SuiteValidationException failure() {
    List<String> files = new ArrayList<>(List.of(sourceName));
    problems.forEach(problem -> { if (!files.contains(problem.file())) files.add(problem.file()); });
    LinkedHashSet<SuiteProblem> unique = new LinkedHashSet<>(problems);
    List<SuiteProblem> sorted = new ArrayList<>(unique);
    sorted.sort(
        Comparator.<SuiteProblem>comparingInt(problem -> files.indexOf(problem.file()))
            .thenComparingInt(SuiteProblem::line)
            .thenComparingInt(SuiteProblem::column));
    return new SuiteValidationException(sorted);
  }
}
