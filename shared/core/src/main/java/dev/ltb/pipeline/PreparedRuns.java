package dev.ltb.pipeline;

import dev.ltb.provider.Provider;
import dev.ltb.run.RunEngine;
import dev.ltb.suite.Suite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved suites and built providers of the runs a worker container served last (least recently used
 * first out), so the shards of one run that land on the same container read and parse the suite once. The
 * providers read the API keys of the run's tenant; its engine judges with the plugins the suite uses.
 */
final class PreparedRuns {

  /** A run ready to execute. */
  record PreparedRun(Suite suite, List<Provider> providers, RunEngine engine) {}

  private final BlobStore blobs;
  private final RunEngines engines;
  private final TenantSecrets secrets;
  private final Map<RunRef, PreparedRun> cache;

  PreparedRuns(BlobStore blobs, RunEngines engines, TenantSecrets secrets, int capacity) {
    this.blobs = blobs;
    this.engines = engines;
    this.secrets = secrets;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<RunRef, PreparedRun> eldest) {
            return size() > capacity;
          }
        };
  }

  private PreparedRun prepare(RunRef run, Suite suite) {
    RunEngine engine = engines.forRun(run, suite);
    return new PreparedRun(suite, engine.providersFor(suite, secrets.forTenant(run.tenantId())), engine);
  }

  /** The run's suite and providers, or empty when the plan step stored no suite for it. */
  Optional<PreparedRun> get(RunRef run) {
    synchronized (cache) {
      PreparedRun cached = cache.get(run);
      if (cached != null) return Optional.of(cached);
    }
    Optional<PreparedRun> loaded =
        Runs.resolvedSuite(blobs, run).map(suite -> prepare(run, suite));
    loaded.ifPresent(prepared -> {
      synchronized (cache) {
        cache.put(run, prepared);
      }
    });
    return loaded;
  }
}
