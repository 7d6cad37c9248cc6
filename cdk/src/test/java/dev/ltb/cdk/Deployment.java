package dev.ltb.cdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltb.cdk.config.LtbConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * A synthesized app, built once per JVM for each configuration the tests look at (the first synth costs
 * ~15 s): the context of {@code cdk.json} (what {@code bin/cdk} deploys) plus each configuration's overrides.
 *
 * <p>The pipeline functions' code is the zip the functions module's package phase builds (the cdk module
 * depends on it for build order). When a test run did not build it (e.g. {@code -pl cdk} alone), the tests
 * say so and synthesize with {@code functionsCode=parameters} instead.
 */
public final class Deployment {
  public static final Path FUNCTIONS_ZIP = Path.of("..", "functions", "target", "function.zip");
  public static final Path REST_API_ZIP = Path.of("..", "functions-rest", "target", "function.zip");

  private static final Map<String, Deployment> CACHE = new ConcurrentHashMap<>();

  private final App app;
  private final LtbConfig config;
  private final LtbStacks stacks;
  private final Map<Stack, Template> templates = new HashMap<>();

  private Deployment(Map<String, Object> overrides) {
    Map<String, Object> context = new LinkedHashMap<>(cdkJsonContext());
    if (!Files.isRegularFile(FUNCTIONS_ZIP)) {
      System.err.println(
          "Deployment: " + FUNCTIONS_ZIP.toAbsolutePath().normalize() + " was not built (run the reactor to the package"
              + " phase, e.g. ./mvnw -pl cdk -am verify); synthesizing with functionsCode=parameters");
      context.put("functionsCode", "parameters");
    }
    if (!Files.isRegularFile(REST_API_ZIP)) {
      System.err.println(
          "Deployment: " + REST_API_ZIP.toAbsolutePath().normalize() + " was not built; synthesizing with"
              + " restApiCode=parameters");
      context.put("restApiCode", "parameters");
    }
    context.putAll(overrides);
    this.app = new App(AppProps.builder().context(context).build());
    this.config = LtbConfig.fromContext(key -> app.getNode().tryGetContext(key));
    this.stacks = LtbStacks.create(app, config, null);
  }

  /** The default deployment of cdk.json: stage dev, single account. */
  public static Deployment singleAccount() {
    return CACHE.computeIfAbsent("single", key -> new Deployment(Map.of()));
  }

  /** A production SaaS deployment with a custom domain and an alarm email. */
  public static Deployment saasProduction() {
    return CACHE.computeIfAbsent(
        "saas",
        key ->
            new Deployment(
                Map.of(
                    "stage", "prod",
                    "mode", "saas",
                    "domainName", "bench.example.com",
                    "certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/0f7a2c1e-5b0a-4c5e-9d1f-3a6b8e2d4c10",
                    "hostedZoneId", "Z0123456789ABCDEFGHIJ",
                    "alarmEmail", "ops@example.com")));
  }

  public static List<Deployment> all() {
    return List.of(singleAccount(), saasProduction());
  }

  public LtbConfig config() {
    return config;
  }

  public LtbStacks stacks() {
    return stacks;
  }

  /** The stack's template; also written to target/templates/ for a human to read after the tests. */
  public synchronized Template template(Stack stack) {
    return templates.computeIfAbsent(
        stack,
        key -> {
          Template template = Template.fromStack(key);
          try {
            Path dir = Files.createDirectories(Path.of("target", "templates"));
            new ObjectMapper()
                .writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve(key.getStackName() + ".json").toFile(), template.toJSON());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return template;
        });
  }

  public Annotations annotations(Stack stack) {
    template(stack);
    return Annotations.fromStack(stack);
  }

  @Override
  public String toString() {
    return config.stage() + "/" + config.mode().id();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cdkJsonContext() {
    try {
      Map<String, Object> cdkJson = new ObjectMapper().readValue(Files.readString(Path.of("cdk.json")), Map.class);
      return (Map<String, Object>) cdkJson.get("context");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
