package dev.ltb.provider.anthropic.internal;

import dev.ltb.provider.ProviderResponse;

/**
 * A mapped answer before pricing.
 *
 * @param response the answer, cost not yet set
 * @param model the model that answered (a dated snapshot of an alias), or null
 * @param usageReported false when the answer carried no usage, so the cost is unknown rather than zero
 */
public record MessagesResult(ProviderResponse response, String model, boolean usageReported) {}
