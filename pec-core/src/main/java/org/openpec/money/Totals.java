package org.openpec.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Exact sums of line amounts and the number of lines summed: the value of one bucket of a statement.
 *
 * <p>A monoid: {@link #zero()} is the identity of {@link #plus(Totals)}, which is associative and commutative,
 * so totals do not depend on line order or partitioning. {@code listCost = pricingPreTaxTotal + credit}
 * holds for every totals built from lines. Immutable and thread-safe.
 *
 * @param lines the number of lines
 * @param listCost Σ list cost, pricing currency
 * @param pricingPreTaxTotal Σ cost after PEC, pricing currency
 * @param credit Σ credit, pricing currency
 * @param billingPreTaxTotal Σ billed amounts, billing currency
 * @param billingCredit Σ credit, billing currency
 */
public record Totals(long lines, BigDecimal listCost, BigDecimal pricingPreTaxTotal, BigDecimal credit,
    BigDecimal billingPreTaxTotal, BigDecimal billingCredit) implements java.io.Serializable {

  private static final Totals ZERO = new Totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
      BigDecimal.ZERO, BigDecimal.ZERO);

  /** Validates the totals. */
  public Totals {
    Objects.requireNonNull(listCost, "listCost");
    Objects.requireNonNull(pricingPreTaxTotal, "pricingPreTaxTotal");
    Objects.requireNonNull(credit, "credit");
    Objects.requireNonNull(billingPreTaxTotal, "billingPreTaxTotal");
    Objects.requireNonNull(billingCredit, "billingCredit");
  }

  /** No line, every sum zero. */
  public static Totals zero() {
    return ZERO;
  }

  /** The totals of one line. */
  public static Totals of(LineAmounts a) {
    return new Totals(1, a.listCost(), a.pricingPreTaxTotal(), a.credit(), a.billingPreTaxTotal(), a.billingCredit());
  }

  /** The sum of two totals. */
  public Totals plus(Totals o) {
    if (o.lines == 0 && o == ZERO) {
      return this;
    }
    if (this == ZERO) {
      return o;
    }
    return new Totals(lines + o.lines, listCost.add(o.listCost), pricingPreTaxTotal.add(o.pricingPreTaxTotal),
        credit.add(o.credit), billingPreTaxTotal.add(o.billingPreTaxTotal), billingCredit.add(o.billingCredit));
  }

  /** Σ credit / Σ list cost for display, scale 6, HALF_EVEN; zero when the list cost is zero. */
  public BigDecimal effectiveRate() {
    return RoundingPolicy.displayRate(credit, listCost);
  }
}
