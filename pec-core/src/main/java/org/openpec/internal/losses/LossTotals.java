package org.openpec.internal.losses;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The roll-up of a set of loss episodes: how many, how many episode-days and lines, and the money lost.
 *
 * <p>A monoid: {@link #zero()} is the identity of {@link #plus}, associative and commutative. Pricing-currency
 * sums are exact; billing-currency losses are kept per currency. Immutable and thread-safe.
 *
 * @param episodes the number of episodes
 * @param days Σ {@link LossEpisode#days()}
 * @param lines Σ lines
 * @param listCost Σ list cost, pricing currency
 * @param creditLost Σ credit lost, pricing currency
 * @param billingCreditLost Σ billing credit lost per billing currency, sorted by currency code
 */
public record LossTotals(long episodes, long days, long lines, BigDecimal listCost, BigDecimal creditLost,
    SortedMap<String, BigDecimal> billingCreditLost) {

  private static final LossTotals ZERO = new LossTotals(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
      Collections.emptySortedMap());

  /** Validates and freezes the totals. */
  public LossTotals {
    Objects.requireNonNull(listCost, "listCost");
    Objects.requireNonNull(creditLost, "creditLost");
    billingCreditLost = Collections.unmodifiableSortedMap(new TreeMap<>(billingCreditLost));
  }

  /** No episode. */
  public static LossTotals zero() {
    return ZERO;
  }

  /** The roll-up of one episode. */
  public static LossTotals of(LossEpisode e) {
    return new LossTotals(1, e.days(), e.lines(), e.listCost(), e.creditLost(),
        new TreeMap<>(Map.of(e.billingCurrency(), e.billingCreditLost())));
  }

  /** The roll-up of both. */
  public LossTotals plus(LossTotals o) {
    if (o == ZERO) {
      return this;
    }
    if (this == ZERO) {
      return o;
    }
    TreeMap<String, BigDecimal> billing = new TreeMap<>(billingCreditLost);
    o.billingCreditLost.forEach((c, a) -> billing.merge(c, a, BigDecimal::add));
    return new LossTotals(episodes + o.episodes, days + o.days, lines + o.lines, listCost.add(o.listCost),
        creditLost.add(o.creditLost), billing);
  }
}
