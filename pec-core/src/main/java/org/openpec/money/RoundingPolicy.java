package org.openpec.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The only roundings openpec makes (rules §8): the bill's FLOOR to cents, and the display divisions.
 *
 * <p>Everything else is exact: add, subtract and multiply never round.
 */
public final class RoundingPolicy {

  /** Scale of billed amounts: 2 decimals. */
  public static final int BILLING_SCALE = 2;
  /** Scale of the displayed effective rate: 6 decimals, HALF_EVEN. */
  public static final int RATE_DISPLAY_SCALE = 6;
  /** Scale of displayed unit prices of repriced lines: 16 decimals, HALF_EVEN. */
  public static final int UNIT_PRICE_DISPLAY_SCALE = 16;

  private RoundingPolicy() {}

  /**
   * {@return {@code FLOOR(amount, 2)}: towards negative infinity, to cents, as the bill rounds}
   *
   * @param amount the amount
   */
  public static BigDecimal billed(BigDecimal amount) {
    return amount.setScale(BILLING_SCALE, RoundingMode.FLOOR);
  }

  /**
   * {@return {@code numerator / denominator} at scale 6, HALF_EVEN: the displayed effective rate; zero when the
   * denominator is zero}
   *
   * @param numerator the numerator
   * @param denominator the denominator, not zero
   */
  public static BigDecimal displayRate(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0 ? BigDecimal.ZERO.setScale(RATE_DISPLAY_SCALE)
        : numerator.divide(denominator, RATE_DISPLAY_SCALE, RoundingMode.HALF_EVEN);
  }

  /**
   * {@return {@code amount / quantity} at scale 16, HALF_EVEN: a displayed unit price of a repriced line}
   *
   * @param amount the amount
   * @param quantity the units consumed
   */
  public static BigDecimal displayUnitPrice(BigDecimal amount, BigDecimal quantity) {
    return amount.divide(quantity, UNIT_PRICE_DISPLAY_SCALE, RoundingMode.HALF_EVEN);
  }
}
