package dev.ltb.run;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One page of a run list.
 *
 * @param runs newest first
 * @param next where the next page starts; empty on the last page
 */
public record RunListPage(List<RunRecord> runs, Optional<RunPosition> next) {

  public RunListPage {
    runs = List.copyOf(runs);
    next = next == null ? Optional.empty() : next;
  }

  /**
   * The first {@code limit} of {@code listed} (already in list order and filtered); a next position only when one
   * more run follows, so the last page says it is the last.
   */
  public static RunListPage of(Iterator<RunRecord> listed, int limit) {
    List<RunRecord> runs = new ArrayList<>();
    while (runs.size() < limit && listed.hasNext()) runs.add(listed.next());
    boolean more = !runs.isEmpty() && listed.hasNext();
    return new RunListPage(runs, more ? Optional.of(RunPosition.of(runs.getLast())) : Optional.empty());
  }
}
