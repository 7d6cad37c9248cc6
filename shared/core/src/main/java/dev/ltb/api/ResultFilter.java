package dev.ltb.api;

import dev.ltb.engine.ItemResult;
import dev.ltb.engine.ItemStatus;
import java.util.function.Predicate;

/**
 * Which results of a run to list; null fields do not filter.
 *
 * @param provider the provider id ({@code openai:chat:gpt-4o-mini}) or label
 * @param pass true: passed items only; false: failed items (not errors)
 * @param error true: items whose provider or evaluator failed; false: all but those
 */
public record ResultFilter(String provider, Boolean pass, Boolean error) implements Predicate<ItemResult> {

  public static final ResultFilter ALL = new ResultFilter(null, null, null);

  @Override
  public boolean test(ItemResult result) {
    if (provider != null && !provider.equals(result.providerId()) && !provider.equals(result.providerLabel()))
      return false;
    if (pass != null && (pass ? result.status() != ItemStatus.PASS : result.status() != ItemStatus.FAIL)) return false;
    return error == null || error == (result.status() == ItemStatus.ERROR);
  }
}
