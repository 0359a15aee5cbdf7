package org.openpec.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The PEC rate schedule (rules §7): rates as fractions ({@code 0.15}), each in force from its usage day on.
 *
 * <p>{@link #standard()} is 15 % on every date. A schedule {@link #of(Map) of} rows has no rate (0) before its
 * first row. Immutable and thread-safe.
 */
public final class PecRate {

  /** 15 %, as a fraction. */
  public static final BigDecimal STANDARD_RATE = new BigDecimal("0.15");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final PecRate STANDARD = new PecRate(new TreeMap<>(Map.of(LocalDate.MIN, STANDARD_RATE)));

  private final NavigableMap<LocalDate, BigDecimal> schedule;

  private PecRate(NavigableMap<LocalDate, BigDecimal> schedule) {
    this.schedule = schedule;
  }

  /** {@return the standard schedule: 15 % on every date} */
  public static PecRate standard() {
    return STANDARD;
  }

  /**
   * {@return a schedule of one rate on every date}
   *
   * @param rate the PEC rate as a fraction (0.15 for 15 %)
   */
  public static PecRate flat(BigDecimal rate) {
    return of(Map.of(LocalDate.MIN, rate));
  }

  /**
   * {@return a schedule of rates by first day in force}
   *
   * @param fromDay each rate (a fraction) by the first usage day it is in force
   * @throws IllegalArgumentException if a rate is negative or above 1
   */
  public static PecRate of(Map<LocalDate, BigDecimal> fromDay) {
    TreeMap<LocalDate, BigDecimal> s = new TreeMap<>();
    fromDay.forEach((day, rate) -> {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(rate, "rate");
      if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("rate must be a fraction between 0 and 1, was " + rate + " from " + day);
      }
      s.put(day, rate);
    });
    return new PecRate(s);
  }

  /**
   * {@return a percentage ({@code 15}, {@code 17.5}) as a fraction, exactly}
   *
   * @param percentage the rate in percent (15 for 15 %)
   */
  public static BigDecimal fromPercentage(BigDecimal percentage) {
    return percentage.movePointLeft(2);
  }

  /**
   * {@return a fraction as a percentage, exactly, without trailing zeros ({@code 0.15 → 15})}
   *
   * @param fraction the rate as a fraction (0.15 for 15 %)
   */
  public static BigDecimal toPercentage(BigDecimal fraction) {
    BigDecimal p = fraction.multiply(HUNDRED).stripTrailingZeros();
    return p.scale() < 0 ? p.setScale(0) : p;
  }

  /**
   * {@return the rate in force on {@code day}; zero before the first row}
   *
   * @param day the UTC usage day
   */
  public BigDecimal rateOn(LocalDate day) {
    Map.Entry<LocalDate, BigDecimal> e = schedule.floorEntry(day);
    return e == null ? BigDecimal.ZERO : e.getValue();
  }

  /** {@return the rows of the schedule, by first day} */
  public NavigableMap<LocalDate, BigDecimal> schedule() {
    return java.util.Collections.unmodifiableNavigableMap(schedule);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PecRate other && schedule.equals(other.schedule);
  }

  @Override
  public int hashCode() {
    return schedule.hashCode();
  }

  @Override
  public String toString() {
    return "PecRate" + schedule;
  }
}
