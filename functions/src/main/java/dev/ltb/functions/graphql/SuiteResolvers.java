package dev.ltb.functions.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltb.api.ApiException;
import dev.ltb.api.SuiteService;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.tenancy.ResourceNotFoundException;
import java.util.Objects;

/** Stored suites: {@code suites}, {@code suite}, {@code createSuite}, {@code addSuiteVersion}, {@code deleteSuite}. */
final class SuiteResolvers implements ResolverGroup {

  private final SuiteService suites;

  SuiteResolvers(SuiteService suites) {
    this.suites = Objects.requireNonNull(suites);
  }

  @Override
  public void register(ResolverRegistry.Builder registry) {
    registry
        .query(
            "suites",
            call ->
                Views.connection(
                    suites.list(Callers.of(call), call.page()),
                    Views::suite))
        .query("suite", this::suite)
        .mutation("createSuite", call -> Views.suite(suites.create(Callers.of(call), text(call))))
        .mutation(
            "addSuiteVersion",
            call -> Views.suite(suites.addVersion(Callers.of(call), call.string("suiteId"), text(call))))
        .mutation(
            "deleteSuite",
            call -> {
              suites.delete(Callers.of(call), call.string("suiteId"));
              return true;
            });
  }

  private Object suite(ResolverCall call) {
    JsonNode version = call.arguments().get("version");
    try {
      return Views.suite(
          suites.get(Callers.of(call), call.string("suiteId"), version == null || version.isNull() ? null : version.asInt()));
    } catch (ResourceNotFoundException e) {
      return null;
    } catch (ApiException e) {
      if (e.problem().status() == 404) return null;
      throw e;
    }
  }

  private static SuiteService.SuiteText text(ResolverCall call) {
    JsonNode input = call.object("input");
    if (!input.isObject() || !input.hasNonNull("content"))
      throw new BadRequest(call.field().fieldName() + ": input.content (the suite text) is required");
    return new SuiteService.SuiteText(
        input.hasNonNull("name") ? input.get("name").asText() : null,
        input.hasNonNull("format") ? input.get("format").asText() : null,
        input.get("content").asText());
  }
}
