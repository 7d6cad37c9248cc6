package dev.ltb.wasm.authoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltb.json.Json;
import dev.ltb.plugin.ModuleHash;
import dev.ltb.plugin.PluginFiles;
import dev.ltb.plugin.PluginPackage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a plugin project into {@code dist/} ({@code ltb plugin build <dir>}): runs its {@code build.sh} (the
 * AssemblyScript and C templates have one), or, for a WAT project without one, compiles its {@code .wat} here
 * with wat2wasm and writes {@code dist/plugin.json} with the module's hash. Either way the result is checked:
 * the manifest must read and its hash match the module.
 */
public final class PluginBuilder {

  /** How long a project's build.sh may run; a first AssemblyScript build installs its npm packages. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  private static final int LOG_LINES_KEPT = 20;

  /** What a build produced. */
  public record Build(PluginPackage plugin, Path distribution) {}

  private final Duration timeout;

  public PluginBuilder() {
    this(DEFAULT_TIMEOUT);
  }

  public PluginBuilder(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Builds the project in {@code project}.
   *
   * @param log receives the build's output, line by line
   * @throws PluginBuildException when there is nothing to build, the build fails or times out, or what it wrote
   *     is not a valid plugin
   */
  public Build build(Path project, Consumer<String> log) {
    if (!Files.isDirectory(project))
      throw new PluginBuildException(project + " is not a folder: give the plugin project's folder (ltb plugin new made it)");
    Path script = project.resolve("build.sh");
    if (Files.isRegularFile(script)) {
      runScript(project, log);
    } else {
      compileWat(project, log);
    }
    Path distribution = project.resolve("dist");
    try {
      return new Build(PluginFiles.read(distribution), distribution);
    } catch (RuntimeException e) {
      throw new PluginBuildException("the build finished, but dist/ holds no valid plugin: " + e.getMessage(), e);
    }
  }

  private void runScript(Path project, Consumer<String> log) {
    Deque<String> lastLines = new ArrayDeque<>();
    Process process;
    try {
      process = new ProcessBuilder("bash", "build.sh").directory(project.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new PluginBuildException("cannot start bash build.sh in " + project + ": " + e.getMessage(), e);
    }
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader lines =
                      new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                      log.accept(line);
                      synchronized (lastLines) {
                        lastLines.addLast(line);
                        if (lastLines.size() > LOG_LINES_KEPT) lastLines.removeFirst();
                      }
                    }
                  } catch (IOException e) {
                    log.accept("(build output unreadable: " + e.getMessage() + ")");
                  }
                });
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        String limit = timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
        throw new PluginBuildException("build.sh in " + project + " did not finish within " + limit + " and was stopped");
      }
      reader.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PluginBuildException("interrupted while building " + project, e);
    }
    if (process.exitValue() != 0) {
      String tail;
      synchronized (lastLines) {
        tail = String.join("\n", lastLines);
      }
      throw new PluginBuildException(
          "build.sh in " + project + " failed (exit " + process.exitValue() + ")" + (tail.isBlank() ? "" : ":\n" + tail));
    }
  }

  private static void compileWat(Path project, Consumer<String> log) {
    List<Path> sources;
    try (Stream<Path> files = Files.list(project)) {
      sources = files.filter(file -> file.getFileName().toString().endsWith(".wat")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path manifestFile = project.resolve("plugin.json");
    if (sources.size() != 1 || !Files.isRegularFile(manifestFile))
      throw new PluginBuildException(
          project + " has no build.sh, and is not a WAT project (plugin.json and one .wat file): nothing to build");
    try {
      ObjectNode manifest = (ObjectNode) Json.mapper().readTree(Files.readString(manifestFile));
      String moduleName = manifest.path("module").asText("");
      if (moduleName.isBlank() || moduleName.contains("/"))
        throw new PluginBuildException(manifestFile + ": \"module\" must name the .wasm file to build, e.g. my-check.wasm");
      Path source = sources.getFirst();
      byte[] module = WatCompiler.compile(Files.readString(source), source.getFileName().toString());
      Path distribution = Files.createDirectories(project.resolve("dist"));
      Files.write(distribution.resolve(moduleName), module);
      String sha256 = ModuleHash.sha256(module);
      manifest.put("sha256", sha256);
      Files.writeString(
          distribution.resolve("plugin.json"),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
      log.accept("compiled " + source.getFileName() + " to dist/" + moduleName + " (sha256 " + sha256 + ")");
    } catch (IOException | ClassCastException e) {
      throw new PluginBuildException("cannot build " + project + ": " + e.getMessage(), e);
    }
  }
}
