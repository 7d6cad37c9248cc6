package dev.ltb.provider.openai;

import java.util.Objects;

/**
 * A service that speaks OpenAI's Chat Completions API: where it lives and where its key and URL come from.
 * {@link OpenAiChatProvider.Factory} serves any of them; presets for other vendors (Groq, Together, DeepSeek,
 * ...) are one such record each.
 *
 * @param prefix the provider id prefix, e.g. {@code openai}
 * @param description one line for {@code ltb providers} and the docs
 * @param defaultBaseUrl the API root that {@code /chat/completions} is appended to
 * @param apiKeyVariable the environment variable (secret) holding the API key
 * @param baseUrlVariable the environment variable that overrides the base URL, or null
 */
public record OpenAiCompatibleVendor(
    String prefix, String description, String defaultBaseUrl, String apiKeyVariable, String baseUrlVariable) {

  public static final OpenAiCompatibleVendor OPENAI =
      new OpenAiCompatibleVendor(
          "openai",
          "OpenAI Chat Completions, and any OpenAI-compatible server (Ollama, llama.cpp, vLLM, LM Studio)"
              + " via apiBaseUrl",
          "https://api.openai.com/v1",
          "OPENAI_API_KEY",
          "OPENAI_BASE_URL");

  public OpenAiCompatibleVendor {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl");
  }
}
