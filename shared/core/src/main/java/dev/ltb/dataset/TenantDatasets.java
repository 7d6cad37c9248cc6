package dev.ltb.dataset;

import java.util.Optional;

/**
 * Port: the datasets one tenant uploaded, as a suite's {@code tests: dataset://...} finds them. Only that tenant's
 * versions are visible; another tenant's dataset is simply not found.
 */
public interface TenantDatasets {

  /** Where no dataset can be read: the local CLI, whose suites name files instead. */
  TenantDatasets NONE = ref -> {
    throw new DatasetException(
        ref + " names a dataset uploaded to a deployed stack; datasets are read there, when a run is planned. Here,"
            + " write the file itself (tests: file://tests.csv); ltb submit uploads it as a dataset for you");
  };

  /**
   * The ready version the reference names (the newest ready one when it pins none), its hash checked.
   *
   * @return empty when the tenant has no such ready version
   * @throws DatasetException when the stored file is not the version's (changed or truncated)
   */
  Optional<Dataset> find(DatasetRef ref);
}
