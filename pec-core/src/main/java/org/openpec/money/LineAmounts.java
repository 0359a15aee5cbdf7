package org.openpec.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The money of one usage line (rules §8), exact except where the bill rounds.
 *
 * <p>With {@code r} the rate applied (the rate in force when the line qualifies, else 0):
 * <ul>
 *   <li>{@code listCost = UnitPrice × Quantity} (pricing currency)</li>
 *   <li>{@code effectiveUnitPrice = UnitPrice × (1 − r)}</li>
 *   <li>{@code pricingPreTaxTotal = effectiveUnitPrice × Quantity}, unrounded</li>
 *   <li>{@code credit = listCost − pricingPreTaxTotal}</li>
 *   <li>{@code billingPreTaxTotal = FLOOR(effectiveUnitPrice × Quantity × FX, 2)} (billing currency)</li>
 *   <li>{@code billingCredit = FLOOR(UnitPrice × Quantity × FX, 2) − billingPreTaxTotal}</li>
 * </ul>
 * A repriced line ({@link #ofListCost}) starts from its list cost instead. Amounts compare by value
 * ({@code compareTo}); {@code equals} compares scale too. Immutable and thread-safe.
 *
 * @param rate the rate applied, as a fraction (0 when the line does not qualify)
 * @param unitPrice the unit price used (for a repriced line, {@code listCost / quantity} for display; null when
 *     quantity is 0)
 * @param effectiveUnitPrice the unit price after PEC (for a repriced line the display division; null when quantity is
 *     0)
 * @param listCost the cost before PEC, pricing currency
 * @param pricingPreTaxTotal the cost after PEC, pricing currency, unrounded
 * @param credit {@code listCost − pricingPreTaxTotal}, pricing currency
 * @param billingPreTaxTotal the billed amount, billing currency, FLOOR to cents
 * @param billingCredit the credit in billing currency, as the difference of two FLOORed amounts
 */
public record LineAmounts(BigDecimal rate, BigDecimal unitPrice, BigDecimal effectiveUnitPrice, BigDecimal listCost,
    BigDecimal pricingPreTaxTotal, BigDecimal credit, BigDecimal billingPreTaxTotal, BigDecimal billingCredit) {

  /**
   * Validates the amounts: every one but the display prices must be present, the rate must be a fraction from 0
   * to 1, and the credit must be {@code listCost − pricingPreTaxTotal}.
   *
   * @param rate the PEC rate as a fraction (0.15 for 15 %)
   * @param unitPrice the price per unit, pricing currency
   * @param effectiveUnitPrice the price per unit after PEC, pricing currency
   * @param listCost the list cost, pricing currency
   * @param pricingPreTaxTotal the cost after PEC, pricing currency
   * @param credit the credit, pricing currency
   * @param billingPreTaxTotal the billed amount, billing currency
   * @param billingCredit the credit, billing currency
   * @throws InvalidAmountException if the rate or the credit is impossible
   */
  public LineAmounts {
    checkRate(Objects.requireNonNull(rate, "rate"));
    Objects.requireNonNull(listCost, "listCost");
    Objects.requireNonNull(pricingPreTaxTotal, "pricingPreTaxTotal");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(billingPreTaxTotal, "billingPreTaxTotal");
    Objects.requireNonNull(billingCredit, "billingCredit");
    if (listCost.subtract(pricingPreTaxTotal).compareTo(credit) != 0) {
      throw new InvalidAmountException("credit " + credit.toPlainString() + " is not list cost "
          + listCost.toPlainString() + " − cost after PEC " + pricingPreTaxTotal.toPlainString());
    }
  }

  private static void checkRate(BigDecimal rate) {
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidAmountException("a PEC rate is a fraction from 0 to 1, was " + rate.toPlainString());
    }
  }


  /**
   * {@return the amounts of a line priced by its own unit price}
   *
   * @param unitPrice price per unit before PEC, pricing currency
   * @param quantity units (negative for corrections)
   * @param exchangeRate billing-currency units per pricing-currency unit
   * @param rate the rate applied, as a fraction from 0 to 1
   * @throws InvalidAmountException if the rate is not from 0 to 1
   */
  public static LineAmounts of(BigDecimal unitPrice, BigDecimal quantity, BigDecimal exchangeRate, BigDecimal rate) {
    checkRate(rate);
    BigDecimal listCost = unitPrice.multiply(quantity);
    BigDecimal effective = rate.signum() == 0 ? unitPrice : unitPrice.multiply(BigDecimal.ONE.subtract(rate));
    BigDecimal pricingTotal = rate.signum() == 0 ? listCost : effective.multiply(quantity);
    BigDecimal billingTotal = RoundingPolicy.billed(inBillingCurrency(pricingTotal, exchangeRate));
    BigDecimal billingList = rate.signum() == 0 ? billingTotal
        : RoundingPolicy.billed(inBillingCurrency(listCost, exchangeRate));
    return new LineAmounts(rate, unitPrice, effective, listCost, pricingTotal, listCost.subtract(pricingTotal),
        billingTotal, billingList.subtract(billingTotal));
  }

  /**
   * {@return the amounts of a repriced line, from its list cost (rules §8, repricing)}
   *
   * @param listCost the graduated cost of the line, pricing currency
   * @param quantity units, used only for the displayed unit prices
   * @param exchangeRate billing-currency units per pricing-currency unit
   * @param rate the rate applied, as a fraction from 0 to 1
   * @throws InvalidAmountException if the rate is not from 0 to 1
   */
  public static LineAmounts ofListCost(BigDecimal listCost, BigDecimal quantity, BigDecimal exchangeRate,
      BigDecimal rate) {
    checkRate(rate);
    BigDecimal pricingTotal = rate.signum() == 0 ? listCost : listCost.multiply(BigDecimal.ONE.subtract(rate));
    BigDecimal billingTotal = RoundingPolicy.billed(inBillingCurrency(pricingTotal, exchangeRate));
    BigDecimal billingList = rate.signum() == 0 ? billingTotal
        : RoundingPolicy.billed(inBillingCurrency(listCost, exchangeRate));
    boolean noQuantity = quantity.signum() == 0;
    return new LineAmounts(rate,
        noQuantity ? null : RoundingPolicy.displayUnitPrice(listCost, quantity),
        noQuantity ? null : RoundingPolicy.displayUnitPrice(pricingTotal, quantity),
        listCost, pricingTotal, listCost.subtract(pricingTotal), billingTotal, billingList.subtract(billingTotal));
  }

  /** {@code amount × exchangeRate}, exact; the multiplication is skipped when the rate is 1 (same value). */
  private static BigDecimal inBillingCurrency(BigDecimal amount, BigDecimal exchangeRate) {
    return exchangeRate.compareTo(BigDecimal.ONE) == 0 ? amount : amount.multiply(exchangeRate);
  }

  /**
   * {@return the credit the line would earn at {@code rate} (for losses): {@code listCost × rate}}
   *
   * @param someRate a PEC rate as a fraction (0.15 for 15 %)
   */
  public BigDecimal creditAt(BigDecimal someRate) {
    return listCost.multiply(someRate);
  }
}
