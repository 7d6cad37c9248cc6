package dev.ltb.audit;

import dev.ltb.provider.Redaction;
import dev.ltb.tenancy.Ids;
import java.util.List;
import java.util.Set;

/**
 * What an action touched: a type from a fixed list and an id that passes {@link Ids#requireResourceId} (or none,
 * for collections), so neither can carry free text. An id shaped like a credential (someone pasted a key into a
 * URL) is recorded as {@code redacted}.
 */
public record ResourceRef(String type, String id) {

  public static final Set<String> TYPES = Set.of("tenant", "run", "suite", "dataset", "plugin", "provider-credential",
      "webhook", "hook", "api-key", "member", "usage", "audit");

  public ResourceRef {
    if (!TYPES.contains(type)) throw new IllegalArgumentException("unknown audit resource type " + Ids.describe(type));
    if (id != null) {
      Ids.requireResourceId(type + " id", id);
      if (!Redaction.redact(id, List.of()).equals(id)) id = "redacted";
    }
  }

  public static ResourceRef of(String type, String id) {
    return new ResourceRef(type, id);
  }

  /** A collection (e.g. "the runs"), or a resource whose id is not known or not valid. */
  public static ResourceRef collection(String type) {
    return new ResourceRef(type, null);
  }
}
