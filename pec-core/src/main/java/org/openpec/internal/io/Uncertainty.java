package org.openpec.internal.io;

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

/**
 * The uncertain windows of an import, looked up by usage line: the windows whose assignment's scope covers the
 * line's resource and whose time overlaps its usage day ({@link UncertainWindow#affects}).
 *
 * <p>Shared by {@code pec credit} and pec-spark, so that a line's {@code (uncertain: ...)} note is written one way.
 *
 * <p>Only windows of assignments attributed to a partner ID are kept: an unattributed grant never earns credit,
 * so not knowing when it was held cannot change a verdict. Windows are indexed by UTC day, so that a line on a
 * day no window touches costs one map lookup. Immutable and thread-safe.
 */
public final class Uncertainty {

  /** Windows longer than this many days are checked against every line rather than indexed by day. */
  private static final long MAX_INDEXED_DAYS = 400;

  private final Map<LocalDate, List<UncertainWindow>> byDay;
  private final List<UncertainWindow> wide;
  private final List<UncertainWindow> windows;

  private Uncertainty(Map<LocalDate, List<UncertainWindow>> byDay, List<UncertainWindow> wide,
      List<UncertainWindow> windows) {
    this.byDay = byDay;
    this.wide = wide;
    this.windows = windows;
  }

  /** The lookup of {@code windows}, keeping those attributed to a partner ID. */
  public static Uncertainty of(List<UncertainWindow> windows) {
    Map<LocalDate, List<UncertainWindow>> byDay = new HashMap<>();
    List<UncertainWindow> wide = new ArrayList<>();
    List<UncertainWindow> kept = new ArrayList<>();
    for (UncertainWindow w : windows) {
      if (w.partnerId().isEmpty()) {
        continue;
      }
      kept.add(w);
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
    return new Uncertainty(Map.copyOf(byDay), List.copyOf(wide), List.copyOf(kept));
  }

  /** The windows kept (those attributed to a partner ID), in the import's order. */
  public List<UncertainWindow> windows() {
    return windows;
  }

  /** The windows that bear on {@code line}'s resource over its usage day, in the import's order. */
  public List<UncertainWindow> affecting(UsageLine line) {
    List<UncertainWindow> onDay = byDay.get(line.usageDate());
    if (onDay == null && wide.isEmpty()) {
      return List.of();
    }
    Scope resource = line.resource();
    Interval day = Interval.utcDay(line.usageDate());
    List<UncertainWindow> out = new ArrayList<>();
    for (List<UncertainWindow> list : onDay == null ? List.of(wide) : List.of(onDay, wide)) {
      for (UncertainWindow w : list) {
        if (w.affects(resource, day)) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /**
   * {@code detail} followed by {@code (uncertain: ...)} naming each window that bears on {@code line}, or
   * {@code detail} alone when none does.
   */
  public String annotate(String detail, UsageLine line) {
    List<UncertainWindow> found = affecting(line);
    if (found.isEmpty()) {
      return detail;
    }
    StringJoiner notes = new StringJoiner("; ", " (uncertain: ", ")");
    for (UncertainWindow w : found) {
      notes.add(sentence(w));
    }
    return detail + notes;
  }

  /** {@code role assignment NAME: why}. */
  public static String sentence(UncertainWindow w) {
    return "role assignment " + name(w.assignmentId()) + ": " + w.why();
  }

  /** The last segment of a role-assignment id: its name (a GUID). */
  public static String name(String assignmentId) {
    int slash = assignmentId.lastIndexOf('/');
    return slash < 0 ? assignmentId : assignmentId.substring(slash + 1);
  }
}
