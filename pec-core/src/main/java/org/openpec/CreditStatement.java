package org.openpec;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.money.Totals;
import org.openpec.rules.Reason;

/**
 * The exact totals of a set of usage lines: overall, per billing currency, customer, Azure subscription and
 * reason, with the count of rejected records.
 *
 * <p>A monoid: {@link #empty()} is the identity, {@link #merge} is associative and commutative, and
 * {@link #add(LineResult)} is {@code merge} with the statement of one line, so the statement of a set of lines
 * does not depend on their order or on how they were partitioned. Amounts in pricing currency are summed per
 * key without conversion; billing amounts are meaningful per billing currency. Immutable and thread-safe.
 */
public final class CreditStatement {

  private static final CreditStatement EMPTY = new CreditStatement(Totals.zero(), Totals.zero(), Map.of(), Map.of(),
      Map.of(), Map.of(), 0);

  private final Totals all;
  private final Totals productEligible;
  private final Map<String, Totals> byCurrency;
  private final Map<String, Totals> byCustomer;
  private final Map<String, Totals> bySubscription;
  private final Map<Reason, Totals> byReason;
  private final long rejected;

  private CreditStatement(Totals all, Totals productEligible, Map<String, Totals> byCurrency,
      Map<String, Totals> byCustomer, Map<String, Totals> bySubscription, Map<Reason, Totals> byReason,
      long rejected) {
    this.all = all;
    this.productEligible = productEligible;
    this.byCurrency = byCurrency;
    this.byCustomer = byCustomer;
    this.bySubscription = bySubscription;
    this.byReason = byReason;
    this.rejected = rejected;
  }

  /** The statement of no line. */
  public static CreditStatement empty() {
    return EMPTY;
  }

  /** The statement of one line. */
  public static CreditStatement of(LineResult result) {
    Accumulator a = new Accumulator();
    a.add(result);
    return a.toStatement();
  }

  /** This statement with one more line. */
  public CreditStatement add(LineResult result) {
    return merge(of(result));
  }

  /** This statement with {@code count} more rejected records (which carry no money). */
  public CreditStatement plusRejected(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    return new CreditStatement(all, productEligible, byCurrency, byCustomer, bySubscription, byReason,
        rejected + count);
  }

  /** The statement of the lines of both. */
  public CreditStatement merge(CreditStatement other) {
    Objects.requireNonNull(other, "other");
    if (other == EMPTY) {
      return this;
    }
    if (this == EMPTY) {
      return other;
    }
    Accumulator a = new Accumulator(this);
    a.merge(new Accumulator(other));
    return a.toStatement();
  }

  /** A collector of line results into a statement; usable with parallel streams. */
  public static Collector<LineResult, ?, CreditStatement> collector() {
    return Collector.of(Accumulator::new, Accumulator::add, (x, y) -> {
      x.merge(y);
      return x;
    }, Accumulator::toStatement, Collector.Characteristics.UNORDERED);
  }

  /** Totals of every line that was evaluated (rejected records excluded). */
  public Totals total() {
    return all;
  }

  /** Totals of the lines whose product is eligible (not excluded by rules §6). */
  public Totals productEligible() {
    return productEligible;
  }

  /** Σ credit / Σ list cost over product-eligible lines, scale 6, HALF_EVEN (display only). */
  public BigDecimal effectiveRate() {
    return productEligible.effectiveRate();
  }

  /** Totals per billing currency, sorted by currency code. */
  public SortedMap<String, Totals> byBillingCurrency() {
    return sorted(byCurrency);
  }

  /** Totals per customer id, sorted. */
  public SortedMap<String, Totals> byCustomer() {
    return sorted(byCustomer);
  }

  /** Totals per Azure subscription ({@code EntitlementId}), sorted. */
  public SortedMap<String, Totals> bySubscription() {
    return sorted(bySubscription);
  }

  /** Totals per reason code, in code order; the count of a reason is its {@link Totals#lines()}. */
  public Map<Reason, Totals> byReason() {
    EnumMap<Reason, Totals> m = new EnumMap<>(Reason.class);
    m.putAll(byReason);
    return Collections.unmodifiableMap(m);
  }

  /** The number of lines of a reason. */
  public long count(Reason reason) {
    return reason == Reason.REJECTED ? rejected : byReason.getOrDefault(reason, Totals.zero()).lines();
  }

  /** The number of rejected records (counted, not summed). */
  public long rejected() {
    return rejected;
  }

