package org.openpec.internal.reconcile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * The summary of a reconciliation: counts and amounts at stake per kind, overall and per customer, and the
 * lines a partner should raise with Microsoft.
 *
 * <p><b>Lines to raise</b> ({@link #isToRaise}): every {@code CREDIT_MISSING} line (openpec finds the credit was
 * earned; the claim is the credit itself, whatever the money of that one line), and every
 * {@code RATE_MISMATCH}, {@code PRICE_MISMATCH} or {@code TOTAL_MISMATCH} line on which the partner was
 * over-billed ({@code AmountAtStake > 0}). {@code CREDIT_UNEXPECTED} lines are never raised: they favour the
 * partner and usually mean openpec's access data is incomplete. {@code MATCH} and {@code REJECTED} lines have
 * nothing to raise. The claims are kept in {@link Claim#ORDER} (record number first).
 *
 * <p>A monoid: {@link #empty()} is the identity, {@link #merge} is associative and commutative, {@link #add} is
 * {@code merge} with the summary of one line; so the summary does not depend on line order or partitioning and
 * {@link #collector()} serves parallel streams. Memory is proportional to the number of customers and of
 * claims. Amounts compare by value in {@link #equals}. Immutable and thread-safe.
 */
public final class ReconciliationSummary {

  private static final ReconciliationSummary EMPTY = new ReconciliationSummary(ReconciliationTotals.zero(), Map.of(),
      List.of());

  private final ReconciliationTotals total;
  private final Map<String, ReconciliationTotals> byCustomer;
  private final List<Claim> claims;

  private ReconciliationSummary(ReconciliationTotals total, Map<String, ReconciliationTotals> byCustomer,
      List<Claim> claims) {
    this.total = total;
    this.byCustomer = byCustomer;
    this.claims = claims;
  }

  /** The summary of no line. */
  public static ReconciliationSummary empty() {
    return EMPTY;
  }

  /** The summary of one reconciled line. */
  public static ReconciliationSummary of(ReconciledLine row) {
    Accumulator a = new Accumulator();
    a.add(row);
    return a.toSummary();
  }

  /**
   * Whether a partner should raise {@code row} with Microsoft: {@code CREDIT_MISSING}, or a rate, price or total
   * mismatch with {@code AmountAtStake > 0}.
   */
  public static boolean isToRaise(ReconciledLine row) {
    return switch (row.kind()) {
      case CREDIT_MISSING -> true;
      case RATE_MISMATCH, PRICE_MISMATCH, TOTAL_MISMATCH -> row.amountAtStake().orElseThrow().signum() > 0;
      case MATCH, CREDIT_UNEXPECTED, REJECTED -> false;
    };
  }

  /** This summary with one more line. */
  public ReconciliationSummary add(ReconciledLine row) {
    return merge(of(row));
  }

  /** The summary of the lines of both. */
  public ReconciliationSummary merge(ReconciliationSummary other) {
    Objects.requireNonNull(other, "other");
    if (other == EMPTY) {
      return this;
    }
    if (this == EMPTY) {
      return other;
    }
    Accumulator a = new Accumulator(this);
    a.merge(new Accumulator(other));
    return a.toSummary();
  }

  /** A collector of reconciled lines into a summary; usable with parallel streams. */
  public static Collector<ReconciledLine, ?, ReconciliationSummary> collector() {
    return Collector.of(Accumulator::new, Accumulator::add, (x, y) -> {
      x.merge(y);
      return x;
    }, Accumulator::toSummary, Collector.Characteristics.UNORDERED);
  }

  /** Counts and amounts at stake per kind over every line. */
  public ReconciliationTotals total() {
    return total;
  }

  /** The number of lines reconciled (rejected included). */
  public long lines() {
    return total.lines();
  }

  /** The number of lines of {@code kind}. */
  public long count(ReconciliationKind kind) {
    return total.count(kind);
  }

  /** Counts and amounts at stake per kind, per customer id (sorted); unreadable records under their raw id. */
  public SortedMap<String, ReconciliationTotals> byCustomer() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(byCustomer));
  }

  /** The lines to raise with Microsoft, in {@link Claim#ORDER}. */
  public List<Claim> toRaise() {
    return claims;
  }

  /** Σ amount at stake of the lines to raise, per billing currency (sorted). */
  public SortedMap<String, BigDecimal> amountToRaise() {
    TreeMap<String, BigDecimal> m = new TreeMap<>();
    for (Claim c : claims) {
      m.merge(c.billingCurrency(), c.amountAtStake(), BigDecimal::add);
    }
    return Collections.unmodifiableSortedMap(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReconciliationSummary s && total.equals(s.total) && byCustomer.equals(s.byCustomer)
        && sameClaims(claims, s.claims);
  }

  private static boolean sameClaims(List<Claim> a, List<Claim> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Claim x = a.get(i);
      Claim y = b.get(i);
      if (Claim.ORDER.compare(x, y) != 0 || x.amountAtStake().compareTo(y.amountAtStake()) != 0
          || !x.billingCurrency().equals(y.billingCurrency())) {
        return false;
      }
    }
    return true;
  }

  /** Consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return Objects.hash(total, byCustomer.keySet(), claims.size());
  }

  @Override
  public String toString() {
    return "ReconciliationSummary{" + total + ", customers=" + byCustomer.size() + ", toRaise=" + claims.size() + "}";
  }

  /** The mutable accumulation behind {@link #collector()}; confined to one thread at a time. */
  private static final class Accumulator {
    private ReconciliationTotals total = ReconciliationTotals.zero();
    private final Map<String, ReconciliationTotals> byCustomer = new HashMap<>();
    private final List<Claim> claims = new ArrayList<>();

    Accumulator() {}

    Accumulator(ReconciliationSummary s) {
      total = s.total;
      byCustomer.putAll(s.byCustomer);
      claims.addAll(s.claims);
    }

    void add(ReconciledLine row) {
      ReconciliationTotals t = ReconciliationTotals.of(row);
      total = total.plus(t);
      byCustomer.merge(row.customerId(), t, ReconciliationTotals::plus);
      if (isToRaise(row)) {
        claims.add(Claim.from(row));
      }
    }

    void merge(Accumulator o) {
      total = total.plus(o.total);
      o.byCustomer.forEach((k, v) -> byCustomer.merge(k, v, ReconciliationTotals::plus));
      claims.addAll(o.claims);
    }

    ReconciliationSummary toSummary() {
      List<Claim> sorted = new ArrayList<>(claims);
      sorted.sort(Claim.ORDER);
      return new ReconciliationSummary(total, Map.copyOf(byCustomer), List.copyOf(sorted));
    }
  }
}
