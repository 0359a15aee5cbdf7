package org.openpec.internal.reconcile;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts and money of a set of reconciled lines, per kind: how many lines of each kind, and the sum of their
 * amounts at stake per billing currency.
 *
 * <p>A monoid: {@link #zero()} is the identity of {@link #plus}, which is associative and commutative. Amounts
 * at stake are exact sums, never converted between currencies; {@code REJECTED} lines are counted and carry
 * no money. {@link #equals} compares amounts by value. Immutable and thread-safe.
 */
public final class ReconciliationTotals {

  private static final ReconciliationTotals ZERO = new ReconciliationTotals(new long[ReconciliationKind.values().length],
      Map.of());

  private final long[] counts;
  private final Map<ReconciliationKind, Map<String, BigDecimal>> stakes;

  private ReconciliationTotals(long[] counts, Map<ReconciliationKind, Map<String, BigDecimal>> stakes) {
    this.counts = counts;
    this.stakes = stakes;
  }

  /** No line. */
  public static ReconciliationTotals zero() {
    return ZERO;
  }

  /** The totals of one reconciled line. */
  public static ReconciliationTotals of(ReconciledLine row) {
    long[] c = new long[ReconciliationKind.values().length];
    c[row.kind().ordinal()] = 1;
    Map<ReconciliationKind, Map<String, BigDecimal>> s = row.amountAtStake()
        .map(a -> Map.of(row.kind(), Map.of(row.billingCurrency(), a)))
        .orElse(Map.of());
    return new ReconciliationTotals(c, s);
  }

  /** The totals of the lines of both. */
  public ReconciliationTotals plus(ReconciliationTotals other) {
    Objects.requireNonNull(other, "other");
    if (other == ZERO) {
      return this;
    }
    if (this == ZERO) {
      return other;
    }
    long[] c = counts.clone();
    for (int i = 0; i < c.length; i++) {
      c[i] += other.counts[i];
    }
    Map<ReconciliationKind, Map<String, BigDecimal>> s = new EnumMap<>(ReconciliationKind.class);
    stakes.forEach((k, m) -> s.put(k, new TreeMap<>(m)));
    other.stakes.forEach((k, m) -> {
      Map<String, BigDecimal> into = s.computeIfAbsent(k, x -> new TreeMap<>());
      m.forEach((cur, a) -> into.merge(cur, a, BigDecimal::add));
    });
    s.replaceAll((k, m) -> Collections.unmodifiableMap(m));
    return new ReconciliationTotals(c, Collections.unmodifiableMap(s));
  }

  /** The number of lines. */
  public long lines() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /** The number of lines of {@code kind}. */
  public long count(ReconciliationKind kind) {
    return counts[kind.ordinal()];
  }

  /** The number of lines of every kind, in declaration order, zeros included. */
  public Map<ReconciliationKind, Long> counts() {
    EnumMap<ReconciliationKind, Long> m = new EnumMap<>(ReconciliationKind.class);
    for (ReconciliationKind k : ReconciliationKind.values()) {
      m.put(k, counts[k.ordinal()]);
    }
    return Collections.unmodifiableMap(m);
  }

  /** Σ amount at stake of the lines of {@code kind}, per billing currency (sorted); empty when none. */
  public SortedMap<String, BigDecimal> amountAtStake(ReconciliationKind kind) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(stakes.getOrDefault(kind, Map.of())));
  }

  /** Σ amount at stake of every line, per billing currency (sorted). */
  public SortedMap<String, BigDecimal> amountAtStake() {
    TreeMap<String, BigDecimal> all = new TreeMap<>();
    stakes.values().forEach(m -> m.forEach((cur, a) -> all.merge(cur, a, BigDecimal::add)));
    return Collections.unmodifiableSortedMap(all);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ReconciliationTotals t) || !java.util.Arrays.equals(counts, t.counts)) {
      return false;
    }
    for (ReconciliationKind k : ReconciliationKind.values()) {
      if (!sameByValue(amountAtStake(k), t.amountAtStake(k))) {
        return false;
      }
    }
    return true;
  }

  static boolean sameByValue(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, BigDecimal> e : a.entrySet()) {
      if (e.getValue().compareTo(b.get(e.getKey())) != 0) {
        return false;
      }
    }
    return true;
  }

  /** Consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ReconciliationTotals{");
    for (ReconciliationKind k : ReconciliationKind.values()) {
      if (counts[k.ordinal()] > 0) {
        sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ").append(k).append('=').append(counts[k.ordinal()]);
        stakes.getOrDefault(k, Map.of()).forEach((cur, a) -> sb.append(' ').append(a.toPlainString()).append(' ')
            .append(cur));
      }
    }
    return sb.append('}').toString();
  }
}
