package dev.ltb.functions.graphql;

import dev.ltb.api.AccountService;
import dev.ltb.api.CredentialService;
import dev.ltb.audit.AuditQuery;
import dev.ltb.functions.graphql.errors.BadRequest;
import dev.ltb.security.IssuedApiKey;
import dev.ltb.tenancy.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tenant's settings and records: {@code providers}, {@code providerCredentials}, {@code usage}, {@code
 * auditLog}, {@code apiKeys}, {@code createApiKey} (the secret is in this answer only), {@code revokeApiKey}.
 */
final class AccountResolvers implements ResolverGroup {

  private final AccountService account;
  private final CredentialService credentials;

  AccountResolvers(AccountService account, CredentialService credentials) {
    this.account = Objects.requireNonNull(account);
    this.credentials = Objects.requireNonNull(credentials);
  }

  @Override
  public void register(ResolverRegistry.Builder registry) {
    registry
        .query("providers", call -> credentials.providers(Callers.of(call)).stream().map(Views::provider).toList())
        .query(
            "providerCredentials",
            call -> credentials.credentials(Callers.of(call)).stream().map(Views::credential).toList())
        .query(
            "usage",
            call ->
                account.usage(Callers.of(call), date(call, "from"), date(call, "to")).stream()
                    .map(Views::usageDay)
                    .toList())
        .query("auditLog", this::audit)
        .query("apiKeys", call -> account.keys(Callers.of(call)).stream().map(Views::apiKey).toList())
        .mutation("createApiKey", this::createKey)
        .mutation(
            "revokeApiKey",
            call -> {
              account.revokeKey(Callers.of(call), call.string("keyId"));
              return true;
            });
  }

  private Object audit(ResolverCall call) {
    PageRequest page = call.page();
    AuditQuery query;
    try {
      query = new AuditQuery(instant(call, "from"), instant(call, "to"), page);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("auditLog: " + e.getMessage());
    }
    return Views.connection(account.audit(Callers.of(call), query), Views::audit);
  }

  private Object createKey(ResolverCall call) {
    IssuedApiKey issued = account.issueKey(Callers.of(call), call.string("name"));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("key", Views.apiKey(issued.record()));
    view.put("secret", issued.key().reveal());
    return view;
  }

  private static LocalDate date(ResolverCall call, String name) {
    String text = call.string(name);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(call.field().fieldName() + ": argument '" + name + "' must be a date (YYYY-MM-DD)");
    }
  }

  private static Instant instant(ResolverCall call, String name) {
    String text = call.optionalString(name);
    if (text == null) return null;
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(call.field().fieldName() + ": argument '" + name + "' must be an AWSDateTime");
    }
  }
}
