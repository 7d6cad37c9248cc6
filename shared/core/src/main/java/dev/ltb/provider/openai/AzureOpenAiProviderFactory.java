package dev.ltb.provider.openai;

import dev.ltb.provider.PriceTable;
import dev.ltb.provider.ProviderConfig;
import dev.ltb.provider.ProviderConfigException;
import dev.ltb.provider.ProviderContext;
import dev.ltb.provider.ProviderDescriptor;
import dev.ltb.provider.ProviderFactory;
import dev.ltb.provider.SecretResolver;
import dev.ltb.provider.openai.internal.ChatSettings;
import dev.ltb.suite.ProviderSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code azure:chat:<deployment>} (or {@code azure:<deployment>}): Azure OpenAI chat completions, {@code
 * POST {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...}. The request and answer
 * are OpenAI's Chat Completions (the same settings and mapper as {@code openai:chat}), except that the body
 * names no model: the deployment does. The price is the config's, else the model the answer names.
 *
 * <p>Endpoint: {@code apiBaseUrl} (e.g. {@code https://my-resource.openai.azure.com}), else {@code apiHost}
 * ({@code my-resource.openai.azure.com}), else {@code AZURE_OPENAI_ENDPOINT}. API version: {@code
 * apiVersion}, default {@value #DEFAULT_API_VERSION}. Authentication: an {@code api-key} header with {@code
 * apiKey} / {@code apiKeyEnvar} / {@code AZURE_OPENAI_API_KEY}, or {@code Authorization: Bearer} with a
 * Microsoft Entra ID token from {@code azureAdToken} / {@code azureAdTokenEnvar} / {@code
 * AZURE_OPENAI_AD_TOKEN} (a token named in the config wins over a key from the environment).
 */
public final class AzureOpenAiProviderFactory implements ProviderFactory {

  /** The latest generally available version of the data-plane inference API with deployment routes. */
  public static final String DEFAULT_API_VERSION = "2024-10-21";

  static final String KEY_VARIABLE = "AZURE_OPENAI_API_KEY";
  static final String TOKEN_VARIABLE = "AZURE_OPENAI_AD_TOKEN";
  static final String ENDPOINT_VARIABLE = "AZURE_OPENAI_ENDPOINT";

  private static final Pattern API_VERSION = Pattern.compile("[A-Za-z0-9.-]+");

  public static final ProviderDescriptor DESCRIPTOR =
      new ProviderDescriptor(
          "azure",
          "azure:chat:<deployment>",
          "Azure OpenAI chat completions of a deployment (api-key or Entra ID token; apiVersion)",
          OpenAiChatProvider.concat(
              List.of(
                  "apiKey", "apiKeyEnvar", "azureAdToken", "azureAdTokenEnvar", "apiBaseUrl", "apiHost",
                  "apiVersion", "headers", "timeoutMs", "cost", "inputCost", "outputCost"),
              ChatSettings.KEYS));

  @Override
  public ProviderDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public OpenAiChatProvider create(ProviderSpec spec, ProviderContext context) {
    ProviderConfig config = ProviderConfig.of(spec);
    OpenAiChatProvider.warnAboutUnknownKeys(spec, config, DESCRIPTOR.configKeys());
    ModelId id = ModelId.parse(spec.id(), "azure");
    if (!id.api().equals("chat"))
      throw new ProviderConfigException(
          "provider " + spec.id() + ": the " + id.api() + " API is not supported; use azure:chat:<deployment>");
    String deployment = id.requireModel(spec.id(), "azure:chat:<deployment>", "azure:chat:my-gpt-4o-mini");
    String apiVersion = config.string("apiVersion").filter(text -> !text.isBlank()).orElse(DEFAULT_API_VERSION);
    if (!API_VERSION.matcher(apiVersion).matches())
      throw config.error("apiVersion", "must look like " + DEFAULT_API_VERSION + ", was \"" + apiVersion + "\"");
    URI endpoint =
        URI.create(
            endpoint(config, context.secrets()) + "/openai/deployments/"
                + URLEncoder.encode(deployment, StandardCharsets.UTF_8) + "/chat/completions?api-version="
                + apiVersion);
    Map<String, String> headers = new LinkedHashMap<>();
    String secret = authenticate(config, context.secrets(), headers);
    headers.putAll(config.stringMap("headers"));
    Connection connection = new Connection(endpoint, headers, config.requestTimeout(), List.of(secret));
    return OpenAiChatProvider.withoutModelInBody(
        spec.id(), deployment, connection, ChatSettings.from(config), PriceTable.configured(config),
        context.httpClient());
  }

  private static URI endpoint(ProviderConfig config, SecretResolver secrets) {
    Optional<String> host = config.string("apiHost").filter(text -> !config.has("apiBaseUrl"));
    if (host.isPresent()) {
      try {
        URI uri = new URI("https://" + host.get().strip());
        if (uri.getHost() != null) return uri;
      } catch (URISyntaxException e) {
        // reported below
      }
      throw config.error(
          "apiHost", "must be a host name such as my-resource.openai.azure.com, was \"" + host.get() + "\"");
    }
    boolean known = config.has("apiBaseUrl") || secrets.resolve(ENDPOINT_VARIABLE).isPresent();
    if (!known) {
      throw new ProviderConfigException(
          "provider " + config.providerId() + ": no endpoint: set the environment variable " + ENDPOINT_VARIABLE
              + " or config apiBaseUrl, e.g. https://my-resource.openai.azure.com");
    }
    return config.baseUrl(secrets, ENDPOINT_VARIABLE, null);
  }

  /** Puts the authentication header and returns the secret it carries. */
  private static String authenticate(ProviderConfig config, SecretResolver secrets, Map<String, String> headers) {
    Optional<String> token =
        config.string("azureAdToken").filter(text -> !text.isBlank())
            .or(() -> secrets.resolve(config.string("azureAdTokenEnvar").orElse(TOKEN_VARIABLE)))
            .filter(text -> !text.isBlank());
    boolean tokenAskedFor = config.has("azureAdToken") || config.has("azureAdTokenEnvar");
    Optional<String> key = config.apiKey(secrets, KEY_VARIABLE);
    if (token.isPresent() && (tokenAskedFor || key.isEmpty())) {
      headers.put("Authorization", "Bearer " + token.get());
      return token.get();
    }
    if (key.isPresent()) {
      headers.put("api-key", key.get());
      return key.get();
    }
    throw new ProviderConfigException(
        "provider " + config.providerId() + ": no credentials: set " + KEY_VARIABLE + " (or config apiKey) for an"
            + " API key, or " + TOKEN_VARIABLE + " (or config azureAdToken) for a Microsoft Entra ID token");
  }
}
