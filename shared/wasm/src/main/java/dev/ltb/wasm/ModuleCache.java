package dev.ltb.wasm;

import dev.ltb.plugin.PluginException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Prepared modules by content hash, at most {@code capacity} of them (least recently used goes first).
 * Concurrent loads of one hash wait for one preparation; a failed preparation is not cached.
 */
final class ModuleCache {

  private final int capacity;
  private final Map<String, FutureTask<PreparedModule>> entries;

  ModuleCache(int capacity) {
    this.capacity = capacity;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, FutureTask<PreparedModule>> eldest) {
            return size() > ModuleCache.this.capacity;
          }
        };
  }

  PreparedModule get(String sha256, Callable<PreparedModule> prepare) {
    FutureTask<PreparedModule> task;
    boolean prepareHere = false;
    synchronized (entries) {
      task = entries.get(sha256);
      if (task == null) {
        task = new FutureTask<>(prepare);
        entries.put(sha256, task);
        prepareHere = true;
      }
    }
    if (prepareHere) task.run();
    try {
      return task.get();
    } catch (ExecutionException e) {
      synchronized (entries) {
        entries.remove(sha256, task);
      }
      if (e.getCause() instanceof RuntimeException runtime) throw runtime;
      if (e.getCause() instanceof Error error) throw error;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PluginException.Timeout("interrupted while waiting for the module " + sha256 + " to compile");
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
