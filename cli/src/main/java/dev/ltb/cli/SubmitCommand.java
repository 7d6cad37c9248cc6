package dev.ltb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.cli.remote.ApiCallException;
import dev.ltb.cli.remote.CliProfile;
import dev.ltb.cli.remote.RestApi;
import dev.ltb.json.Json;
import dev.ltb.pipeline.SelfContainedSuite;
import dev.ltb.plugin.PluginFiles;
import dev.ltb.plugin.PluginPackage;
import dev.ltb.suite.PluginSpec;
import dev.ltb.suite.Suite;
import dev.ltb.suite.load.SuiteProblem;
import dev.ltb.suite.load.SuiteValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ltb submit SUITE}: validates a suite locally, uploads the plugins it declares by path and its tests files as
 * datasets (pinning both by hash), and starts the run on a deployed stack's REST API ({@code POST /runs}).
 */
@Command(
    name = "submit",
    description = "Starts a run of SUITE on a deployed stack: validates it locally first (nothing is sent when it is"
        + " invalid), uploads every plugin it declares with a path and every tests file (tests: file://...) as a dataset,"
        + " pins them by sha256, then prints the run id."
        + " With --wait, follows the run to its end; exit codes as for run.",
    mixinStandardHelpOptions = true)
final class SubmitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RemoteApiOptions remote;

  @Parameters(paramLabel = "SUITE", description = "The suite file (YAML or JSON).")
  Path suite;

  @Option(names = "--wait", description = "Poll the run until it ends, print its totals and exit as `ltb run` does.")
  boolean await;

  @Option(names = "--idempotency-key", paramLabel = "KEY",
      description = "Sent as Idempotency-Key with POST /runs: a retry with the same KEY starts no second run.")
  String idempotencyKey;

  @Option(names = "--min-pass-rate", paramLabel = "RATE", defaultValue = "1.0",
      description = "With --wait, exit with code 1 when the pass rate is below RATE (0..1, default ${DEFAULT-VALUE}).")
  double minPassRate;

  @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "5",
      description = "With --wait, seconds between two GET /runs/{id} (default ${DEFAULT-VALUE}).")
  double pollSeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (minPassRate < 0 || minPassRate > 1) throw new UserInputException("--min-pass-rate must be between 0 and 1");
    if (pollSeconds <= 0) throw new UserInputException("--poll-interval must be positive");
    PrintWriter out = spec.commandLine().getOut();

    String text = readSuite();
    String source = suite.toString();
    boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
    JsonNode tree = parse(text, json);
    if (tree == null) {
      new Services().suiteLoader().load(suite); // reports the syntax error with its position
      throw new UserInputException("cannot parse " + suite);
    }
    Path baseDir = suite.toAbsolutePath().getParent();
    List<TestFileDatasets.TestFile> testFiles = TestFileDatasets.pin(tree, baseDir);
    List<String> pinnedFields = testFiles.stream().map(TestFileDatasets.TestFile::field).toList();
    List<SuiteProblem> fileReferences =
        SelfContainedSuite.problems(text, source).stream().filter(p -> !pinnedFields.contains(p.field())).toList();
    if (!fileReferences.isEmpty()) throw new SuiteValidationException(fileReferences);
    Suite loaded = new Services().suiteLoader().load(suite);
    RestApi api = remote.connect();

    Map<String, PluginPackage> byPath = declaredPaths(tree, loaded);
    for (var entry : byPath.entrySet()) {
      String sha256 = upload(api, entry.getValue(), out);
      ObjectNode declaration = (ObjectNode) tree.path("plugins").path(entry.getKey());
      declaration.remove("path");
      declaration.put("sha256", sha256);
    }
    for (TestFileDatasets.TestFile file : testFiles) TestFileDatasets.upload(api, file, out);

    ObjectNode body = Json.mapper().createObjectNode();
    if (byPath.isEmpty() && testFiles.isEmpty()) {
      body.put("suite", text).put("format", json ? "json" : "yaml");
    } else {
      body.put("suite", Json.write(tree)).put("format", "json");
    }
    JsonNode run = api.post("/runs", body.toString(), idempotencyKey);
    String runId = run.path("runId").asText();
    out.printf(Locale.ROOT, "Run %s %s: %d item(s).%n", runId, run.path("status").asText(), run.path("totalItems").asLong());
    out.println(runId);
    out.flush();
    if (!await) return ExitCodes.OK;
    return RemoteRuns.await(api, runId, pollSeconds, minPassRate, out);
  }

  private String readSuite() {
    try {
      return Files.readString(suite, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserInputException("cannot read " + suite + ": " + e.getMessage());
    }
  }

  /** The suite's tree, or null when it does not parse. */
  private static JsonNode parse(String text, boolean json) {
    try {
      return (json ? Json.mapper() : Json.yaml()).readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  /** The plugins the suite declares with a {@code path}, read and hash-checked, by name. */
  private static Map<String, PluginPackage> declaredPaths(JsonNode tree, Suite loaded) {
    Map<String, PluginPackage> byPath = new LinkedHashMap<>();
    JsonNode declared = tree.path("plugins");
    for (PluginSpec plugin : loaded.plugins()) {
      JsonNode declaration = declared.path(plugin.name());
      if (!declaration.isObject() || !declaration.path("path").isTextual() || plugin.path() == null) continue;
      byPath.put(plugin.name(), PluginFiles.read(Path.of(plugin.path())));
    }
    return byPath;
  }

  /** {@code POST /plugins}, the module to the answered URL, then {@code validate}: the version's hash. */
  private static String upload(RestApi api, PluginPackage plugin, PrintWriter out) {
    String name = plugin.manifest().name();
    JsonNode registered;
    try {
      registered = api.post("/plugins", plugin.manifest().toJson(), null);
    } catch (ApiCallException e) {
      if (e.status() != 403) throw e;
      throw new ApiCallException(403, e.getMessage() + "\nUploading plugin " + name + " needs plugins:manage (owner,"
          + " admin, member or an API key; not a viewer): submit with such a credential, or have one upload it and"
          + " declare it {sha256: " + plugin.manifest().sha256() + "} in the suite.", e.fieldErrors());
    }
    JsonNode upload = registered.path("upload");
    Map<String, String> headers = new LinkedHashMap<>();
    upload.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    api.upload(URI.create(upload.path("url").asText()), headers, plugin.module());
    String sha256 = registered.path("plugin").path("sha256").asText(plugin.manifest().sha256());
    JsonNode check = api.post("/plugins/" + RestApi.query(name) + "/" + RestApi.query(sha256) + "/validate", "", null);
    if (!check.path("valid").asBoolean())
      throw new UserInputException("plugin " + name + " (" + plugin.source() + ") was uploaded but the cloud refuses it: "
          + check.path("problem").asText("no reason given"));
    out.printf(Locale.ROOT, "Uploaded plugin %s %s (sha256 %s).%n", name, plugin.manifest().version(), sha256);
    return sha256;
  }
}
