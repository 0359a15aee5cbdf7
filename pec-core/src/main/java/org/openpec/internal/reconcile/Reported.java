package org.openpec.internal.reconcile;

import java.math.BigDecimal;
import java.util.Optional;
import org.openpec.internal.text.DecimalText;

/**
 * The PEC columns Microsoft wrote into one record of a daily rated usage file, as raw text.
 *
 * <p>Each component is the field exactly as read, or {@code null} when the file has no such column. The text is
 * kept so that a reconciliation row can echo it; the values are read with the usage file's number grammar
 * (rules §11: no spaces, {@code .} as decimal point, an optional exponent) and keep the scale they were written
 * with, which the price test needs. Immutable and thread-safe.
 *
 * @param percentage {@code PartnerEarnedCreditPercentage}, a percentage such as {@code 15}; null when absent
 * @param effectiveUnitPrice {@code EffectiveUnitPrice}, pricing currency per unit; null when absent
 * @param billingPreTaxTotal {@code BillingPreTaxTotal}, billing currency; null when absent
 */
public record Reported(String percentage, String effectiveUnitPrice, String billingPreTaxTotal) {

  /** The usage-file column of {@link #percentage()}. */
  public static final String PERCENTAGE_COLUMN = "PartnerEarnedCreditPercentage";
  /** The usage-file column of {@link #effectiveUnitPrice()}. */
  public static final String EFFECTIVE_UNIT_PRICE_COLUMN = "EffectiveUnitPrice";
  /** The usage-file column of {@link #billingPreTaxTotal()}. */
  public static final String BILLING_PRE_TAX_TOTAL_COLUMN = "BillingPreTaxTotal";

  /** Reported columns as written; any may be null (column absent). */
  public static Reported of(String percentage, String effectiveUnitPrice, String billingPreTaxTotal) {
    return new Reported(percentage, effectiveUnitPrice, billingPreTaxTotal);
  }

  /** No reported column at all (a record too damaged to read any of them). */
  public static Reported absent() {
    return new Reported(null, null, null);
  }

  /** The reported percentage's value; empty when absent, empty or not a number. */
  public Optional<BigDecimal> percentageValue() {
    return DecimalText.parse(percentage);
  }

  /** The reported effective unit price's value, with its written scale; empty when unusable. */
  public Optional<BigDecimal> effectiveUnitPriceValue() {
    return DecimalText.parse(effectiveUnitPrice);
  }

  /** The reported billing total's value; empty when unusable. */
  public Optional<BigDecimal> billingPreTaxTotalValue() {
    return DecimalText.parse(billingPreTaxTotal);
  }

  /**
   * Why the reported values cannot be compared, one clause per unusable column in file order
   * ({@code "PartnerEarnedCreditPercentage is empty"}, {@code "EffectiveUnitPrice is not a number: \"n/a\""}),
   * or empty text when all three are numbers.
   */
  public String problems() {
    StringBuilder sb = new StringBuilder();
    problem(sb, PERCENTAGE_COLUMN, percentage);
    problem(sb, EFFECTIVE_UNIT_PRICE_COLUMN, effectiveUnitPrice);
    problem(sb, BILLING_PRE_TAX_TOTAL_COLUMN, billingPreTaxTotal);
    return sb.toString();
  }

  /** Whether all three columns hold numbers. */
  public boolean isComplete() {
    return problems().isEmpty();
  }

  private static void problem(StringBuilder sb, String column, String text) {
    String p;
    if (text == null) {
      p = column + " is absent";
    } else if (text.isBlank()) {
      p = column + " is empty";
    } else if (DecimalText.parse(text).isEmpty()) {
      p = column + " is not a number: \"" + text + "\"";
    } else {
      return;
    }
    sb.append(sb.length() == 0 ? "" : "; ").append(p);
  }
}
