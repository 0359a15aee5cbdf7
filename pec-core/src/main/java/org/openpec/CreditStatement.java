package org.openpec;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collector;
import org.openpec.model.UsageLine;
import org.openpec.money.Currencies;
import org.openpec.money.CurrencyMismatchException;
import org.openpec.money.InvalidAmountException;
import org.openpec.money.LineAmounts;
import org.openpec.money.Totals;
import org.openpec.rules.Reason;

/**
 * The exact totals of a set of usage lines, per pair of currencies: overall, for product-eligible lines, per
 * customer, Azure subscription and reason, with the count of rejected records.
 *
 * <p>Amounts of different currencies are never added. {@link #byCurrency()} gives the totals of each pair of
 * pricing and billing currencies, and {@link #inCurrency(Currencies)} the statement of one pair; the methods that
 * return totals without naming a currency ({@link #total()}, {@link #byCustomer()}, ...) answer for a statement
 * in one pair of currencies and throw {@link CurrencyMismatchException} for a statement that spans several.
 * Counts ({@link #lines()}, {@link #count(Reason)}, {@link #rejected()}) are over every currency.
 *
 * <p>A monoid: {@link #empty()} is the identity, {@link #merge} is associative and commutative, and
 * {@link #add(LineResult)} is {@code merge} with the statement of one line, so the statement of a set of lines
 * does not depend on their order or on how they were partitioned. Merging costs amortised time in the size of the
 * smaller statement: a statement keeps what was merged into it aside until that is as large as itself, then folds
 * everything once, so a loop that merges batch after batch stays linear however many customers it sees.
 * Immutable and thread-safe; serializable (as its folded totals), so that a distributed engine can ship partial
 * statements between machines and merge them there.
 */
public final class CreditStatement implements java.io.Serializable {

  private static final long serialVersionUID = 2L;

  private static final int ALL = 0;
  private static final int PRODUCT_ELIGIBLE = 1;
  private static final int CUSTOMER = 2;
  private static final int SUBSCRIPTION = 3;
  private static final int REASON = 4;

  /** Entries that may wait unfolded beyond the size of the folded part, so that small statements fold rarely. */
  private static final int SLACK = 4096;

  /** Entries copied while folding statements, for tests that hold merging to linear work. */
  static final AtomicLong ENTRIES_FOLDED = new AtomicLong();

  private static final CreditStatement EMPTY = new CreditStatement(Map.of(), null, 0, 0);

  /** One total of the statement: a dimension, a pair of currencies and the key within the dimension. */
  private record Key(int dimension, Currencies currencies, Object name) implements java.io.Serializable {}

  /** Statements merged in and not yet folded: an immutable list, shared by the statements built from it. */
  private record Pending(CreditStatement head, Pending tail) {}

  /** The folded totals by dimension, currencies and key. */
  private final Map<Key, Totals> base;
  private final transient Pending pending;
  private final transient long pendingSize;
  /** The number of rejected records. */
  private final long rejected;
  private transient volatile Map<Key, Totals> folded;

  private CreditStatement(Map<Key, Totals> base, Pending pending, long pendingSize, long rejected) {
    this.base = base;
    this.pending = pending;
    this.pendingSize = pendingSize;
    this.rejected = rejected;
    this.folded = pending == null ? base : null;
  }

  /** {@return the statement of no line} */
  public static CreditStatement empty() {
    return EMPTY;
  }

  /**
   * {@return the statement of one line}
   *
   * @param result the line's result
   */
  public static CreditStatement of(LineResult result) {
    Accumulator a = new Accumulator();
    a.add(result);
    return a.toStatement();
  }

  /**
   * {@return this statement with one more line}
   *
   * @param result the line's result
   */
  public CreditStatement add(LineResult result) {
    return merge(of(result));
  }

  /**
   * {@return this statement with {@code count} more rejected records (which carry no money)}
   *
   * @param count the number of rejected records to add, not negative
   * @throws InvalidAmountException if {@code count} is negative or the count of rejected records overflows
   */
  public CreditStatement plusRejected(long count) {
    if (count < 0) {
      throw new InvalidAmountException("count must not be negative, was " + count);
    }
    return count == 0 ? this : new CreditStatement(base, pending, pendingSize, addCounts(rejected, count));
  }

