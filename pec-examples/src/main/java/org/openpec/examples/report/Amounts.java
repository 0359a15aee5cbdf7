package org.openpec.examples.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Display forms of exact amounts: rounded HALF_EVEN for reading only, the exact value stays in the figures. */
public final class Amounts {

  private Amounts() {}

  /** {@code amount} rounded to cents, with a comma every three digits: {@code 1,234,567.89}. */
  public static String money(BigDecimal amount) {
    String plain = amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    boolean negative = plain.startsWith("-");
    String digits = negative ? plain.substring(1) : plain;
    int dot = digits.indexOf('.');
    StringBuilder sb = new StringBuilder();
    String whole = digits.substring(0, dot);
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + sb + digits.substring(dot);
  }

  /** {@code amount} rounded to cents with its currency: {@code 1,234.56 USD}. */
  public static String money(BigDecimal amount, String currency) {
    return money(amount) + " " + currency;
  }

  /** A fraction as a percentage with two decimals: {@code 0.15} is {@code 15.00 %}. */
  public static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  /** An exact amount as plain text, without exponent or trailing zeros beyond the unit. */
  public static String exact(BigDecimal amount) {
    BigDecimal s = amount.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
