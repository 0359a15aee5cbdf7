package org.openpec.io;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.openpec.money.DecimalText;

/**
 * The text forms of spec §11: decimal numbers, day fields and instants.
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


  /**
   * Parses a day field.
   *
   * @throws IllegalArgumentException when the text is none of the accepted forms
   */
  public static LocalDate parseDay(String raw) {
    String text = raw.trim();
    try {
      int n = text.length();
      if (n == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
      }
      if (text.indexOf('/') > 0) {
        return parseUsDay(text);
      }
      if (n > 10 && (text.charAt(10) == 'T' || text.charAt(10) == 't' || text.charAt(10) == ' ')) {
        String iso = text.charAt(10) == 'T' ? text : text.substring(0, 10) + 'T' + text.substring(11);
        if (hasZone(iso)) {
          return parseZoned(iso).atZone(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDateTime.parse(iso).toLocalDate();
      }
      return LocalDate.parse(text);
    } catch (java.time.DateTimeException | NumberFormatException
        | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not a date: \"" + raw + "\"", e);
    }
  }

  private static LocalDate parseUsDay(String text) {
    int space = text.indexOf(' ');
    String date = space < 0 ? text : text.substring(0, space);
    if (space >= 0) {
      String time = text.substring(space + 1).trim();
      if (!time.toUpperCase(Locale.ROOT).matches("\\d{1,2}:\\d{2}(:\\d{2})?( ?[AP]M)?")) {
        throw new IllegalArgumentException("bad time");
      }
    }
    String[] parts = date.split("/", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 2 || parts[1].isEmpty()
        || parts[1].length() > 2 || parts[2].length() != 4) {
      throw new IllegalArgumentException("bad date");
    }
    return LocalDate.of(digits(parts[2], 0, 4), digits(parts[0], 0, parts[0].length()),
        digits(parts[1], 0, parts[1].length()));
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
   * Parses an instant: ISO-8601 with {@code Z} or an offset, or without zone (then UTC); a space may stand for
   * {@code T}; a bare date is its midnight UTC.
   *
   * @throws IllegalArgumentException when the text is not such an instant
   */
  public static Instant parseInstant(String raw) {
    String text = raw.trim();
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
          : text;
      if (hasZone(iso)) {
        return parseZoned(iso);
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException | StringIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("not an ISO-8601 instant: \"" + raw + "\"", e);
    }
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
