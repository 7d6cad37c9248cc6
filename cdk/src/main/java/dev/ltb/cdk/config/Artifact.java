package dev.ltb.cdk.config;

/** The deployable zips the Maven build produces (Quarkus {@code target/function.zip}). */
public enum Artifact {
  /** The one Quarkus app of the pipeline and event handlers, handler chosen by QUARKUS_LAMBDA_HANDLER. */
  FUNCTIONS("functionsArtifact", "functionsCode", "functions/target/function.zip", "FunctionsCode"),
  /** The REST API app (quarkus-amazon-lambda-rest cannot share an app with the others). ALIGN: module path. */
  REST_API("restApiArtifact", "restApiCode", "functions-rest/target/function.zip", "RestApiCode");

  private final String contextKey;
  private final String sourceContextKey;
  private final String defaultPath;
  private final String parameterPrefix;

  Artifact(String contextKey, String sourceContextKey, String defaultPath, String parameterPrefix) {
    this.contextKey = contextKey;
    this.sourceContextKey = sourceContextKey;
    this.defaultPath = defaultPath;
    this.parameterPrefix = parameterPrefix;
  }

  /** Context key that overrides the path. */
  public String contextKey() {
    return contextKey;
  }

  /** Context key choosing the {@link CodeSource}: {@code asset} (default) or {@code parameters}. */
  public String sourceContextKey() {
    return sourceContextKey;
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