  private static long addCounts(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      throw new InvalidAmountException("the count of rejected records overflows: " + a + " + " + b);
    }
    return sum;
  }

  /** The number of entries this statement holds, folded or not. */
  private long size() {
    return base.size() + pendingSize;
  }

  /**
   * {@return the statement of the lines of both}
   *
   * @param other the statement to merge in
   * @throws InvalidAmountException if the count of rejected records overflows
   */
  public CreditStatement merge(CreditStatement other) {
    Objects.requireNonNull(other, "other");
    if (other.size() == 0 && other.rejected == 0) {
      return this;
    }
    if (size() == 0 && rejected == 0) {
      return other;
    }
    long rejectedBoth = addCounts(rejected, other.rejected);
    CreditStatement big = size() >= other.size() ? this : other;
    CreditStatement small = big == this ? other : this;
    if (small.size() == 0) {
      return new CreditStatement(big.base, big.pending, big.pendingSize, rejectedBoth);
    }
    long waiting = big.pendingSize + small.size();
    if (waiting <= big.base.size() + SLACK) {
      return new CreditStatement(big.base, new Pending(small, big.pending), waiting, rejectedBoth);
    }
    Map<Key, Totals> all = new HashMap<>(big.entries());
    ENTRIES_FOLDED.addAndGet(all.size());
    foldInto(all, small);
    return new CreditStatement(Collections.unmodifiableMap(all), null, 0, rejectedBoth);
  }

  /** Adds every total of {@code s} (folded or not) to {@code into}. */
  private static void foldInto(Map<Key, Totals> into, CreditStatement s) {
    Deque<CreditStatement> todo = new ArrayDeque<>();
    todo.push(s);
    while (!todo.isEmpty()) {
      CreditStatement next = todo.pop();
      Map<Key, Totals> done = next.folded;
      Map<Key, Totals> own = done != null ? done : next.base;
      ENTRIES_FOLDED.addAndGet(own.size());
      own.forEach((k, v) -> into.merge(k, v, Totals::plus));
      if (done == null) {
        for (Pending p = next.pending; p != null; p = p.tail) {
          todo.push(p.head);
        }
      }
    }
  }

  /**
   * Serialized as its folded totals: the pending statements never travel.
   *
   * @return the statement to serialize in this one's place
   */
  private Object writeReplace() {
    return pending == null ? this : new CreditStatement(new HashMap<>(entries()), null, 0, rejected);
  }

  /**
   * A deserialized statement is folded: its totals are its base.
   *
   * @return the statement to use in place of the one read
   */
  private Object readResolve() {
    return new CreditStatement(base, null, 0, rejected);
  }

  /** Every total of the statement, folded once on first request. */
  private Map<Key, Totals> entries() {
    Map<Key, Totals> f = folded;
    if (f == null) {
      Map<Key, Totals> all = new HashMap<>(base);
      ENTRIES_FOLDED.addAndGet(all.size());
      for (Pending p = pending; p != null; p = p.tail) {
        foldInto(all, p.head);
      }
      f = Collections.unmodifiableMap(all);
      folded = f;
    }
    return f;
  }

  /** {@return a collector of line results into a statement; usable with parallel streams} */
  public static Collector<LineResult, ?, CreditStatement> collector() {
    return Collector.of(Accumulator::new, Accumulator::add, Accumulator::merge, Accumulator::toStatement,
        Collector.Characteristics.UNORDERED);
  }

  /** {@return the pairs of currencies of the lines, in order} */
  public SortedSet<Currencies> currencies() {
    SortedSet<Currencies> out = new TreeSet<>();
    for (Key k : entries().keySet()) {
      if (k.dimension == ALL) {
        out.add(k.currencies);
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** {@return totals of every evaluated line per pair of currencies, in currency order} */
  public SortedMap<Currencies, Totals> byCurrency() {
    SortedMap<Currencies, Totals> out = new TreeMap<>();
    entries().forEach((k, v) -> {
      if (k.dimension == ALL) {
        out.put(k.currencies, v);
      }
    });
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * {@return the statement of the lines in {@code currencies} (no rejected record: a rejected record has no currency)}
   *
   * @param currencies the pair of pricing and billing currencies
   */
  public CreditStatement inCurrency(Currencies currencies) {
    Objects.requireNonNull(currencies, "currencies");
    Map<Key, Totals> out = new HashMap<>();
    entries().forEach((k, v) -> {
      if (k.currencies.equals(currencies)) {
        out.put(k, v);
      }
    });
    return new CreditStatement(Collections.unmodifiableMap(out), null, 0, 0);
  }

  /** {@return the number of evaluated lines, every currency (rejected records excluded)} */
  public long lines() {
    long n = 0;
    for (Map.Entry<Key, Totals> e : entries().entrySet()) {
      if (e.getKey().dimension == ALL) {
        n += e.getValue().lines();
      }
    }
    return n;
  }

  /**
   * {@return totals of every evaluated line; {@link Totals#zero()} when there is none}
   *
   * @throws CurrencyMismatchException if the lines are in more than one pair of currencies
   */
  public Totals total() {
    return only(ALL);
  }

  /**
   * {@return totals of the lines whose product is eligible (no product exclusion); {@link Totals#zero()} when none is}
   *
   * @throws CurrencyMismatchException if the lines are in more than one pair of currencies
   */
  public Totals productEligible() {
    return only(PRODUCT_ELIGIBLE);
  }

  /**
   * {@return Σ credit / Σ list cost over product-eligible lines, scale 6, HALF_EVEN (display only)}
   *
   * @throws CurrencyMismatchException if the lines are in more than one pair of currencies
   */
  public BigDecimal effectiveRate() {
    return productEligible().effectiveRate();
  }

  /**
   * {@return totals per customer id, sorted}
   *
   * @throws CurrencyMismatchException if the lines are in more than one pair of currencies
   */
  public SortedMap<String, Totals> byCustomer() {
    return named(CUSTOMER);
  }

  /**
   * {@return totals per Azure subscription ({@code EntitlementId}), sorted}
   *
   * @throws CurrencyMismatchException if the lines are in more than one pair of currencies
   */
  public SortedMap<String, Totals> bySubscription() {
    return named(SUBSCRIPTION);
  }

  /**
   * {@return totals per reason code, in code order; the count of a reason is its {@link Totals#lines()}}
   *
   * @throws CurrencyMismatchException if the lines are in more than one pair of currencies
   */
  public SortedMap<Reason, Totals> byReason() {
    return named(REASON);
  }

  /**
   * {@return the number of lines of a reason, every currency; for {@link Reason#REJECTED}, the rejected records}
   *
   * @param reason the reason code
   */
  public long count(Reason reason) {
    if (reason == Reason.REJECTED) {
      return rejected;
    }
    long n = 0;
    for (Map.Entry<Key, Totals> e : entries().entrySet()) {
      if (e.getKey().dimension == REASON && e.getKey().name == reason) {
        n += e.getValue().lines();
      }
    }
    return n;
  }

  /** {@return the number of rejected records (counted, not summed)} */
  public long rejected() {
    return rejected;
  }

  /** The one pair of currencies of the lines, if any. */
  private Currencies onlyCurrencies() {
    Currencies found = null;
    for (Key k : entries().keySet()) {
      if (k.dimension == ALL) {
        if (found != null && !found.equals(k.currencies)) {
          Iterator<Currencies> two = currencies().iterator();
          throw new CurrencyMismatchException(two.next(), two.next());
        }
        found = k.currencies;
      }
    }
    return found;
  }

  private Totals only(int dimension) {
    Currencies c = onlyCurrencies();
    return c == null ? Totals.zero() : entries().getOrDefault(new Key(dimension, c, ""), Totals.zero());
  }

  @SuppressWarnings("unchecked")
  private <K> SortedMap<K, Totals> named(int dimension) {
    onlyCurrencies();
    SortedMap<K, Totals> out = new TreeMap<>();
    entries().forEach((k, v) -> {
      if (k.dimension == dimension) {
        out.put((K) k.name, v);
      }
    });
    return Collections.unmodifiableSortedMap(out);
  }

  /** Equal counts and equal totals (amounts by value) under equal keys. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CreditStatement s) || rejected != s.rejected) {
      return false;
    }
    Map<Key, Totals> a = entries();
    Map<Key, Totals> b = s.entries();
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<Key, Totals> e : a.entrySet()) {
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
    return Objects.hash(rejected, entries().keySet());
  }

  @Override
  public String toString() {
    return "CreditStatement{lines=" + lines() + ", currencies=" + currencies() + ", rejected=" + rejected + "}";
  }

  /**
   * The mutable accumulation behind {@link #collector()}; confined to one thread at a time. Lines are summed per
   * (currencies, customer, subscription, reason) cell, one map update per line, and rolled up into the
   * statement's totals at the end.
   */
  private static final class Accumulator {
    private Map<Key, Totals> totals = new HashMap<>();
    private final Map<Cell, Sums> cells = new HashMap<>();
    private long rejected;
    private Cell lastCell;
    private Sums lastSums;

    void add(LineResult r) {
      UsageLine l = r.line();
      Cell last = lastCell;
      if (last == null || last.reason != r.reason() || !last.customer.equals(l.customerId())
          || !last.subscription.equals(l.entitlementId()) || !last.currencies.billing().equals(l.billingCurrency())
          || !last.currencies.pricing().equals(l.pricingCurrency())) {
        // Lines of one customer and subscription tend to come together: look the cell up only when it changes.
        lastCell = new Cell(new Currencies(l.pricingCurrency(), l.billingCurrency()), l.customerId(),
            l.entitlementId(), r.reason());
        lastSums = cells.computeIfAbsent(lastCell, k -> new Sums());
      }
      lastSums.add(r.amounts());
    }

    Accumulator merge(Accumulator o) {
      o.rollUp();
      rollUp();
      Accumulator big = totals.size() >= o.totals.size() ? this : o;
      Accumulator small = big == this ? o : this;
      small.totals.forEach((k, v) -> big.totals.merge(k, v, Totals::plus));
      big.rejected = addCounts(big.rejected, small.rejected);
      return big;
    }

    /** Moves the cells' sums into the totals. */
    private void rollUp() {
      for (Map.Entry<Cell, Sums> e : cells.entrySet()) {
        Cell c = e.getKey();
        Totals t = e.getValue().toTotals(c.currencies);
        totals.merge(new Key(ALL, c.currencies, ""), t, Totals::plus);
        if (!c.reason.isProductExclusion()) {
          totals.merge(new Key(PRODUCT_ELIGIBLE, c.currencies, ""), t, Totals::plus);
        }
        totals.merge(new Key(CUSTOMER, c.currencies, c.customer), t, Totals::plus);
        totals.merge(new Key(SUBSCRIPTION, c.currencies, c.subscription), t, Totals::plus);
        totals.merge(new Key(REASON, c.currencies, c.reason), t, Totals::plus);
      }
      cells.clear();
      lastCell = null;
      lastSums = null;
    }

    CreditStatement toStatement() {
      rollUp();
      Map<Key, Totals> done = totals;
      totals = new HashMap<>();
      return done.isEmpty() && rejected == 0 ? EMPTY
          : new CreditStatement(Collections.unmodifiableMap(done), null, 0, rejected);
    }
  }

  /** The finest grouping of lines: every total of the statement is a roll-up of cells. */
  private record Cell(Currencies currencies, String customer, String subscription, Reason reason) {}

  /** Mutable exact sums of one cell. */
  private static final class Sums {
    private long lines;
    private final ExactSum listCost = new ExactSum();
    private final ExactSum pricingPreTaxTotal = new ExactSum();
    private final ExactSum credit = new ExactSum();
    private final ExactSum billingPreTaxTotal = new ExactSum();
    private final ExactSum billingCredit = new ExactSum();

    void add(LineAmounts a) {
      lines++;
      listCost.add(a.listCost());
      pricingPreTaxTotal.add(a.pricingPreTaxTotal());
      credit.add(a.credit());
      billingPreTaxTotal.add(a.billingPreTaxTotal());
      billingCredit.add(a.billingCredit());
    }

    Totals toTotals(Currencies currencies) {
      return new Totals(currencies, lines, listCost.value(), pricingPreTaxTotal.value(), credit.value(),
          billingPreTaxTotal.value(), billingCredit.value());
    }
  }

  /**
   * An exact running sum equal to {@code BigDecimal.ZERO.add(a).add(b)...}, value and scale (the largest scale
   * added): kept as a {@code long} of units of the largest scale seen while it fits, and moved into a
   * {@code BigDecimal} when it would not, so that adding the lines of a cell seldom does big-number arithmetic.
   */
  static final class ExactSum {
    private long units;
    private int scale;
    private BigDecimal spilled = BigDecimal.ZERO;

    void add(BigDecimal v) {
      int s = v.scale();
      if (s < 0 || s > 18 || v.precision() > 18) {
        spilled = spilled.add(v);
        return;
      }
      long u = v.scaleByPowerOfTen(s).longValueExact(); // the unscaled value, without a BigInteger
      if (s > scale) {
        long rescaled = rescale(units, s - scale);
        if (rescaled == OVERFLOW) {
          spill();
        } else {
          units = rescaled;
        }
        scale = s;
      } else if (s < scale) {
        u = rescale(u, scale - s);
        if (u == OVERFLOW) {
          spilled = spilled.add(v);
          return;
        }
      }
      long sum = units + u;
      if (((units ^ sum) & (u ^ sum)) < 0) {
        spill();
        units = u;
      } else {
        units = sum;
      }
    }

    private void spill() {
      spilled = spilled.add(BigDecimal.valueOf(units, scale));
      units = 0;
    }

    /** The sum, exact, at the largest scale added (0 when nothing was). */
    BigDecimal value() {
      BigDecimal inLong = BigDecimal.valueOf(units, scale);
      return spilled.signum() == 0 && spilled.scale() <= scale ? inLong : spilled.add(inLong);
    }

    private static final long OVERFLOW = Long.MIN_VALUE;
    private static final long[] TENS = new long[19];

    static {
      TENS[0] = 1;
      for (int i = 1; i < TENS.length; i++) {
        TENS[i] = TENS[i - 1] * 10;
      }
    }

    /** {@code u × 10^by}, or {@link #OVERFLOW} when that does not fit in a long. */
    private static long rescale(long u, int by) {
      if (u == 0) {
        return 0;
      }
      if (by >= TENS.length) {
        return OVERFLOW;
      }
      long m = TENS[by];
      long hi = Math.multiplyHigh(u, m);
      long lo = u * m;
      return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? (lo == OVERFLOW ? OVERFLOW : lo) : OVERFLOW;
    }
  }
}