  private static <K> SortedMap<K, Totals> sorted(Map<K, Totals> m) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(m));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CreditStatement s && rejected == s.rejected && sameTotals(all, s.all)
        && sameTotals(productEligible, s.productEligible) && sameMaps(byCurrency, s.byCurrency)
        && sameMaps(byCustomer, s.byCustomer) && sameMaps(bySubscription, s.bySubscription)
        && sameMaps(byReason, s.byReason);
  }

  private static <K> boolean sameMaps(Map<K, Totals> a, Map<K, Totals> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<K, Totals> e : a.entrySet()) {
      if (!sameTotals(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameTotals(Totals a, Totals b) {
    return a.lines() == b.lines() && a.listCost().compareTo(b.listCost()) == 0
        && a.pricingPreTaxTotal().compareTo(b.pricingPreTaxTotal()) == 0 && a.credit().compareTo(b.credit()) == 0
        && a.billingPreTaxTotal().compareTo(b.billingPreTaxTotal()) == 0
        && a.billingCredit().compareTo(b.billingCredit()) == 0;
  }

  /** Consistent with {@link #equals}, which compares amounts by value. */
  @Override
  public int hashCode() {
    return Objects.hash(rejected, all.lines(), byReason.keySet(), byCustomer.keySet());
  }

  @Override
  public String toString() {
    return "CreditStatement{lines=" + all.lines() + ", listCost=" + all.listCost().toPlainString() + ", credit="
        + all.credit().toPlainString() + ", rejected=" + rejected + "}";
  }

  /**
   * The mutable accumulation behind {@link #collector()}; confined to one thread at a time. Lines are summed per
   * (billing currency, customer, subscription, reason) cell, one map update per line, and rolled up into the
   * statement's dimensions at the end.
   */
  private static final class Accumulator {
    private Totals all = Totals.zero();
    private Totals productEligible = Totals.zero();
    private final Map<String, Totals> byCurrency = new HashMap<>();
    private final Map<String, Totals> byCustomer = new HashMap<>();
    private final Map<String, Totals> bySubscription = new HashMap<>();
    private final Map<Reason, Totals> byReason = new EnumMap<>(Reason.class);
    private final Map<Cell, Sums> cells = new HashMap<>();
    private long rejected;

    Accumulator() {}

    Accumulator(CreditStatement s) {
      all = s.all;
      productEligible = s.productEligible;
      byCurrency.putAll(s.byCurrency);
      byCustomer.putAll(s.byCustomer);
      bySubscription.putAll(s.bySubscription);
      byReason.putAll(s.byReason);
      rejected = s.rejected;
    }

    private Cell lastCell;
    private Sums lastSums;

    void add(LineResult r) {
      UsageLine l = r.line();
      Cell last = lastCell;
      if (last == null || last.reason != r.reason() || !last.customer.equals(l.customerId())
          || !last.subscription.equals(l.entitlementId()) || !last.currency.equals(l.billingCurrency())) {
        // Lines of one customer and subscription tend to come together: look the cell up only when it changes.
        lastCell = new Cell(l.billingCurrency(), l.customerId(), l.entitlementId(), r.reason());
        lastSums = cells.computeIfAbsent(lastCell, k -> new Sums());
      }
      lastSums.add(r.amounts());
    }

    void merge(Accumulator o) {
      o.rollUp();
      rollUp();
      all = all.plus(o.all);
      productEligible = productEligible.plus(o.productEligible);
      o.byCurrency.forEach((k, v) -> byCurrency.merge(k, v, Totals::plus));
      o.byCustomer.forEach((k, v) -> byCustomer.merge(k, v, Totals::plus));
      o.bySubscription.forEach((k, v) -> bySubscription.merge(k, v, Totals::plus));
      o.byReason.forEach((k, v) -> byReason.merge(k, v, Totals::plus));
      rejected += o.rejected;
    }

    /** Moves the cells' sums into the dimensions. */
    private void rollUp() {
      for (Map.Entry<Cell, Sums> e : cells.entrySet()) {
        Cell c = e.getKey();
        Totals t = e.getValue().toTotals();
        all = all.plus(t);
        if (!c.reason.isProductExclusion()) {
          productEligible = productEligible.plus(t);
        }
        byCurrency.merge(c.currency, t, Totals::plus);
        byCustomer.merge(c.customer, t, Totals::plus);
        bySubscription.merge(c.subscription, t, Totals::plus);
        byReason.merge(c.reason, t, Totals::plus);
      }
      cells.clear();
      lastCell = null;
      lastSums = null;
    }

    CreditStatement toStatement() {
      rollUp();
      return new CreditStatement(all, productEligible, Map.copyOf(byCurrency), Map.copyOf(byCustomer),
          Map.copyOf(bySubscription), Map.copyOf(byReason), rejected);
    }
  }

  /** The finest grouping of lines: every dimension of the statement is a roll-up of cells. */
  private record Cell(String currency, String customer, String subscription, Reason reason) {}

  /** Mutable exact sums of one cell. */
  private static final class Sums {
    private long lines;
    private BigDecimal listCost = BigDecimal.ZERO;
    private BigDecimal pricingPreTaxTotal = BigDecimal.ZERO;
    private BigDecimal credit = BigDecimal.ZERO;
    private BigDecimal billingPreTaxTotal = BigDecimal.ZERO;
    private BigDecimal billingCredit = BigDecimal.ZERO;

    void add(LineAmounts a) {
      lines++;
      listCost = listCost.add(a.listCost());
      pricingPreTaxTotal = pricingPreTaxTotal.add(a.pricingPreTaxTotal());
      credit = credit.add(a.credit());
      billingPreTaxTotal = billingPreTaxTotal.add(a.billingPreTaxTotal());
      billingCredit = billingCredit.add(a.billingCredit());
    }

    Totals toTotals() {
      return new Totals(lines, listCost, pricingPreTaxTotal, credit, billingPreTaxTotal, billingCredit);
    }
  }
}
