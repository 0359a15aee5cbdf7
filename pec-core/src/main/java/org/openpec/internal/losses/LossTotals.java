package org.openpec.internal.losses;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openpec.money.Currencies;
import org.openpec.money.CurrencyMismatchException;

/**
 * The roll-up of a set of loss episodes: how many, how many episode-days and lines, and the money lost.
 *
 * <p>A monoid: {@link #zero()} is the identity of {@link #plus}, associative and commutative. Money is never added
 * across currencies (as in the credit statement): the pricing-currency sums are kept per pair of currencies of the
 * episodes, billing-currency losses per billing currency. {@link #listCost()} and {@link #creditLost()} answer the
 * sum in the one pricing currency of the totals and refuse totals that span several. Immutable and thread-safe.
 *
 * @param episodes the number of episodes
 * @param days Σ {@link LossEpisode#days()}
 * @param lines Σ lines
 * @param listCostByCurrencies Σ list cost per pair of currencies, in its pricing currency
 * @param creditLostByCurrencies Σ credit lost per pair of currencies, in its pricing currency
 * @param billingCreditLost Σ billing credit lost per billing currency, sorted by currency code
 */
public record LossTotals(long episodes, long days, long lines, SortedMap<Currencies, BigDecimal> listCostByCurrencies,
    SortedMap<Currencies, BigDecimal> creditLostByCurrencies, SortedMap<String, BigDecimal> billingCreditLost) {

  private static final LossTotals ZERO = new LossTotals(0, 0, 0, Collections.emptySortedMap(),
      Collections.emptySortedMap(), Collections.emptySortedMap());

  /** Validates and freezes the totals. */
  public LossTotals {
    listCostByCurrencies = Collections.unmodifiableSortedMap(new TreeMap<>(listCostByCurrencies));
    creditLostByCurrencies = Collections.unmodifiableSortedMap(new TreeMap<>(creditLostByCurrencies));
    billingCreditLost = Collections.unmodifiableSortedMap(new TreeMap<>(billingCreditLost));
  }

  /** No episode. */
  public static LossTotals zero() {
    return ZERO;
  }

  /** The roll-up of one episode. */
  public static LossTotals of(LossEpisode e) {
    return new LossTotals(1, e.days(), e.lines(), new TreeMap<>(Map.of(e.currencies(), e.listCost())),
        new TreeMap<>(Map.of(e.currencies(), e.creditLost())),
        new TreeMap<>(Map.of(e.billingCurrency(), e.billingCreditLost())));
  }

  /** The roll-up of both; sums of different currencies stay apart. */
  public LossTotals plus(LossTotals o) {
    if (o == ZERO) {
      return this;
    }
    if (this == ZERO) {
      return o;
    }
    return new LossTotals(episodes + o.episodes, days + o.days, lines + o.lines,
        merged(listCostByCurrencies, o.listCostByCurrencies), merged(creditLostByCurrencies, o.creditLostByCurrencies),
        merged(billingCreditLost, o.billingCreditLost));
  }

  /**
   * Σ list cost, in the one pricing currency of the episodes (zero when there is none).
   *
   * @throws CurrencyMismatchException if the episodes are priced in more than one currency
   */
  public BigDecimal listCost() {
    return inOnePricingCurrency(listCostByCurrencies);
  }

  /**
   * Σ credit lost, in the one pricing currency of the episodes (zero when there is none).
   *
   * @throws CurrencyMismatchException if the episodes are priced in more than one currency
   */
  public BigDecimal creditLost() {
    return inOnePricingCurrency(creditLostByCurrencies);
  }

  private static <K extends Comparable<K>> TreeMap<K, BigDecimal> merged(SortedMap<K, BigDecimal> a,
      SortedMap<K, BigDecimal> b) {
    TreeMap<K, BigDecimal> sum = new TreeMap<>(a);
    b.forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
    return sum;
  }

  private static BigDecimal inOnePricingCurrency(SortedMap<Currencies, BigDecimal> sums) {
    Iterator<Map.Entry<Currencies, BigDecimal>> it = sums.entrySet().iterator();
    if (!it.hasNext()) {
      return BigDecimal.ZERO;
    }
    Map.Entry<Currencies, BigDecimal> first = it.next();
    BigDecimal total = first.getValue();
    while (it.hasNext()) {
      Map.Entry<Currencies, BigDecimal> next = it.next();
      if (!next.getKey().pricing().equals(first.getKey().pricing())) {
        throw new CurrencyMismatchException(first.getKey(), next.getKey());
      }
      total = total.add(next.getValue());
    }
    return total;
  }
}
