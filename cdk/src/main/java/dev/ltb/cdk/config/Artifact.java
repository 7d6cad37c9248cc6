package dev.ltb.cdk.config;

/** The deployable zips the Maven build produces (Quarkus {@code target/function.zip}). */
public enum Artifact {
  /** The one Quarkus app of the pipeline and event handlers, handler chosen by QUARKUS_LAMBDA_HANDLER. */
  FUNCTIONS("functionsArtifact", "functions/target/function.zip", "FunctionsCode"),
  /** The REST API app (quarkus-amazon-lambda-rest cannot share an app with the others). ALIGN: module path. */
  REST_API("restArtifact", "functions-rest/target/function.zip", "RestApiCode");

  private final String contextKey;
  private final String defaultPath;
  private final String parameterPrefix;

  Artifact(String contextKey, String defaultPath, String parameterPrefix) {
    this.contextKey = contextKey;
    this.defaultPath = defaultPath;
    this.parameterPrefix = parameterPrefix;
  }

  /** Context key that overrides the path. */
  public String contextKey() {
    return contextKey;
  }

  /** Path relative to the repository root. */
  public String defaultPath() {
    return defaultPath;
  }

  /** Prefix of the CloudFormation parameters in {@link CodeSource#PARAMETERS} mode. */
  public String parameterPrefix() {
    return parameterPrefix;
  }
}
