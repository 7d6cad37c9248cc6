package dev.ltb.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ltb.json.Json;
import dev.ltb.plugins.bundled.BundledPlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ltb submit} and {@code ltb fetch} against WireMock answering what the REST API answers (docs/api/rest.md,
 * {@code RunsResource}, {@code PluginsResource}): the run view, the plugin registration with its presigned upload,
 * the validation verdict, problem+json errors and result pages with a cursor.
 */
class SubmitAndFetchTest {

  private static final String KEY = "ltb_k1test_0123456789abcdefghijklmnop";
  private static final String RUN = "run-m8x2k1-3f9a0c21b7de";

  @TempDir Path dir;
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private String api() {
    return "http://127.0.0.1:" + server.port() + "/prod";
  }

  private Path profile(String text) throws Exception {
    Path file = dir.resolve("profile");
    Files.writeString(file, text);
    return file;
  }

  private CliRunner.Result ltb(String... args) {
    return new CliRunner(dir.resolve("history.db")).run(args);
  }

  /** The bundled not-empty evaluator, built as the user's own plugin {@code my-check}: plugin.json beside its module. */
  private String writePlugin(Path folder) throws Exception {
    Files.createDirectories(folder);
    ObjectNode manifest = (ObjectNode) Json.mapper().readTree(BundledPlugins.manifest("not-empty").toJson());
    manifest.put("name", "my-check").put("module", "my-check.wasm");
    Files.writeString(folder.resolve("plugin.json"), manifest.toPrettyString());
    Files.write(folder.resolve("my-check.wasm"), BundledPlugins.module("not-empty"));
    return manifest.path("sha256").asText();
  }

  private static String runView(String status, boolean hasSummary) {
    return "{\"runId\":\"" + RUN + "\",\"status\":\"" + status + "\",\"description\":\"capitals\",\"suiteSource\":\"inline\","
        + "\"createdAt\":\"2026-11-29T03:00:00Z\",\"finishedAt\":null,\"totalItems\":2,\"statusReason\":null,"
        + "\"hasSummary\":" + hasSummary + "}";
  }

