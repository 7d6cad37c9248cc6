package dev.ltb.aws.bedrock;

import dev.ltb.aws.bedrock.internal.ConverseOptions;
import dev.ltb.aws.bedrock.internal.ConverseRequestMapper;
import dev.ltb.aws.bedrock.internal.EmbeddingFormat;
import dev.ltb.provider.ModelPrice;
import dev.ltb.provider.PriceTable;
import dev.ltb.provider.Provider;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.suite.ProviderSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;

/**
 * Builds {@code bedrock:} providers: {@code bedrock:<modelId>} (also {@code bedrock:converse:<modelId>}) for
 * chat through Converse / ConverseStream, and {@code bedrock:embed:<modelId>} (also {@code
 * bedrock:embeddings:<modelId>}) for embeddings through InvokeModel. The model id is everything after the
 * prefix, colons included ({@code anthropic.claude-3-haiku-20240307-v1:0}); an inference profile id or ARN
 * works too.
 */
public final class BedrockProviderFactory implements ProviderFactory {

  private static final List<String> COST_KEYS = List.of("cost", "inputCost", "outputCost");

  /** Config keys of {@code bedrock:<modelId>}. */
  public static final List<String> CONVERSE_KEYS = concat(BedrockClients.KEYS, ConverseOptions.KEYS, COST_KEYS);

  /** Config keys of {@code bedrock:embed:<modelId>}. */
  public static final List<String> EMBEDDING_KEYS = concat(BedrockClients.KEYS, EmbeddingFormat.KEYS, COST_KEYS);

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "bedrock",
          "bedrock:<modelId> | bedrock:embed:<modelId>",
          "Amazon Bedrock Runtime: Converse/ConverseStream chat and Titan/Cohere embeddings (AWS credentials and region)",
          concat(CONVERSE_KEYS, EmbeddingFormat.KEYS));

  /** Cross-region inference profiles prefix the model id with a geography; they cost what the model costs. */
  private static final Set<String> GEOGRAPHY_PREFIXES = Set.of("us", "us-gov", "eu", "apac", "jp", "au", "ca", "global");

  private final Consumer<AwsClientBuilder<?, ?>> clientCustomizer;
  private final PriceTable prices;

  public BedrockProviderFactory() {
    this(builder -> {});
  }

  /**
   * @param clientCustomizer applied to every SDK client builder after the suite's settings: for a host
   *     application that brings its own credentials provider or endpoint
   */
  public BedrockProviderFactory(Consumer<AwsClientBuilder<?, ?>> clientCustomizer) {
    this(clientCustomizer, PriceTable.builtIn());
  }

  BedrockProviderFactory(Consumer<AwsClientBuilder<?, ?>> clientCustomizer, PriceTable prices) {
    this.clientCustomizer = Objects.requireNonNull(clientCustomizer, "clientCustomizer");
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Provider create(ProviderSpec spec, ProviderContext context) {
    ProviderConfig config = ProviderConfig.of(spec);
    ModelRef model = ModelRef.parse(spec.id());
    ModelPrice price = prices.resolve(config, model.id(), baseModelId(model.id())).orElse(null);
    if (model.embedding()) {
      config.rejectUnknownKeys(EMBEDDING_KEYS);
      EmbeddingFormat format = EmbeddingFormat.forModel(model.id(), config);
      return new BedrockEmbeddingProvider(
          spec.id(), model.id(), format, BedrockClients.sync(config, clientCustomizer), price);
    }
    config.rejectUnknownKeys(CONVERSE_KEYS);
    ConverseOptions options = ConverseOptions.parse(config);
    ConverseRequestMapper requests = new ConverseRequestMapper(spec.id(), model.id(), options, context.baseDir());
    return options.stream()
        ? new BedrockConverseProvider(
            spec.id(), requests, null, BedrockClients.async(config, clientCustomizer), price, config.requestTimeout())
        : new BedrockConverseProvider(
            spec.id(), requests, BedrockClients.sync(config, clientCustomizer), null, price, config.requestTimeout());
  }

  /** {@code us.anthropic.claude-3-haiku-20240307-v1:0} → {@code anthropic.claude-3-haiku-20240307-v1:0}. */
  static String baseModelId(String modelId) {
    int dot = modelId.indexOf('.');
    if (dot < 0 || modelId.startsWith("arn:")) return modelId;
    return GEOGRAPHY_PREFIXES.contains(modelId.substring(0, dot)) ? modelId.substring(dot + 1) : modelId;
  }

  /** The model id inside a provider id, and whether it names an embedding model. */
  record ModelRef(String id, boolean embedding) {

    static ModelRef parse(String providerId) {
      String rest = providerId.substring(providerId.indexOf(':') + 1);
      boolean embedding = false;
      for (String api : List.of("embed:", "embeddings:")) {
        if (rest.startsWith(api)) {
          rest = rest.substring(api.length());
          embedding = true;
        }
      }
      if (!embedding && rest.startsWith("converse:")) rest = rest.substring("converse:".length());
      if (rest.isBlank() || !providerId.contains(":"))
        throw new ProviderConfigException(
            "provider " + providerId + ": give the Bedrock model id, e.g. bedrock:anthropic.claude-3-haiku-20240307-v1:0 "
                + "or bedrock:embed:amazon.titan-embed-text-v2:0");
      return new ModelRef(rest.strip(), embedding);
    }
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    Set<String> all = new LinkedHashSet<>();
    Stream.of(lists).forEach(all::addAll);
    return List.copyOf(all);
  }
}
