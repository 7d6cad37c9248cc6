package dev.ltb.localcloud.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process the local cloud started and has not stopped yet, destroyed by one JVM shutdown hook, so
 * no emulator outlives the test JVM on a normal exit. (On SIGKILL no hook runs: the Node servers then exit
 * when their standard input, a pipe from this JVM, closes.)
 */
final class ChildProcesses {

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> LIVE.forEach(p -> {
                  p.descendants().forEach(ProcessHandle::destroyForcibly);
                  p.destroyForcibly();
                }),
                "localcloud-child-reaper"));
  }

  private ChildProcesses() {}

  static void register(Process process) {
    LIVE.add(process);
  }

  static void unregister(Process process) {
    LIVE.remove(process);
  }
}
