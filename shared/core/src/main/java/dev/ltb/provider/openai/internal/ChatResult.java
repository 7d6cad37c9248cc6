package dev.ltb.provider.openai.internal;

import dev.ltb.provider.ProviderResponse;

/**
 * A mapped answer before pricing.
 *
 * @param response the answer, cost not yet set
 * @param model the model the server says answered (may be a dated snapshot of the requested one), or null
 * @param usageReported false when the server reported no usage, so the cost is unknown rather than zero
 */
public record ChatResult(ProviderResponse response, String model, boolean usageReported) {}
