package org.openpec.time;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Usage days: the UTC calendar day {@code [D 00:00Z, D+1 00:00Z)} of a usage line's date (rules §1).
 *
 * <p>Nothing here reads the system clock or zone.
 */
public final class UsageDays {

  private UsageDays() {}

  /**
   * {@return the 24 hours of the UTC day {@code day}, as {@code [D 00:00Z, D+1 00:00Z)}}
   *
   * @param day the UTC usage day
   */
  public static Interval of(LocalDate day) {
    return Interval.of(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
        day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
