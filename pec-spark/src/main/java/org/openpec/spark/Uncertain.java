package org.openpec.spark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.openpec.access.UncertainWindow;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.time.Interval;
import org.openpec.time.UsageDays;

/**
 * The uncertain windows of an access import, and the note {@code pec credit} appends to the {@code Detail} of a
 * line they bear on: {@code (uncertain: role assignment NAME: why; ...)}, naming each window whose assignment's
 * scope covers the line's resource and whose time overlaps its usage day, in the import's order.
 *
 * <p>Only windows of assignments attributed to a partner ID are kept (an unattributed grant never earns credit,
 * so not knowing when it was held cannot change a verdict). Windows are indexed by UTC day, so that a line on a day
 * no window touches costs one map lookup; a window longer than {@value #MAX_INDEXED_DAYS} days, or unbounded, is
 * checked against every line. Immutable and thread-safe.
 */
final class Uncertain {

  private static final long MAX_INDEXED_DAYS = 400;

  private final Map<LocalDate, List<UncertainWindow>> byDay;
  private final List<UncertainWindow> wide;

  private Uncertain(Map<LocalDate, List<UncertainWindow>> byDay, List<UncertainWindow> wide) {
    this.byDay = byDay;
    this.wide = wide;
  }

  /** The lookup of {@code windows}, keeping those attributed to a partner ID. */
  static Uncertain of(List<UncertainWindow> windows) {
    Map<LocalDate, List<UncertainWindow>> byDay = new HashMap<>();
    List<UncertainWindow> wide = new ArrayList<>();
    for (UncertainWindow w : windows) {
      if (w.partnerId().isEmpty()) {
        continue;
      }
      Interval i = w.interval();
      if (i.isUnbounded() || i.start().equals(Instant.MIN)) {
        wide.add(w);
        continue;
      }
      LocalDate first = LocalDate.ofInstant(i.start(), ZoneOffset.UTC);
      LocalDate last = LocalDate.ofInstant(i.end().minusNanos(1), ZoneOffset.UTC);
      if (first.plusDays(MAX_INDEXED_DAYS).isBefore(last)) {
        wide.add(w);
        continue;
      }
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        byDay.computeIfAbsent(d, x -> new ArrayList<>()).add(w);
      }
    }
    byDay.replaceAll((d, list) -> List.copyOf(list));
    return new Uncertain(Map.copyOf(byDay), List.copyOf(wide));
  }

  /** {@code detail}, followed by the note naming each window that bears on {@code line} when one does. */
  String annotate(String detail, UsageLine line) {
    List<UncertainWindow> onDay = byDay.get(line.usageDate());
    if (onDay == null && wide.isEmpty()) {
      return detail;
    }
    Scope resource = line.resource();
    Interval day = UsageDays.of(line.usageDate());
    StringJoiner notes = new StringJoiner("; ", " (uncertain: ", ")");
    boolean any = false;
    for (List<UncertainWindow> list : onDay == null ? List.of(wide) : List.of(onDay, wide)) {
      for (UncertainWindow w : list) {
        if (w.affects(resource, day)) {
          String id = w.assignmentId();
          notes.add("role assignment " + id.substring(id.lastIndexOf('/') + 1) + ": " + w.why());
          any = true;
        }
      }
    }
    return any ? detail + notes : detail;
  }
}
