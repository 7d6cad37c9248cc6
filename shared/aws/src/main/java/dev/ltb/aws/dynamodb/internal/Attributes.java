package dev.ltb.aws.dynamodb.internal;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttribute;

/** Shorthands for the plain attributes of the static table schemas (no reflection: cold starts stay short). */
final class Attributes {

  private Attributes() {}

  static <T> Consumer<StaticAttribute.Builder<T, String>> string(
      String name, Function<T, String> getter, BiConsumer<T, String> setter) {
    return attribute -> attribute.name(name).getter(getter).setter(setter);
  }

  static <T> Consumer<StaticAttribute.Builder<T, Long>> longAttribute(
      String name, Function<T, Long> getter, BiConsumer<T, Long> setter) {
    return attribute -> attribute.name(name).getter(getter).setter(setter);
  }

  static <T> Consumer<StaticAttribute.Builder<T, Integer>> intAttribute(
      String name, Function<T, Integer> getter, BiConsumer<T, Integer> setter) {
    return attribute -> attribute.name(name).getter(getter).setter(setter);
  }

  static <T> Consumer<StaticAttribute.Builder<T, Double>> doubleAttribute(
      String name, Function<T, Double> getter, BiConsumer<T, Double> setter) {
    return attribute -> attribute.name(name).getter(getter).setter(setter);
  }
}
