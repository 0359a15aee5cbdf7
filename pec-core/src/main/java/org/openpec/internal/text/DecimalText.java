package org.openpec.internal.text;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads the numbers of a usage file as written (rules §11): {@code [+-]?(digits[.digits*] | .digits)([eE][+-]?digits)?}
 * with ASCII digits, {@code .} as decimal point, and nothing else — no spaces, grouping separators, NaN or
 * Infinity. The value keeps the scale it was written with ({@code 0.4250} has scale 4). The one definition of
 * the grammar: the file readers and the reconciliation both use it.
 */
public final class DecimalText {

  private DecimalText() {}

  /** The largest scale, either way, of a number openpec accepts: {@code 1E+1000} and {@code 1E-1000}. */
  public static final int MAX_SCALE = 1000;

  /**
   * The most digits (before and after the point together) of a number openpec accepts: 1,000. A longer one
   * would make every product of it slow (a 10 MB number stalls exact arithmetic), whatever its scale.
   */
  public static final int MAX_DIGITS = 1000;

  /**
   * The value of {@code text}, or empty when it is null, not a number of the grammar above, longer than
   * {@link #MAX_DIGITS} digits, or beyond {@link #MAX_SCALE} decimal places either way (such an exponent would
   * make exact arithmetic and plain notation unbounded).
   */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null || text.length() > MAX_DIGITS + 64 || !isNumber(text) || digits(text) > MAX_DIGITS) {
      return Optional.empty();
    }
    try {
      BigDecimal value = new BigDecimal(text);
      return Math.abs(value.scale()) > MAX_SCALE ? Optional.empty() : Optional.of(value);
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty(); // an exponent beyond what BigDecimal can hold
    }
  }

  /** Whether {@code s} is a number of the grammar above. */
  public static boolean isNumber(CharSequence s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  /** The digits before the exponent of a number of the grammar. */
  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (isDigit(c)) {
        n++;
      }
    }
    return n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
