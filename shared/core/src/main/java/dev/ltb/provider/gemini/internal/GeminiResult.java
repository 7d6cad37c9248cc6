package dev.ltb.provider.gemini.internal;

import dev.ltb.provider.ProviderResponse;

/**
 * A mapped answer before pricing.
 *
 * @param response the answer, cost not yet set
 * @param model the model version that answered ({@code modelVersion}), or null
 * @param usageReported false when the answer carried no usage, so the cost is unknown rather than zero
 */
public record GeminiResult(ProviderResponse response, String model, boolean usageReported) {}
