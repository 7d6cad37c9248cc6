package dev.ltb.pipeline.cost;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * AWS infrastructure cost of a workload, excluding model tokens (those are in each result's cost).
 *
 * @param workload what was priced
 * @param prices the price list used
 * @param perRunUsd cost of one run, per service
 */
public record InfrastructureCost(PipelineWorkload workload, AwsPriceList prices, Map<AwsService, Double> perRunUsd) {

  public InfrastructureCost {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(prices, "prices");
    perRunUsd = Collections.unmodifiableMap(new EnumMap<>(perRunUsd));
  }

  public double perRun() {
    return perRunUsd.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public double perItem() {
    return perRun() / workload.itemsPerRun();
  }

  public double perThousandItems() {
    return perItem() * 1_000;
  }

  public double perMillionItems() {
    return perItem() * 1_000_000;
  }

  /** One service's share of {@link #perMillionItems()}. */
  public double perMillionItems(AwsService service) {
    return perRunUsd.getOrDefault(service, 0.0) / workload.itemsPerRun() * 1_000_000;
  }
}
