package dev.ltb.provider.openai;

import java.util.List;
import java.util.Objects;

/**
 * A service that speaks OpenAI's Chat Completions API: where it lives and where its key and URL come from.
 * {@link OpenAiChatProvider.Factory} serves any of them, so a preset for another vendor is one such record
 * and one line in {@code BuiltInProviders} (docs/providers.md shows it).
 *
 * @param prefix the provider id prefix, e.g. {@code openai}
 * @param description one line for {@code ltb providers} and the docs
 * @param defaultBaseUrl the API root that {@code /chat/completions} is appended to; null when there is no
 *     usual one, so config {@code apiBaseUrl} is required
 * @param apiKeyVariable the environment variable (secret) holding the API key, or null
 * @param baseUrlVariable the environment variable that overrides the base URL, or null
 * @param apiKeyRequired whether the service at its default base URL needs a key (a local server does not;
 *     any vendor's key becomes optional when {@code apiBaseUrl} points elsewhere)
 */
public record OpenAiCompatibleVendor(
    String prefix,
    String description,
    String defaultBaseUrl,
    String apiKeyVariable,
    String baseUrlVariable,
    boolean apiKeyRequired) {

  public static final OpenAiCompatibleVendor OPENAI =
      new OpenAiCompatibleVendor(
          "openai",
          "OpenAI Chat Completions, and any OpenAI-compatible server (Ollama, llama.cpp, vLLM, LM Studio)"
              + " via apiBaseUrl",
          "https://api.openai.com/v1",
          "OPENAI_API_KEY",
          "OPENAI_BASE_URL");

  public static final OpenAiCompatibleVendor GROQ =
      hosted("groq", "Groq", "https://api.groq.com/openai/v1", "GROQ_API_KEY");
  public static final OpenAiCompatibleVendor TOGETHER =
      hosted("together", "Together AI", "https://api.together.ai/v1", "TOGETHER_API_KEY");
  public static final OpenAiCompatibleVendor PERPLEXITY =
      hosted("perplexity", "Perplexity Sonar", "https://api.perplexity.ai", "PERPLEXITY_API_KEY");
  public static final OpenAiCompatibleVendor OPENROUTER =
      hosted("openrouter", "OpenRouter", "https://openrouter.ai/api/v1", "OPENROUTER_API_KEY");
  public static final OpenAiCompatibleVendor DEEPSEEK =
      hosted("deepseek", "DeepSeek", "https://api.deepseek.com", "DEEPSEEK_API_KEY");
  public static final OpenAiCompatibleVendor FIREWORKS =
      hosted("fireworks", "Fireworks AI", "https://api.fireworks.ai/inference/v1", "FIREWORKS_API_KEY");
  public static final OpenAiCompatibleVendor XAI = hosted("xai", "xAI Grok", "https://api.x.ai/v1", "XAI_API_KEY");
  public static final OpenAiCompatibleVendor VLLM =
      local("vllm", "vLLM", "http://localhost:8000/v1", "VLLM_API_KEY");
  public static final OpenAiCompatibleVendor LMSTUDIO =
      local("lmstudio", "LM Studio", "http://localhost:1234/v1", "LM_API_TOKEN");
  public static final OpenAiCompatibleVendor OPENAI_COMPATIBLE =
      new OpenAiCompatibleVendor(
          "openai-compatible",
          "Any server with an OpenAI-compatible Chat Completions API at config apiBaseUrl (key optional)",
          null,
          null,
          null,
          false);

  /** Every preset besides OpenAI itself, in the order {@code ltb providers} lists them. */
  public static final List<OpenAiCompatibleVendor> PRESETS =
      List.of(GROQ, TOGETHER, PERPLEXITY, OPENROUTER, DEEPSEEK, FIREWORKS, XAI, VLLM, LMSTUDIO, OPENAI_COMPATIBLE);

  public OpenAiCompatibleVendor {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(description, "description");
  }

  /** A vendor whose key is required at its default base URL. */
  public OpenAiCompatibleVendor(
      String prefix, String description, String defaultBaseUrl, String apiKeyVariable, String baseUrlVariable) {
    this(prefix, description, defaultBaseUrl, apiKeyVariable, baseUrlVariable, true);
  }

  private static OpenAiCompatibleVendor hosted(String prefix, String name, String baseUrl, String keyVariable) {
    return new OpenAiCompatibleVendor(
        prefix, name + " (OpenAI-compatible Chat Completions; key in " + keyVariable + ")", baseUrl, keyVariable,
        null, true);
  }

  private static OpenAiCompatibleVendor local(String prefix, String name, String baseUrl, String keyVariable) {
    return new OpenAiCompatibleVendor(
        prefix, name + " server (OpenAI-compatible Chat Completions at " + baseUrl + "; key optional)", baseUrl,
        keyVariable, null, false);
  }
}
