package dev.ltb.cdk.construct;

import dev.ltb.cdk.Names;
import dev.ltb.cdk.config.FunctionKind;
import dev.ltb.cdk.config.FunctionTuning;
import dev.ltb.cdk.config.LtbConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * One Lambda function of the bench: Java 21 on arm64, SnapStart on published versions, invoked through
 * the {@code live} alias of its current version, its own role (no managed policies: it may write its own
 * log group and X-Ray traces, everything else is granted explicitly by the stack) and its own log group
 * with the configured retention.
 */
public final class LtbFunction extends Construct {
  private final FunctionKind kind;
  private final Function function;
  private final Alias alias;
  private final Role role;
  private final LogGroup logGroup;

  public LtbFunction(
      Construct scope, FunctionKind kind, LtbConfig config, Code code, Map<String, String> environment) {
    super(scope, idOf(kind));
    this.kind = kind;
    this.role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("ltb " + config.stage() + " " + kind.id() + ": " + kind.description())
            .build();
    this.logGroup =
        LogGroup.Builder.create(this, "Logs")
            .logGroupName("/ltb/" + config.stage() + "/functions/" + kind.id())
            .retention(config.logRetention())
            .removalPolicy(config.removalPolicy())
            .build();
    logGroup.grantWrite(role);

    FunctionTuning tuning = config.tuning(kind);
    this.function =
        Function.Builder.create(this, "Function")
            .description(kind.description())
            .runtime(Runtime.JAVA_21)
            .architecture(Architecture.ARM_64)
            .handler(Names.QUARKUS_STREAM_HANDLER)
            .code(code)
            .memorySize(tuning.memoryMb())
            .timeout(tuning.timeout())
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .role(role)
            .logGroup(logGroup)
            .loggingFormat(LoggingFormat.JSON)
            .applicationLogLevelV2(ApplicationLogLevel.INFO)
            .systemLogLevelV2(SystemLogLevel.WARN)
            .tracing(Tracing.ACTIVE)
            .environment(environment(kind, config, environment))
            .build();
    this.alias =
        Alias.Builder.create(this, "Live").aliasName(Names.LIVE_ALIAS).version(function.getCurrentVersion()).build();

    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish", "every function is published and invoked through its live alias");
    Nag.suppress(
        this,
        "AwsSolutions-L1",
        "Java 21 is the project's bytecode target (DESIGN.md); moving to a newer Java runtime is a planned upgrade");
    Nag.suppress(
        role,
        "AwsSolutions-IAM5",
        "X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (AWS requires *)",
        List.of("Resource::*"));
  }

  private static Map<String, String> environment(FunctionKind kind, LtbConfig config, Map<String, String> extra) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put(Names.Env.STAGE, config.stage());
    environment.put(Names.Env.MODE, config.mode().id());
    if (kind.handler() != null) environment.put(Names.Env.QUARKUS_HANDLER, kind.handler());
    environment.put(Names.Env.POWERTOOLS_NAMESPACE, Names.Metric.NAMESPACE);
    environment.put(Names.Env.POWERTOOLS_SERVICE, "ltb-" + kind.id());
    environment.putAll(extra);
    return environment;
  }

  public static String idOf(FunctionKind kind) {
    StringBuilder id = new StringBuilder();
    for (String part : kind.id().split("-")) {
      id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return id.append("Function").toString();
  }

  public FunctionKind kind() {
    return kind;
  }

  public Function function() {
    return function;
  }

  /** What callers, event sources and the state machine invoke: the live alias of the published version. */
  public Alias alias() {
    return alias;
  }

  public IGrantable grantee() {
    return role;
  }

  public void addToPolicy(PolicyStatement statement) {
    role.addToPolicy(statement);
  }

  public void addEnvironment(String key, String value) {
    function.addEnvironment(key, value);
  }
}
