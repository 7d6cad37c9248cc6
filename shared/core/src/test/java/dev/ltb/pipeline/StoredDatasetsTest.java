package dev.ltb.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ltb.dataset.Dataset;
import dev.ltb.dataset.DatasetException;
import dev.ltb.dataset.DatasetFormat;
import dev.ltb.dataset.DatasetRef;
import dev.ltb.dataset.DatasetVersion;
import dev.ltb.plugin.ModuleHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoredDatasetsTest {

  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final StoredDatasets acme = new StoredDatasets(blobs, "acme");

  @Test
  void theBareNameReadsTheNewestReadyVersionNeverAPendingOrInvalidOne() {
    DatasetVersion old = store("city\nParis\n", Instant.parse("2026-01-01T00:00:00Z"));
    DatasetVersion newer = store("city\nRome\n", Instant.parse("2026-02-01T00:00:00Z"));
    DatasetVersion pending = DatasetVersion.registered("cities", sha("city\nOslo\n"), DatasetFormat.CSV, 10,
        Instant.parse("2026-03-01T00:00:00Z"));
    acme.save(pending);
    acme.save(DatasetVersion.registered("cities", sha("x"), DatasetFormat.CSV, 1, Instant.now()).invalid("bad"));

    assertThat(acme.find(DatasetRef.parse("dataset://cities"))).map(Dataset::text).hasValue("city\nRome\n");
    assertThat(acme.find(DatasetRef.parse(old.reference()))).map(Dataset::text).hasValue("city\nParis\n");
    assertThat(acme.find(DatasetRef.parse(pending.reference()))).isEmpty();
    assertThat(acme.versions("cities")).hasSize(4);
    assertThat(newer.reference()).isEqualTo("dataset://cities@sha256:" + sha("city\nRome\n"));
  }

  @Test
  void aFileOverwrittenAfterValidationIsRefusedWhenRead() {
    DatasetVersion ready = store("city\nParis\n", Instant.now());
    blobs.put(acme.fileKey(ready), "city\nEvil\n".getBytes(StandardCharsets.UTF_8), "text/csv");

    assertThatThrownBy(() -> acme.find(DatasetRef.parse(ready.reference())))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("overwritten after validation")
        .hasMessageContaining(sha("city\nEvil\n"));
  }

  @Test
  void anotherTenantsStoreDoesNotSeeTheDataset() {
    DatasetVersion ready = store("city\nParis\n", Instant.now());
    StoredDatasets beta = new StoredDatasets(blobs, "beta");

    assertThat(beta.find(DatasetRef.parse(ready.reference()))).isEmpty();
    assertThat(beta.find(DatasetRef.parse("dataset://cities"))).isEmpty();
    assertThat(beta.names(null, 10)).isEmpty();
    assertThat(acme.names(null, 10)).containsExactly("cities");
  }

  private DatasetVersion store(String csv, Instant readyAt) {
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    DatasetVersion version =
        DatasetVersion.registered("cities", sha(csv), DatasetFormat.CSV, bytes.length, readyAt).ready(1, readyAt);
    acme.save(version);
    blobs.put(acme.fileKey(version), bytes, "text/csv");
    return version;
  }

  private static String sha(String text) {
    return ModuleHash.sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
