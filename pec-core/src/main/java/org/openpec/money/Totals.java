package org.openpec.money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Exact sums of line amounts in one pair of currencies, and the number of lines summed: the value of one bucket
 * of a statement.
 *
 * <p>A monoid: {@link #zero()} (no line, no currency) is the identity of {@link #plus(Totals)}, which is
 * associative and commutative within one pair of currencies, so totals do not depend on line order or
 * partitioning; adding totals of different currencies fails with {@link CurrencyMismatchException}.
 * {@code listCost = pricingPreTaxTotal + credit} always holds. Amounts compare by value; {@link #equals} compares
 * their scale too. Immutable and thread-safe.
 */
public final class Totals implements java.io.Serializable {

  private static final long serialVersionUID = 2L;

  private static final Totals ZERO = new Totals(null, 0L, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
      BigDecimal.ZERO, BigDecimal.ZERO, true);

  /** The pair of currencies of the lines; null for no line. */
  private final Currencies currencies;
  /** The number of lines. */
  private final long lines;
  /** Σ list cost, pricing currency. */
  private final BigDecimal listCost;
  /** Σ cost after PEC, pricing currency. */
  private final BigDecimal pricingPreTaxTotal;
  /** Σ credit, pricing currency. */
  private final BigDecimal credit;
  /** Σ billed amount, billing currency. */
  private final BigDecimal billingPreTaxTotal;
  /** Σ credit, billing currency. */
  private final BigDecimal billingCredit;

  /**
   * Totals of {@code lines} lines in {@code currencies}.
   *
   * @param currencies the pricing and billing currencies of every amount
   * @param lines the number of lines, not negative
   * @param listCost Σ list cost, pricing currency
   * @param pricingPreTaxTotal Σ cost after PEC, pricing currency
   * @param credit Σ credit, pricing currency; must be {@code listCost − pricingPreTaxTotal}
   * @param billingPreTaxTotal Σ billed amounts, billing currency
   * @param billingCredit Σ credit, billing currency
   * @throws InvalidAmountException if {@code lines} is negative or the credit is not the difference
   */
  public Totals(Currencies currencies, long lines, BigDecimal listCost, BigDecimal pricingPreTaxTotal,
      BigDecimal credit, BigDecimal billingPreTaxTotal, BigDecimal billingCredit) {
    this.currencies = Objects.requireNonNull(currencies, "currencies");
    this.lines = lines;
    this.listCost = Objects.requireNonNull(listCost, "listCost");
    this.pricingPreTaxTotal = Objects.requireNonNull(pricingPreTaxTotal, "pricingPreTaxTotal");
    this.credit = Objects.requireNonNull(credit, "credit");
    this.billingPreTaxTotal = Objects.requireNonNull(billingPreTaxTotal, "billingPreTaxTotal");
    this.billingCredit = Objects.requireNonNull(billingCredit, "billingCredit");
    if (lines < 0) {
      throw new InvalidAmountException("the number of lines must not be negative, was " + lines);
    }
    if (pricingPreTaxTotal.add(credit).compareTo(listCost) != 0) {
      throw new InvalidAmountException("list cost " + listCost.toPlainString() + " is not cost after PEC "
          + pricingPreTaxTotal.toPlainString() + " + credit " + credit.toPlainString());
    }
  }

  /** {@return the zero deserializes as the zero, so that it stays the identity of {@link #plus}} */
  private Object readResolve() {
    return currencies == null && lines == 0 ? ZERO : this;
  }

  private Totals(Currencies currencies, long lines, BigDecimal listCost, BigDecimal pricingPreTaxTotal,
      BigDecimal credit, BigDecimal billingPreTaxTotal, BigDecimal billingCredit, boolean valid) {
    // Sums of valid totals, or of one line's amounts (valid by construction): nothing to check.
    this.currencies = currencies;
    this.lines = lines;
    this.listCost = listCost;
    this.pricingPreTaxTotal = pricingPreTaxTotal;
    this.credit = credit;
    this.billingPreTaxTotal = billingPreTaxTotal;
    this.billingCredit = billingCredit;
  }

  /** {@return no line, no currency, every sum zero} */
  public static Totals zero() {
    return ZERO;
  }

  /**
   * {@return the totals of one line of money {@code a} in {@code currencies}}
   *
   * @param currencies the pair of pricing and billing currencies
   * @param a the line's amounts
   */
  public static Totals of(Currencies currencies, LineAmounts a) {
    return new Totals(Objects.requireNonNull(currencies, "currencies"), 1L, a.listCost(), a.pricingPreTaxTotal(),
        a.credit(), a.billingPreTaxTotal(), a.billingCredit(), true);
  }

  /**
   * {@return the sum of two totals}
   *
   * @param o the totals to add
   * @throws CurrencyMismatchException if both have lines in different pairs of currencies
   * @throws InvalidAmountException if the number of lines overflows
   */
  public Totals plus(Totals o) {
    if (o == ZERO) {
      return this;
    }
    if (this == ZERO) {
      return o;
    }
    if (!currencies.equals(o.currencies)) {
      throw new CurrencyMismatchException(currencies, o.currencies);
    }
    long sum = lines + o.lines;
    if (((lines ^ sum) & (o.lines ^ sum)) < 0) {
      throw new InvalidAmountException("the number of lines overflows: " + lines + " + " + o.lines);
    }
    return new Totals(currencies, sum, listCost.add(o.listCost), pricingPreTaxTotal.add(o.pricingPreTaxTotal),
        credit.add(o.credit), billingPreTaxTotal.add(o.billingPreTaxTotal), billingCredit.add(o.billingCredit), true);
  }

  /** {@return the pricing and billing currencies of the amounts; empty for {@link #zero()}} */
  public Optional<Currencies> currencies() {
    return Optional.ofNullable(currencies);
  }

  /** {@return the number of lines} */
  public long lines() {
    return lines;
  }

  /** {@return Σ list cost, pricing currency} */
  public BigDecimal listCost() {
    return listCost;
  }

  /** {@return Σ cost after PEC, pricing currency} */
  public BigDecimal pricingPreTaxTotal() {
    return pricingPreTaxTotal;
  }

  /** {@return Σ credit, pricing currency} */
  public BigDecimal credit() {
    return credit;
  }

  /** {@return Σ billed amounts, billing currency} */
  public BigDecimal billingPreTaxTotal() {
    return billingPreTaxTotal;
  }

  /** {@return Σ credit, billing currency} */
  public BigDecimal billingCredit() {
    return billingCredit;
  }

  /** {@return Σ credit / Σ list cost for display, scale 6, HALF_EVEN; zero when the list cost is zero} */
  public BigDecimal effectiveRate() {
    return RoundingPolicy.displayRate(credit, listCost);
  }

  /** Equal currencies, line count and amounts (value and scale). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Totals t && Objects.equals(currencies, t.currencies) && lines == t.lines
        && listCost.equals(t.listCost) && pricingPreTaxTotal.equals(t.pricingPreTaxTotal) && credit.equals(t.credit)
        && billingPreTaxTotal.equals(t.billingPreTaxTotal) && billingCredit.equals(t.billingCredit);
  }

  @Override
  public int hashCode() {
    return Objects.hash(currencies, lines, listCost, pricingPreTaxTotal, credit, billingPreTaxTotal, billingCredit);
  }

  @Override
  public String toString() {
    return "Totals{" + (currencies == null ? "no currency" : currencies) + ", lines=" + lines + ", listCost="
        + listCost.toPlainString() + ", pricingPreTaxTotal=" + pricingPreTaxTotal.toPlainString() + ", credit="
        + credit.toPlainString() + ", billingPreTaxTotal=" + billingPreTaxTotal.toPlainString() + ", billingCredit="
        + billingCredit.toPlainString() + "}";
  }
}
