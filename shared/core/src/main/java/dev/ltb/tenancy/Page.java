package dev.ltb.tenancy;

import java.util.List;
import java.util.Optional;

/** One page of a list and the cursor of the next one (empty on the last page). */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

  public Page {
    items = List.copyOf(items);
    nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
  }

  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }
}
