package dev.ltb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.ltb.cli.remote.ApiCallException;
import dev.ltb.cli.remote.RestApi;
import dev.ltb.dataset.DatasetFormat;
import dev.ltb.dataset.DatasetRef;
import dev.ltb.json.Json;
import dev.ltb.plugin.ModuleHash;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tests files a suite names ({@code tests: file://...}, also a scenario's {@code tests:}), as {@code ltb submit}
 * uploads them: each becomes a dataset version named after the file and is pinned by its hash ({@code
 * dataset://<name>@sha256:<hex>}), so the cloud runs exactly the rows on disk.
 */
final class TestFileDatasets {

  /** A tests file and the reference that replaces it in the submitted suite. */
  record TestFile(Path path, String field, String name, DatasetFormat format, byte[] bytes, String sha256) {

    String reference() {
      return new DatasetRef(name, sha256).toString();
    }
  }

  private TestFileDatasets() {}

  /**
   * Replaces each tests file reference in {@code suite} (a suite's tree) by its dataset reference. Globs and files
   * that are not CSV, JSONL, JSON or YAML are left as they are (the cloud check then refuses them).
   *
   * @param baseDir the suite's directory, which references are relative to
   */
  static List<TestFile> pin(JsonNode suite, Path baseDir) {
    List<TestFile> files = new ArrayList<>();
    if (!(suite instanceof ObjectNode root)) return files;
    pinTests(root, "tests", "tests", baseDir, files);
    JsonNode scenarios = root.path("scenarios");
    for (int i = 0; i < scenarios.size(); i++)
      if (scenarios.get(i) instanceof ObjectNode scenario)
        pinTests(scenario, "tests", "scenarios[" + i + "].tests", baseDir, files);
    return files;
  }

  private static void pinTests(ObjectNode parent, String key, String field, Path baseDir, List<TestFile> files) {
    JsonNode tests = parent.get(key);
    if (tests != null && tests.isTextual()) {
      TestFile file = read(tests.asText(), field, baseDir);
      if (file != null) {
        parent.set(key, TextNode.valueOf(file.reference()));
        files.add(file);
      }
    } else if (tests instanceof ArrayNode list) {
      for (int i = 0; i < list.size(); i++) {
        if (!list.get(i).isTextual()) continue;
        TestFile file = read(list.get(i).asText(), field + "[" + i + "]", baseDir);
        if (file == null) continue;
        list.set(i, TextNode.valueOf(file.reference()));
        files.add(file);
      }
    }
  }

  private static TestFile read(String reference, String field, Path baseDir) {
    if (!reference.startsWith("file://")) return null;
    String location = reference.substring("file://".length());
    if (location.matches(".*[*?\\[{].*")) return null;
    Path path = baseDir.resolve(location).normalize();
    var format = DatasetFormat.ofFileName(path.getFileName().toString());
    if (format.isEmpty()) return null;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UserInputException(field + ": cannot read " + location + ": " + e.getMessage());
    }
    return new TestFile(path, field, nameOf(path), format.get(), bytes, ModuleHash.sha256(bytes));
  }

  /** {@code Capital Cities.csv} → {@code capital-cities}: the file's name as a dataset name. */
  static String nameOf(Path file) {
    String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT);
    String name = stem.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) name = "tests-" + name;
    name = name.length() > 64 ? name.substring(0, 64) : name;
    return name.replaceAll("-+$", "");
  }

  /** {@code POST /datasets}, the file to the answered URL, then {@code validate}; nothing when already uploaded. */
  static void upload(RestApi api, TestFile file, PrintWriter out) {
    Map<String, Object> registration = new LinkedHashMap<>();
    registration.put("name", file.name());
    registration.put("format", file.format().extension());
    registration.put("sha256", file.sha256());
    registration.put("sizeBytes", file.bytes().length);
    JsonNode registered;
    try {
      registered = api.post("/datasets", Json.write(registration), null);
    } catch (ApiCallException e) {
      if (e.status() != 403) throw e;
      throw new ApiCallException(403, e.getMessage() + "\nUploading " + file.path().getFileName() + " as dataset "
          + file.name() + " needs suites:manage (owner, admin, member or an API key; not a viewer): submit with such"
          + " a credential, or have one upload it and write tests: " + file.reference() + " in the suite.",
          e.fieldErrors());
    }
    JsonNode upload = registered.path("upload");
    if (!upload.isObject()) {
      out.printf(Locale.ROOT, "Dataset %s is already uploaded (sha256 %s).%n", file.name(), file.sha256());
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    upload.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    api.upload(URI.create(upload.path("url").asText()), headers, file.bytes());
    JsonNode checked = api.post(
        "/datasets/" + RestApi.query(file.name()) + "/versions/" + file.sha256() + "/validate", "", null);
    if (!"ready".equals(checked.path("status").asText()))
      throw new UserInputException(file.field() + ": " + file.path().getFileName() + " was uploaded as dataset "
          + file.name() + " but the cloud refuses it: " + checked.path("problem").asText("no reason given"));
    out.printf(Locale.ROOT, "Uploaded dataset %s from %s: %d test(s) (sha256 %s).%n", file.name(),
        file.path().getFileName(), checked.path("rows").asInt(), file.sha256());
  }
}