  @Test
  void submitUploadsAPathDeclaredPluginPinsItByHashAndPrintsTheRunId() throws Exception {
    String sha256 = writePlugin(dir.resolve("my-check"));
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, """
        description: capitals
        prompts: ["Capital of {{country}}?"]
        providers: [openai:chat:gpt-4o-mini]
        plugins:
          my-check: {path: my-check}
        tests:
          - vars: {country: France}
            assert: [{type: plugin:my-check}]
          - vars: {country: Peru}
            assert: [{type: contains, value: Lima}]
        """);
    String uploadPath = "/upload/tenants/t1/plugins/my-check/" + sha256 + ".wasm?X-Amz-Signature=abc";
    server.stubFor(post("/prod/plugins").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"plugin\":{\"name\":\"my-check\",\"version\":\"1.0.0\",\"kind\":\"evaluator\",\"description\":\"x\","
            + "\"sha256\":\"" + sha256 + "\",\"moduleUploaded\":false},\"upload\":{\"url\":\"" + "http://127.0.0.1:"
            + server.port() + uploadPath + "\",\"headers\":{\"Content-Type\":\"application/wasm\"}},"
            + "\"expiresAt\":\"2026-11-29T03:15:00Z\",\"declaration\":\"plugins: {my-check: {sha256: " + sha256 + "}}\"}")));
    server.stubFor(put(urlEqualTo(uploadPath)).willReturn(aResponse().withStatus(200)));
    server.stubFor(post("/prod/plugins/my-check/" + sha256 + "/validate").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"plugin\":{\"name\":\"my-check\",\"version\":\"1.0.0\",\"kind\":\"evaluator\",\"description\":\"x\","
            + "\"sha256\":\"" + sha256 + "\",\"moduleUploaded\":true},\"valid\":true,\"problem\":null}")));
    server.stubFor(post("/prod/runs").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(runView("QUEUED", false))));

    var result = ltb("submit", suite.toString(), "--api", api(), "--profile", profile("token = " + KEY + "\n").toString(),
        "--idempotency-key", "retry-1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Uploaded plugin my-check 1.0.0 (sha256 " + sha256 + ")")
        .contains("Run " + RUN + " QUEUED: 2 item(s).");
    assertThat(result.out().lines().toList()).contains(RUN);

    LoggedRequest registered = server.findAll(postRequestedFor(urlEqualTo("/prod/plugins"))).getFirst();
    assertThat(registered.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    JsonNode manifest = Json.mapper().readTree(registered.getBodyAsString());
    assertThat(manifest.path("name").asText()).isEqualTo("my-check");
    assertThat(manifest.path("sha256").asText()).isEqualTo(sha256);

    LoggedRequest uploaded = server.findAll(putRequestedFor(urlEqualTo(uploadPath))).getFirst();
    assertThat(uploaded.getHeader("Content-Type")).isEqualTo("application/wasm");
    assertThat(uploaded.containsHeader("Authorization")).as("the presigned URL carries its own authority").isFalse();
    assertThat(uploaded.getBody()).isEqualTo(BundledPlugins.module("not-empty"));
    server.verify(1, postRequestedFor(urlEqualTo("/prod/plugins/my-check/" + sha256 + "/validate")));

    LoggedRequest started = server.findAll(postRequestedFor(urlEqualTo("/prod/runs"))).getFirst();
    assertThat(started.getHeader("Idempotency-Key")).isEqualTo("retry-1");
    JsonNode body = Json.mapper().readTree(started.getBodyAsString());
    assertThat(body.path("format").asText()).isEqualTo("json");
    JsonNode sent = Json.mapper().readTree(body.path("suite").asText());
    assertThat(sent.path("plugins").path("my-check").path("sha256").asText()).isEqualTo(sha256);
    assertThat(sent.path("plugins").path("my-check").has("path")).isFalse();
    assertThat(sent.path("tests").size()).isEqualTo(2);
  }

  @Test
  void submitUploadsATestsFileAsADatasetAndPinsItByHash() throws Exception {
    String csv = "country,__expected\nFrance,contains:Paris\nPeru,contains:Lima\n";
    Files.writeString(dir.resolve("Capital Cities.csv"), csv);
    String sha256 = dev.ltb.plugin.ModuleHash.sha256(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, """
        description: capitals
        prompts: ["Capital of {{country}}?"]
        providers: [echo]
        tests:
          - file://Capital Cities.csv
          - vars: {country: Chile}
        """);
    String uploadPath = "/upload/tenants/t1/datasets/capital-cities/" + sha256 + ".csv?X-Amz-Signature=abc";
    server.stubFor(post("/prod/datasets").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"dataset\":{\"name\":\"capital-cities\",\"sha256\":\"" + sha256 + "\",\"status\":\"pending\"},"
            + "\"upload\":{\"url\":\"http://127.0.0.1:" + server.port() + uploadPath + "\",\"headers\":{\"Content-Type\":"
            + "\"text/csv\"}},\"reference\":\"dataset://capital-cities@sha256:" + sha256 + "\"}")));
    server.stubFor(put(urlEqualTo(uploadPath)).willReturn(aResponse().withStatus(200)));
    server.stubFor(post("/prod/datasets/capital-cities/versions/" + sha256 + "/validate").willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"name\":\"capital-cities\",\"sha256\":\"" + sha256 + "\",\"status\":\"ready\",\"rows\":2}")));
    server.stubFor(post("/prod/runs").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(runView("QUEUED", false))));

    var result = ltb("submit", suite.toString(), "--api", api(), "--profile", profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Uploaded dataset capital-cities from Capital Cities.csv: 2 test(s) (sha256 " + sha256 + ")");
    JsonNode registered = Json.mapper().readTree(
        server.findAll(postRequestedFor(urlEqualTo("/prod/datasets"))).getFirst().getBodyAsString());
    assertThat(registered.path("format").asText()).isEqualTo("csv");
    assertThat(registered.path("sizeBytes").asInt()).isEqualTo(csv.length());
    LoggedRequest uploaded = server.findAll(putRequestedFor(urlEqualTo(uploadPath))).getFirst();
    assertThat(uploaded.getHeader("Content-Type")).isEqualTo("text/csv");
    assertThat(uploaded.getBodyAsString()).isEqualTo(csv);
    JsonNode body = Json.mapper().readTree(server.findAll(postRequestedFor(urlEqualTo("/prod/runs"))).getFirst().getBodyAsString());
    JsonNode sent = Json.mapper().readTree(body.path("suite").asText());
    assertThat(sent.path("tests").path(0).asText()).isEqualTo("dataset://capital-cities@sha256:" + sha256);
    assertThat(sent.path("tests").path(1).path("vars").path("country").asText()).isEqualTo("Chile");
  }

  @Test
  void aTestsFileWithAMistakeIsReportedLocallyAndNothingIsUploaded() throws Exception {
    Files.writeString(dir.resolve("tests.csv"), "country,__expected\nFrance,contians:Paris\n");
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, "prompts: [hi]\nproviders: [echo]\ntests: file://tests.csv\n");

    var result = ltb("submit", suite.toString(), "--api", api(), "--profile", profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("tests.csv:2:");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void anInvalidSuiteIsReportedAtItsPositionAndNothingIsSent() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, "prompts: [hi]\nproviders: [echo]\ntests:\n  - assert: [{type: contians, value: x}]\n");

    var result = ltb("submit", suite.toString(), "--api", api(), "--profile", profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains(suite + ":4:").contains("tests[0].assert[0].type");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aFileReferenceIsRefusedNamingTheFieldAsTheCloudWould() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(dir.resolve("doc.txt"), "text");
    Files.writeString(suite, "prompts: [hi]\nproviders: [echo]\ntests:\n  - vars: {doc: file://doc.txt}\n");

    var result = ltb("submit", suite.toString(), "--api", api(), "--profile", profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("tests[0].vars.doc").contains("file:// references cannot be read in the cloud");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aProblemFromTheApiPrintsItsDetailAndFields() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, "prompts: [hi]\nproviders: [echo]\ntests:\n  - assert: [{type: contains, value: hi}]\n");
    server.stubFor(post("/prod/runs").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"https://ltb.dev/problems/invalid-suite\",\"title\":\"Invalid suite\",\"status\":422,"
            + "\"detail\":\"the suite is invalid: 1 problem\",\"errors\":[{\"field\":\"providers[0]\","
            + "\"message\":\"unknown provider echo\",\"line\":2,\"column\":13}]}")));

    var result = ltb("submit", suite.toString(), "--api", api(), "--profile", profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("POST /runs answered 422: the suite is invalid: 1 problem")
        .contains("providers[0] (line 2, column 13): unknown provider echo");
  }

  @Test
  void aViewerRefusedThePluginUploadSaysWhatWorksInstead() throws Exception {
    String sha256 = writePlugin(dir.resolve("my-check"));
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, "prompts: [hi]\nproviders: [echo]\nplugins:\n  my-check: {path: my-check}\n"
        + "tests:\n  - assert: [{type: plugin:my-check}]\n");
    server.stubFor(post("/prod/plugins").willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"https://ltb.dev/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"role viewer may not plugins:manage\"}")));

    var result = ltb("submit", suite.toString(), "--api", api(), "--profile", profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("POST /plugins answered 403: role viewer may not plugins:manage")
        .contains("submit with such a credential").contains("{sha256: " + sha256 + "}");
    server.verify(0, postRequestedFor(urlEqualTo("/prod/runs")));
  }

  @Test
  void anUnreachableApiIsExitThree() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, "prompts: [hi]\nproviders: [echo]\ntests:\n  - assert: [{type: contains, value: hi}]\n");
    int port = server.port();
    server.stop();

    var result = ltb("submit", suite.toString(), "--api", "http://127.0.0.1:" + port + "/prod", "--profile",
        profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(result.err()).contains("cannot reach http://127.0.0.1:" + port + "/prod");
  }

  @Test
  void submitWaitFollowsTheRunAndExitsByThePassRate() throws Exception {
    Path suite = dir.resolve("suite.yaml");
    Files.writeString(suite, "prompts: [hi]\nproviders: [echo]\ntests:\n  - assert: [{type: contains, value: hi}]\n");
    server.stubFor(post("/prod/runs").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody(runView("QUEUED", false))));
    server.stubFor(get("/prod/runs/" + RUN).inScenario("run").whenScenarioStateIs("Started")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(runView("RUNNING", false)))
        .willSetStateTo("done"));
    server.stubFor(get("/prod/runs/" + RUN).inScenario("run").whenScenarioStateIs("done")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(runView("COMPLETED", true))));
    server.stubFor(get("/prod/runs/" + RUN + "/summary").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"formatVersion\":\"1\",\"runId\":\"" + RUN + "\",\"totals\":{\"items\":2,\"passed\":1,\"failed\":1,"
            + "\"errors\":0,\"passRate\":0.5,\"costUsd\":0.0012},\"groups\":[]}")));

    var result = ltb("submit", suite.toString(), "--wait", "--poll-interval", "0.05", "--min-pass-rate", "0.8",
        "--api", api(), "--profile", profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(result.out()).contains("Run " + RUN + " is RUNNING")
        .contains("Run " + RUN + " COMPLETED: 2 items, pass 1, fail 1, error 0, pass rate 50.0%, cost $0.0012")
        .contains("Pass rate 50.0% is below the required 80.0%.");
  }

  @Test
  void fetchPagesThroughTheResultsAndWritesBothFiles() throws Exception {
    server.stubFor(get("/prod/runs/" + RUN).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(runView("COMPLETED", true))));
    server.stubFor(get(urlPathEqualTo("/prod/runs/" + RUN + "/results")).withQueryParam("cursor", absent())
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"items\":[{\"itemId\":\"0001\",\"pass\":true},{\"itemId\":\"0002\",\"pass\":false}],"
                + "\"nextCursor\":\"cmVzdWx0czowMDAy\"}")));
    server.stubFor(get(urlPathEqualTo("/prod/runs/" + RUN + "/results")).withQueryParam("cursor", equalTo("cmVzdWx0czowMDAy"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"items\":[{\"itemId\":\"0003\",\"pass\":true}],\"nextCursor\":null}")));
    server.stubFor(get("/prod/runs/" + RUN + "/report").withHeader("Accept", equalTo("text/html"))
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<!doctype html><title>capitals</title>")));
    server.stubFor(get("/prod/runs/" + RUN + "/summary").willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"formatVersion\":\"1\",\"runId\":\"" + RUN + "\",\"totals\":{\"items\":3,\"passed\":2,\"failed\":1,"
            + "\"errors\":0,\"passRate\":0.6667,\"costUsd\":0.0021},\"groups\":[]}")));
    Path results = dir.resolve("out/results.jsonl");
    Path report = dir.resolve("out/report.html");

    var result = ltb("fetch", RUN, "--api", api(), "--profile", profile("token = " + KEY + "\n").toString(),
        "-o", results.toString(), "-o", report.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(3);
    assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{\"itemId\":\"000"));
    assertThat(lines.get(0)).contains("\"0001\"");
    assertThat(lines.get(2)).contains("\"0003\"");
    assertThat(Files.readString(report)).isEqualTo("<!doctype html><title>capitals</title>");
    assertThat(result.out()).contains("Wrote 3 result(s) to " + results).contains("Wrote " + report)
        .contains("Run " + RUN + " COMPLETED: 3 items, pass 2, fail 1, error 0, pass rate 66.7%, cost $0.0021");
    server.verify(getRequestedFor(urlPathEqualTo("/prod/runs/" + RUN + "/results")).withHeader("Authorization",
        equalTo("Bearer " + KEY)));
  }

  @Test
  void aMissingKeySaysWhereToPutOne() throws Exception {
    assumeTrue(System.getenv("LTB_API_KEY") == null && System.getenv("LTB_TOKEN") == null);
    Path file = profile("api = " + api() + "\n");

    var result = ltb("fetch", RUN, "--profile", file.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("no credential: set LTB_API_KEY").contains("put token = … in " + file);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void helpNamesTheSharedApiOptions() {
    var submit = ltb("submit", "--help");
    var fetch = ltb("fetch", "--help");

    assertThat(submit.out()).contains("--api=URL", "--profile=FILE", "--wait", "--idempotency-key=KEY", "--min-pass-rate");
    assertThat(fetch.out()).contains("--api=URL", "--profile=FILE", "-o, --output=FILE");
  }

  @Test
  void anUnknownRunIsExitTwo() throws Exception {
    server.stubFor(get("/prod/runs/run-nope").willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"https://ltb.dev/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
            + "\"detail\":\"no run run-nope\"}")));

    var result = ltb("fetch", "run-nope", "--api", api(), "--profile", profile("token = " + KEY + "\n").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err()).contains("GET /runs/run-nope answered 404: no run run-nope");
  }
}
