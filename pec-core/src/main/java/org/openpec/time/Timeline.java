package org.openpec.time;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A set of instants, kept as sorted, disjoint, non-touching half-open {@link Interval}s.
 *
 * <p>Touching or overlapping pieces are merged on construction, so two timelines holding the same instants
 * are equal whatever pieces built them. This is the access history of a partner on a scope: the union of
 * the intervals of its grants. Immutable and thread-safe.
 */
public final class Timeline {

  private static final Timeline EMPTY = new Timeline(new Interval[0]);

  private final Interval[] pieces;

  private Timeline(Interval[] pieces) {
    this.pieces = pieces;
  }

  /** {@return the timeline that holds no instant} */
  public static Timeline empty() {
    return EMPTY;
  }

  /**
   * {@return the timeline of one interval}
   *
   * @param interval the interval
   */
  public static Timeline of(Interval interval) {
    return new Timeline(new Interval[] {Objects.requireNonNull(interval, "interval")});
  }

  /**
   * {@return the union of the given intervals, normalised}
   *
   * @param intervals the intervals
   */
  public static Timeline of(Collection<Interval> intervals) {
    return normalise(intervals.toArray(new Interval[0]));
  }

  /**
   * {@return the union of the given intervals, normalised}
   *
   * @param intervals the intervals
   */
  public static Timeline of(Interval... intervals) {
    return normalise(intervals.clone());
  }

  private static Timeline normalise(Interval[] sorted) {
    if (sorted.length == 0) {
      return EMPTY;
    }
    Arrays.sort(sorted);
    List<Interval> merged = new ArrayList<>(sorted.length);
    Instant start = sorted[0].start();
    Instant end = sorted[0].end();
    for (int i = 1; i < sorted.length; i++) {
      Interval next = Objects.requireNonNull(sorted[i], "interval");
      if (!next.start().isAfter(end)) {
        if (next.end().isAfter(end)) {
          end = next.end();
        }
      } else {
        merged.add(Interval.of(start, end));
        start = next.start();
        end = next.end();
      }
    }
    merged.add(Interval.of(start, end));
    return new Timeline(merged.toArray(new Interval[0]));
  }

  /** {@return the pieces, sorted, disjoint and non-touching} */
  public List<Interval> intervals() {
    return List.of(pieces);
  }

  /** {@return whether the timeline holds no instant} */
  public boolean isEmpty() {
    return pieces.length == 0;
  }

  /**
   * {@return whether {@code instant} is held}
   *
   * @param instant the instant
   */
  public boolean contains(Instant instant) {
    int i = floorIndex(instant);
    return i >= 0 && pieces[i].contains(instant);
  }

  /**
   * {@return whether every instant of {@code interval} is held (by one piece, since pieces never touch)}
   *
   * @param interval the interval
   */
  public boolean encloses(Interval interval) {
    int i = floorIndex(interval.start());
    return i >= 0 && pieces[i].encloses(interval);
  }

  /**
   * {@return whether at least one instant of {@code interval} is held}
   *
   * @param interval the interval
   */
  public boolean overlaps(Interval interval) {
    return !intersection(Timeline.of(interval)).isEmpty();
  }

  /**
   * {@return the instants held by either timeline}
   *
   * @param other the other timeline
   */
  public Timeline union(Timeline other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Interval[] all = Arrays.copyOf(pieces, pieces.length + other.pieces.length);
    System.arraycopy(other.pieces, 0, all, pieces.length, other.pieces.length);
    return normalise(all);
  }

  /**
   * {@return the instants held by both timelines}
   *
   * @param other the other timeline
   */
  public Timeline intersection(Timeline other) {
    List<Interval> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < pieces.length && j < other.pieces.length) {
      Interval a = pieces[i];
      Interval b = other.pieces[j];
      Instant start = max(a.start(), b.start());
      Instant end = min(a.end(), b.end());
      if (start.isBefore(end)) {
        out.add(Interval.of(start, end));
      }
      if (a.end().isBefore(b.end())) {
        i++;
      } else {
        j++;
      }
    }
    return out.isEmpty() ? EMPTY : new Timeline(out.toArray(new Interval[0]));
  }

  /**
   * {@return the instants held by this timeline and not by {@code other}}
   *
   * @param other the other timeline
   */
  public Timeline minus(Timeline other) {
    List<Interval> out = new ArrayList<>();
    int j = 0;
    for (Interval piece : pieces) {
      Instant cursor = piece.start();
      while (j < other.pieces.length && !other.pieces[j].end().isAfter(cursor)) {
        j++;
      }
      int k = j;
      while (k < other.pieces.length && other.pieces[k].start().isBefore(piece.end())) {
        Interval cut = other.pieces[k];
        if (cut.start().isAfter(cursor)) {
          out.add(Interval.of(cursor, cut.start()));
        }
        if (cut.end().isAfter(cursor)) {
          cursor = cut.end();
        }
        if (!cursor.isBefore(piece.end())) {
          break;
        }
        k++;
      }
      if (cursor.isBefore(piece.end())) {
        out.add(Interval.of(cursor, piece.end()));
      }
    }
    return out.isEmpty() ? EMPTY : new Timeline(out.toArray(new Interval[0]));
  }

  /** Index of the last piece starting at or before {@code instant}, or -1. */
  private int floorIndex(Instant instant) {
    int lo = 0;
    int hi = pieces.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (!pieces[mid].start().isAfter(instant)) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * {@return the pieces of this timeline within {@code day}, as {@code HH:mm:ss–HH:mm:ssZ} UTC separated by commas
   * ({@code "never"} when none)}
   *
   * <p>The day's end is shown as {@code 24:00:00}: a grant held to midnight reads {@code 12:30:00–24:00:00Z}.
   *
   * @param day the UTC day, as {@link Interval#utcDay}
   */
  public String describeWithin(Interval day) {
    StringBuilder sb = new StringBuilder();
    for (Interval piece : intersection(of(day)).intervals()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(clock(piece.start(), day)).append('–')
          .append(clock(piece.end(), day)).append('Z');
    }
    return sb.length() == 0 ? "never" : sb.toString();
  }

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private static String clock(Instant t, Interval day) {
    return t.equals(day.end()) ? "24:00:00" : CLOCK.format(t);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timeline other && Arrays.equals(pieces, other.pieces);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pieces);
  }

  /** Formats as the list of pieces, e.g. {@code {[a, b), [c, ∞)}}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < pieces.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(pieces[i]);
    }
    return sb.append('}').toString();
  }
}
