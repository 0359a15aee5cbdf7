package org.openpec.examples.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openpec.CreditStatement;
import org.openpec.money.Totals;
import org.openpec.rules.Reason;

/**
 * What one engine computed for a month, in the terms every engine can state: record counts and the exact money
 * totals per billing currency (rules §8). Two engines agree when every figure is equal by value.
 *
 * @param engine the engine's name, for messages
 * @param records the usage records read (rejected ones included)
 * @param rejected the records rejected (rules §9)
 * @param eligible the lines that earn credit
 * @param byBillingCurrency the totals of the evaluated lines per billing currency, sorted by currency
 */
public record EngineFigures(String engine, long records, long rejected, long eligible,
    SortedMap<String, Money> byBillingCurrency) {

  /**
   * The totals of one billing currency: amounts in pricing currency except the two billing amounts.
   *
   * @param lines evaluated lines billed in the currency
   * @param listCost Σ UnitPrice × Quantity
   * @param pricingPreTaxTotal Σ EffectiveUnitPrice × Quantity
   * @param credit Σ Credit (= Σ UnitPrice × Quantity × rate over eligible lines)
   * @param billingPreTaxTotal Σ FLOOR(EffectiveUnitPrice × Quantity × FX, 2), billing currency
   * @param billingCredit Σ (FLOOR(ListCost × FX, 2) − BillingPreTaxTotal), billing currency
   */
  public record Money(long lines, BigDecimal listCost, BigDecimal pricingPreTaxTotal, BigDecimal credit,
      BigDecimal billingPreTaxTotal, BigDecimal billingCredit) {

    /** Validates the totals. */
    public Money {
      Objects.requireNonNull(listCost, "listCost");
      Objects.requireNonNull(pricingPreTaxTotal, "pricingPreTaxTotal");
      Objects.requireNonNull(credit, "credit");
      Objects.requireNonNull(billingPreTaxTotal, "billingPreTaxTotal");
      Objects.requireNonNull(billingCredit, "billingCredit");
    }

    /** The totals of openpec's {@link Totals}. */
    static Money of(Totals t) {
      return new Money(t.lines(), t.listCost(), t.pricingPreTaxTotal(), t.credit(), t.billingPreTaxTotal(),
          t.billingCredit());
    }
  }

  /** Validates and freezes the figures. */
  public EngineFigures {
    Objects.requireNonNull(engine, "engine");
    byBillingCurrency = Collections.unmodifiableSortedMap(new TreeMap<>(byBillingCurrency));
  }

  /** The figures of an openpec statement. */
  static EngineFigures of(String engine, CreditStatement s) {
    SortedMap<String, Money> money = new TreeMap<>();
    for (Map.Entry<org.openpec.money.Currencies, Totals> e : s.byCurrency().entrySet()) {
      money.merge(e.getKey().billing(), Money.of(e.getValue()), (a, b) -> {
        throw new IllegalStateException("two pricing currencies billed in " + e.getKey().billing());
      });
    }
    return new EngineFigures(engine, s.lines() + s.rejected(), s.rejected(), s.count(Reason.ELIGIBLE), money);
  }

  /** The lines evaluated (not rejected). */
  public long evaluated() {
    return records - rejected;
  }

  /** Σ Credit over every billing currency, pricing currency (exact). */
  public BigDecimal credit() {
    return byBillingCurrency.values().stream().map(Money::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Σ ListCost over every billing currency, pricing currency (exact). */
  public BigDecimal listCost() {
    return byBillingCurrency.values().stream().map(Money::listCost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The figures where {@code other} differs from this, as sentences; empty when both agree exactly (amounts by
   * value).
   */
  public List<String> differences(EngineFigures other) {
    List<String> out = new ArrayList<>();
    count(out, other, "records", records, other.records);
    count(out, other, "rejected records", rejected, other.rejected);
    count(out, other, "eligible lines", eligible, other.eligible);
    amount(out, other, "total credit", credit(), other.credit());
    if (!byBillingCurrency.keySet().equals(other.byBillingCurrency.keySet())) {
      out.add("billing currencies: " + engine + " " + byBillingCurrency.keySet() + ", " + other.engine + " "
          + other.byBillingCurrency.keySet());
      return out;
    }
    for (Map.Entry<String, Money> e : byBillingCurrency.entrySet()) {
      Money a = e.getValue();
      Money b = other.byBillingCurrency.get(e.getKey());
      String c = e.getKey() + " ";
      count(out, other, c + "lines", a.lines(), b.lines());
      amount(out, other, c + "ListCost", a.listCost(), b.listCost());
      amount(out, other, c + "PricingPreTaxTotal", a.pricingPreTaxTotal(), b.pricingPreTaxTotal());
      amount(out, other, c + "Credit", a.credit(), b.credit());
      amount(out, other, c + "BillingPreTaxTotal", a.billingPreTaxTotal(), b.billingPreTaxTotal());
      amount(out, other, c + "BillingCredit", a.billingCredit(), b.billingCredit());
    }
    return out;
  }

  private void count(List<String> out, EngineFigures other, String what, long mine, long theirs) {
    if (mine != theirs) {
      out.add(what + ": " + engine + " " + mine + ", " + other.engine + " " + theirs);
    }
  }

  private void amount(List<String> out, EngineFigures other, String what, BigDecimal mine, BigDecimal theirs) {
    if (mine.compareTo(theirs) != 0) {
      out.add(what + ": " + engine + " " + mine.toPlainString() + ", " + other.engine + " " + theirs.toPlainString()
          + " (difference " + mine.subtract(theirs).toPlainString() + ")");
    }
  }
}
