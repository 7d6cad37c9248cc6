package dev.ltb.cdk.config;

/** Where the functions' code comes from at deploy time. */
public enum CodeSource {
  /** The zip the Maven build produced, uploaded by {@code cdk deploy} as an asset (the normal case). */
  ASSET,
  /**
   * CloudFormation an S3 bucket and key per artifact: for pipelines that upload the
   * artifacts themselves, and for synthesizing before the functions are built. Chosen explicitly with
   * context {@code functionsCode=parameters}; never a silent fallback.
   */
  PARAMETERS
}
