package dev.ltb.functions.graphql;

import dev.ltb.api.ApiServices;
import java.util.List;

/** Every resolver group of the GraphQL API, over the use cases REST shares ({@link ApiServices}). */
public final class Resolvers {

  private Resolvers() {}

  public static ResolverRegistry registry(ApiServices api) {
    return ResolverRegistry.of(
        List.of(
            new RunResolvers(api.runs(), api.results()),
            new ResultResolvers(api.results()),
            new SuiteResolvers(api.suites()),
            new AccountResolvers(api.account(), api.credentials()),
            new WebhookResolvers(api.webhooks())));
  }
}
