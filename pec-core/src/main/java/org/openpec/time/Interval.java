package org.openpec.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A half-open interval {@code [start, end)} of instants on the UTC time line.
 *
 * <p>An interval is never empty: {@code start} is strictly before {@code end}. An interval without an end
 * (a grant still held) ends at {@link #UNBOUNDED}, which is later than any instant a grant or usage file can
 * name. Immutable and thread-safe.
 */
public final class Interval implements Comparable<Interval> {

  /** The end of an open interval; {@link Instant#MAX}. */
  public static final Instant UNBOUNDED = Instant.MAX;

  private final Instant start;
  private final Instant end;

  private Interval(Instant start, Instant end) {
    this.start = start;
    this.end = end;
  }

  /**
   * {@return the interval {@code [start, end)}}
   *
   * @param start the first instant, inclusive
   * @param end the end, exclusive
   * @throws IllegalArgumentException if {@code end} is not after {@code start}
   */
  public static Interval of(Instant start, Instant end) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("interval end must be after its start, was [" + start + ", " + end + ")");
    }
    return new Interval(start, end);
  }

  /**
   * {@return the open interval {@code [start, ∞)}}
   *
   * @param start the first instant, inclusive
   */
  public static Interval startingAt(Instant start) {
    return of(start, UNBOUNDED);
  }

  /**
   * {@return the 24 hours of the UTC calendar day {@code day}, as {@code [D 00:00Z, D+1 00:00Z)}}
   *
   * <p>A usage line's date names this day: a grant earns credit for the line only when it is held for the whole
   * of it. Nothing here reads the system clock or zone.
   *
   * @param day the UTC day
   */
  public static Interval utcDay(LocalDate day) {
    return new Interval(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  /** {@return the first instant in the interval} */
  public Instant start() {
    return start;
  }

  /** {@return the first instant after the interval (exclusive); {@link #UNBOUNDED} when open} */
  public Instant end() {
    return end;
  }

  /** {@return whether the interval has no end} */
  public boolean isUnbounded() {
    return end.equals(UNBOUNDED);
  }

  /**
   * {@return whether {@code instant} lies in {@code [start, end)}}
   *
   * @param instant the instant
   */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  /**
   * {@return whether every instant of {@code other} lies in this interval}
   *
   * @param other the other interval
   */
  public boolean encloses(Interval other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  /**
   * {@return whether the two intervals share at least one instant}
   *
   * @param other the other interval
   */
  public boolean overlaps(Interval other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  /**
   * {@return whether the two intervals touch without overlapping ({@code this.end == other.start} or the reverse)}
   *
   * @param other the other interval
   */
  public boolean abuts(Interval other) {
    return end.equals(other.start) || other.end.equals(start);
  }

  /** Orders by start, then by end. */
  @Override
  public int compareTo(Interval other) {
    int byStart = start.compareTo(other.start);
    return byStart != 0 ? byStart : end.compareTo(other.end);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Interval other && start.equals(other.start) && end.equals(other.end);
  }

  @Override
  public int hashCode() {
    return start.hashCode() * 31 + end.hashCode();
  }

  /** Formats as {@code [start, end)}, with {@code ∞} for an open end. */
  @Override
  public String toString() {
    return "[" + start + ", " + (isUnbounded() ? "∞" : end.toString()) + ")";
  }
}
