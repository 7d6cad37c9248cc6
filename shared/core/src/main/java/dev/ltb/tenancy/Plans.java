package dev.ltb.tenancy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ltb.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plans an operator sells, read from YAML or JSON ({@code plans: [{id, maxItemsPerRun, ...}]}). The built-in
 * catalogue ({@code dev/ltb/tenancy/plans.yaml}) is the documented default; operators pass their own file.
 */
public final class Plans {

  private static final ObjectReader READER =
      Json.yaml().readerFor(new TypeReference<Map<String, List<Plan>>>() {})
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, Plan> byId;
  private final List<String> order;

  private Plans(List<Plan> plans) {
    Map<String, Plan> map = new LinkedHashMap<>();
    for (Plan plan : plans)
      if (map.put(plan.id(), plan) != null) throw new IllegalArgumentException("plan " + plan.id() + " is defined twice");
    if (map.isEmpty()) throw new IllegalArgumentException("the plan catalogue defines no plan");
    this.byId = Map.copyOf(map);
    this.order = List.copyOf(map.keySet());
  }

  public static Plans of(List<Plan> plans) {
    return new Plans(plans);
  }

  /** The catalogue shipped with the service. */
  public static Plans builtIn() {
    try (InputStream in = Plans.class.getResourceAsStream("plans.yaml")) {
      return parse(in, "built-in plans.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Plans load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read plan catalogue " + file, e);
    }
  }

  private static Plans parse(InputStream in, String source) throws IOException {
    Map<String, List<Plan>> root;
    try {
      root = READER.readValue(in);
    } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
      throw new IllegalArgumentException(source + ": " + e.getOriginalMessage(), e);
    }
    if (root == null || root.get("plans") == null)
      throw new IllegalArgumentException(source + ": expected a top-level 'plans' list");
    return new Plans(root.get("plans"));
  }

  public Optional<Plan> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Plan get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown plan " + Ids.describe(id) + "; known: " + String.join(", ", order)));
  }

  public List<Plan> all() {
    return order.stream().map(byId::get).toList();
  }
}
