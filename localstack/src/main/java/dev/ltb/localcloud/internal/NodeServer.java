package dev.ltb.localcloud.internal;

import dev.ltb.localcloud.LocalCloud;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Node server of the local cloud, run as a direct child of this JVM (the real {@code node} PID, never an
 * {@code npx} wrapper). The script binds 127.0.0.1 on a port of its choice and prints {@code LISTENING <port>};
 * everything else it prints goes to this class's logger.
 */
public final class NodeServer implements Emulator {

  private static final Pattern LISTENING = Pattern.compile("^LISTENING (\\d+)$");
  private static final int KEPT_LINES = 40;

  private final String name;
  private final Process process;
  private final URI endpoint;

  private NodeServer(String name, Process process, URI endpoint) {
    this.name = name;
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Starts {@code node <script> <args>} in the localstack folder, with {@code environment} added to this JVM's
   * environment, and waits until the script reports its port.
   */
  public static NodeServer start(
      String name, NodeRuntime runtime, String script, List<String> args, Map<String, String> environment) {
    List<String> command = new ArrayList<>();
    command.add(runtime.node().toString());
    command.add(runtime.script(script).toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(runtime.home().toFile());
    builder.environment().putAll(environment);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
    ChildProcesses.register(process);
    Logger log = LoggerFactory.getLogger("dev.ltb.localcloud." + name);
    Deque<String> recent = new ArrayDeque<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    pump(name + "-stdout", process.getInputStream(), recent, line -> {
      Matcher matcher = LISTENING.matcher(line);
      if (!port.isDone() && matcher.matches()) {
        port.complete(Integer.parseInt(matcher.group(1)));
      } else {
        log.info("{}", line);
      }
    }, port);
    pump(name + "-stderr", process.getErrorStream(), recent, line -> log.warn("{}", line), null);
    try {
      int bound = port.get(30, TimeUnit.SECONDS);
      URI endpoint = URI.create("http://" + LocalCloud.HOST + ":" + bound);
      log.info("{} listening at {} (pid {})", name, endpoint, process.pid());
      return new NodeServer(name, process, endpoint);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(process);
      throw new IllegalStateException("interrupted while starting " + name, e);
    } catch (ExecutionException | TimeoutException e) {
      stop(process);
      String output;
      synchronized (recent) {
        output = String.join("\n", recent);
      }
      throw new IllegalStateException(
          name + " did not report its port (" + command + "); its last output:\n" + output, e);
    }
  }

  private static void pump(
      String threadName,
      InputStream stream,
      Deque<String> recent,
      java.util.function.Consumer<String> sink,
      CompletableFuture<Integer> failOnEnd) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  synchronized (recent) {
                    if (recent.size() == KEPT_LINES) {
                      recent.removeFirst();
                    }
                    recent.addLast(line);
                  }
                  sink.accept(line);
                }
              } catch (IOException ignored) {
                // the process is gone
              }
              if (failOnEnd != null) {
                failOnEnd.completeExceptionally(new IllegalStateException("the process exited"));
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    stop(process);
    LoggerFactory.getLogger("dev.ltb.localcloud." + name).debug("{} stopped", name);
  }

  private static void stop(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // already closed
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      ChildProcesses.unregister(process);
    }
  }
}
