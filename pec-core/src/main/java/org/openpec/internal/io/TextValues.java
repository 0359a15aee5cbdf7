package org.openpec.internal.io;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.openpec.internal.text.DecimalText;

/**
 * The text forms of rules §11: decimal numbers, day fields and instants.
 *
 * <p>Numbers: {@code [+-]?(digits[.digits*] | .digits)([eE][+-]?digits)?} with {@code .} as decimal point; no
 * spaces, grouping separators, NaN or Infinity. Days: {@code yyyy-MM-dd}, an ISO date-time (converted to UTC
 * first when it carries an offset) or {@code M/d/yyyy} with an optional {@code h:mm:ss a} time; only the date
 * is kept. Instants: ISO-8601, UTC when no zone is given. Nothing reads the system zone or locale.
 */
public final class TextValues {

  private TextValues() {}

  /** Whether {@code text} is a number in the spec's grammar ({@link DecimalText}). */
  public static boolean isNumber(CharSequence text) {
    return DecimalText.isNumber(text);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Parses a number of the spec's grammar exactly.
   *
   * @throws IllegalArgumentException when the text is not such a number
   */
  public static BigDecimal parseDecimal(String text) {
    return DecimalText.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a decimal number: \"" + text + "\""));
  }


  /** The earliest year a day field or an instant may name. */
  public static final int MIN_YEAR = 1900;
  /** The latest year a day field or an instant may name. */
  public static final int MAX_YEAR = 9999;

  /**
   * Parses a day field: {@code yyyy-MM-dd}; an ISO date-time {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} with an
   * optional {@code Z} or {@code ±hh:mm} offset (converted to UTC first; a space may stand for {@code T}); or
   * {@code M/d/yyyy} (one- or two-digit month and day) with an optional time {@code h:mm[:ss]} and {@code AM}/
   * {@code PM} (hour 1–12 with AM/PM, 0–23 without). The year has exactly four digits, from {@value #MIN_YEAR} to
   * {@value #MAX_YEAR}, also after conversion to UTC; signs and expanded years ({@code +99999-01-01}, {@code
   * -2026-03-01}) are refused. Only the date is kept. This is the one day parser of every reader.
   *
   * @throws IllegalArgumentException when the text is none of the accepted forms, with the reason
   */
  public static LocalDate parseDay(String raw) {
    String text = raw.trim();
    LocalDate day;
    try {
      int n = text.length();
      if (n == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
        day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
      } else if (text.indexOf('/') > 0) {
        day = parseUsDay(text);
      } else if (n > 10 && (text.charAt(10) == 'T' || text.charAt(10) == 't' || text.charAt(10) == ' ')) {
        day = parseIsoDateTime(text).atZone(ZoneOffset.UTC).toLocalDate();
      } else {
        throw new IllegalArgumentException("not a date: \"" + raw + "\"");
      }
    } catch (java.time.DateTimeException | NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a date: \"" + raw + "\"", e);
    }
    return checkYear(day.getYear(), day, raw);
  }

  private static <T> T checkYear(int year, T value, String raw) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new IllegalArgumentException("year " + year + " is out of range " + MIN_YEAR + "-" + MAX_YEAR + ": \""
          + raw + "\"");
    }
    return value;
  }

  /** {@code yyyy-MM-dd[T ]HH:mm[:ss[.f]][Z|±hh:mm|±hhmm]}, four-digit year, as an instant (UTC without zone). */
  private static Instant parseIsoDateTime(String text) {
    if (text.length() < 16 || !isDigit(text.charAt(0)) || text.charAt(4) != '-' || text.charAt(7) != '-') {
      throw new java.time.DateTimeException("not an ISO date-time");
    }
    digits(text, 0, 4);
    String iso = text.charAt(10) == 'T' ? text : text.substring(0, 10) + 'T' + text.substring(11);
    if (iso.indexOf('[') >= 0) {
      throw new java.time.DateTimeException("a zone name is not accepted");
    }
    if (hasZone(iso)) {
      return parseZoned(iso);
    }
    return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
  }

  private static LocalDate parseUsDay(String text) {
    int space = text.indexOf(' ');
    String date = space < 0 ? text : text.substring(0, space);
    if (space >= 0) {
      checkUsTime(text.substring(space + 1).trim());
    }
    String[] parts = date.split("/", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 2 || parts[1].isEmpty()
        || parts[1].length() > 2 || parts[2].length() != 4) {
      throw new IllegalArgumentException("bad date");
    }
    return LocalDate.of(digits(parts[2], 0, 4), digits(parts[0], 0, parts[0].length()),
        digits(parts[1], 0, parts[1].length()));
  }

  private static final java.util.regex.Pattern US_TIME =
      java.util.regex.Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: ?([AP]M))?");

  private static void checkUsTime(String time) {
    java.util.regex.Matcher m = US_TIME.matcher(time.toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("bad time");
    }
    int hour = Integer.parseInt(m.group(1));
    int minute = Integer.parseInt(m.group(2));
    int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    boolean twelve = m.group(4) != null;
    if ((twelve ? hour < 1 || hour > 12 : hour > 23) || minute > 59 || second > 59) {
      throw new IllegalArgumentException("bad time");
    }
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        throw new NumberFormatException("not a digit: " + c);
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * Parses an instant: ISO-8601 {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} with {@code Z} or an offset, or without
   * zone (then UTC); a space may stand for {@code T}; a bare date {@code yyyy-MM-dd} is its midnight UTC. The
   * year has four digits, {@value #MIN_YEAR} to {@value #MAX_YEAR}.
   *
   * @throws IllegalArgumentException when the text is not such an instant
   */
  public static Instant parseInstant(String raw) {
    String text = raw.trim();
    Instant at;
    try {
      if (text.length() == 10) {
        at = LocalDate.of(digits(text, 0, 4), text.charAt(4) == '-' ? digits(text, 5, 7) : -1,
            text.charAt(7) == '-' ? digits(text, 8, 10) : -1).atStartOfDay(ZoneOffset.UTC).toInstant();
      } else {
        at = parseIsoDateTime(text);
      }
    } catch (java.time.DateTimeException | NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not an ISO-8601 instant: \"" + raw + "\"", e);
    }
    return checkYear(at.atZone(ZoneOffset.UTC).getYear(), at, raw);
  }

  private static boolean hasZone(String iso) {
    int t = iso.indexOf('T');
    if (t < 0) {
      return false;
    }
    String time = iso.substring(t + 1);
    return time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0
        || time.indexOf('[') >= 0;
  }

  private static Instant parseZoned(String iso) {
    String s = iso.endsWith("z") ? iso.substring(0, iso.length() - 1) + 'Z' : iso;
    if (s.indexOf('[') >= 0) {
      return ZonedDateTime.parse(s).toInstant();
    }
    return OffsetDateTime.parse(s).toInstant();
  }
}
