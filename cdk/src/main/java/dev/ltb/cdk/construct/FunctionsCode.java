package dev.ltb.cdk.construct;

import dev.ltb.cdk.config.Artifact;
import dev.ltb.cdk.config.LtbConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.CfnParametersCodeProps;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The code of the functions: the zips the Maven build produced, or (explicitly chosen) CloudFormation
 * parameters naming where a pipeline uploaded them. A missing zip in asset mode is an error that says how
 * to build it, never a silent substitute.
 */
public final class FunctionsCode {
  private final LtbConfig config;
  private final Map<String, Code> parameterCodes = new HashMap<>();

  public FunctionsCode(LtbConfig config) {
    this.config = config;
  }

  public Code of(Stack stack, Artifact artifact) {
    return switch (config.codeSource(artifact)) {
      case ASSET -> Code.fromAsset(existingZip(artifact).toString());
      case PARAMETERS -> parameterCode(stack, artifact);
    };
  }

  private Path existingZip(Artifact artifact) {
    Path zip = config.artifact(artifact);
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException(
          "The "
              + artifact.name().toLowerCase().replace('_', ' ')
              + " artifact "
              + zip
              + " does not exist. Build it first (bin/cdk runs the Maven build: ./mvnw -pl <module> -am package"
              + " -DskipTests), point context '"
              + artifact.contextKey()
              + "' at the zip, or synthesize with -c "
              + artifact.sourceContextKey()
              + "=parameters to take the code from"
              + " CloudFormation parameters.");
    }
    return zip;
  }

  /** One pair of parameters per stack and artifact; every function of that artifact in the stack shares it. */
  private Code parameterCode(Stack stack, Artifact artifact) {
    return parameterCodes.computeIfAbsent(
        stack.getNode().getPath() + "/" + artifact,
        key -> {
          Annotations.of(stack)
              .addInfo(
                  "Function code of the "
                      + artifact
                      + " artifact comes from the parameters "
                      + artifact.parameterPrefix()
                      + "Bucket/Key ("
                      + artifact.sourceContextKey()
                      + "=parameters)");
          CfnParameter bucket =
              CfnParameter.Builder.create(stack, artifact.parameterPrefix() + "Bucket")
                  .type("String")
                  .description("S3 bucket holding the " + artifact + " zip (" + artifact.defaultPath() + ")")
                  .build();
          CfnParameter objectKey =
              CfnParameter.Builder.create(stack, artifact.parameterPrefix() + "Key")
                  .type("String")
                  .description("S3 key of the " + artifact + " zip")
                  .build();
          return Code.fromCfnParameters(
              CfnParametersCodeProps.builder().bucketNameParam(bucket).objectKeyParam(objectKey).build());
        });
  }
}
