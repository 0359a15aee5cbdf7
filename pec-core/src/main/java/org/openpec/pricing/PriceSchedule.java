package org.openpec.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The graduated price of one meter on one day: tiers that tile the cumulative quantity from 0 upwards
 * (rules §8 and §12, repricing).
 *
 * <p>A tier {@code [min, max]} prices the cumulative quantity in {@code (min − 1, max]}; an empty max is
 * unbounded. The tiers tile from 0: the lowest min is 0 or 1, each next min is the previous max + 1, and only
 * the last max is empty. With {@code F(q)} the graduated cost of a cumulative quantity {@code q ≥ 0}, and
 * {@code F(q) = q × first-tier price} for {@code q < 0}, a line whose quantity {@code x} moves the cumulative
 * quantity from {@code q} to {@code q + x} costs {@code F(q + x) − F(q)}. Quantities are in the meter's units,
 * prices and costs in the price list's currency; all arithmetic is exact (add, subtract, multiply; nothing
 * rounds). Immutable and thread-safe.
 *
 * <pre>{@code
 * PriceSchedule s = PriceSchedule.of(List.of(
 *     PriceSchedule.Tier.of("1", "100", "1.00"),
 *     PriceSchedule.Tier.of("101", "100000", "0.80"),
 *     PriceSchedule.Tier.of("100001", null, "0.50")));
 * s.graduatedCost(new BigDecimal("101"));                      // 100.80
 * s.listCost(new BigDecimal("100"), new BigDecimal("1"));      // 0.80
 * }</pre>
 */
public final class PriceSchedule {

  private final List<Tier> tiers;

  private PriceSchedule(List<Tier> tiers) {
    this.tiers = tiers;
  }

  /**
   * One tier: the unit price of the cumulative quantity in {@code (min − 1, max]}.
   *
   * @param min the tier's {@code PricingTierRangeMin}, in units (0 when the price-list row gives none)
   * @param max the tier's {@code PricingTierRangeMax}, in units; empty for the unbounded last tier
   * @param unitPrice the price per unit within the tier
   */
  public record Tier(BigDecimal min, Optional<BigDecimal> max, BigDecimal unitPrice) {

    /**
     * Validates the tier.
     *
     * @param min the first unit of the tier
     * @param max the last unit of the tier; empty for an open-ended tier
     * @param unitPrice the price per unit, pricing currency
     * @throws IllegalArgumentException when {@code max} is below {@code min}
     */
    public Tier {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
      Objects.requireNonNull(unitPrice, "unitPrice");
      if (max.isPresent() && max.get().compareTo(min) < 0) {
        throw new IllegalArgumentException("tier max must not be below its min, was [" + min.toPlainString()
            + ", " + max.get().toPlainString() + "]");
      }
    }

    /**
     * {@return a tier from decimal text, for tests and small programs}
     *
     * @param min the lower bound
     * @param max the upper bound, or {@code null} for an unbounded tier
     * @param unitPrice the price per unit
     */
    public static Tier of(String min, String max, String unitPrice) {
      return new Tier(new BigDecimal(min), Optional.ofNullable(max).map(BigDecimal::new), new BigDecimal(unitPrice));
    }

    /** The exclusive lower end of the cumulative quantities this tier prices: {@code min − 1}. */
    BigDecimal exclusiveLower() {
      return min.subtract(BigDecimal.ONE);
    }

    /** The bounds as text, {@code [min, max]} or {@code [min, ∞)}. */
    String range() {
      return rangeText(min, max);
    }
  }

  /**
   * {@return a schedule of the given tiers, in any order (they are sorted by {@code min})}
   *
   * @param tiers the price tiers
   * @throws IllegalArgumentException when the tiers are empty or do not tile from 0 (the message says where)
   */
  public static PriceSchedule of(List<Tier> tiers) {
    Objects.requireNonNull(tiers, "tiers");
    List<Tier> sorted = sortedByMin(tiers);
    Optional<TilingFault> fault = tilingFault(sorted);
    if (fault.isPresent()) {
      throw new IllegalArgumentException("tiers do not tile from 0: " + fault.get().message());
    }
    return new PriceSchedule(List.copyOf(sorted));
  }

  /**
   * {@return a schedule of one unbounded tier: every unit costs {@code unitPrice}}
   *
   * @param unitPrice the price per unit, pricing currency
   */
  public static PriceSchedule flat(BigDecimal unitPrice) {
    return of(List.of(new Tier(BigDecimal.ZERO, Optional.empty(), unitPrice)));
  }

  /** {@return the tiers, sorted by {@code min}; never empty} */
  public List<Tier> tiers() {
    return tiers;
  }

  /** {@return whether the schedule has more than one tier (a line's cost then depends on the quantity before it)} */
  public boolean isTiered() {
    return tiers.size() > 1;
  }

  /**
   * {@return {@code F(q)}: the graduated cost of the cumulative quantity {@code q}, exact} For {@code q < 0} it is
   * {@code q × first-tier price}.
   *
   * @param cumulativeQuantity the cumulative quantity, in units
   */
  public BigDecimal graduatedCost(BigDecimal cumulativeQuantity) {
    Objects.requireNonNull(cumulativeQuantity, "cumulativeQuantity");
    BigDecimal q = cumulativeQuantity;
    if (q.signum() <= 0) {
      return q.multiply(tiers.get(0).unitPrice());
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Tier tier : tiers) {
      BigDecimal lower = tier.exclusiveLower().max(BigDecimal.ZERO);
      if (q.compareTo(lower) <= 0) {
        break;
      }
      BigDecimal top = tier.max().filter(m -> m.compareTo(q) < 0).orElse(q);
      total = total.add(tier.unitPrice().multiply(top.subtract(lower)));
    }
    return total;
  }

  /**
   * The list cost of a line whose {@code quantity} moves the cumulative quantity from {@code cumulativeBefore}
   * to {@code cumulativeBefore + quantity}: {@code F(q + x) − F(q)}, exact. A negative quantity (a correction)
   * gives back the cost of the units it removes. For an untiered schedule it is {@code unitPrice × quantity},
   * whatever came before.
   *
   * @param cumulativeBefore the cumulative quantity before the line, in units
   * @param quantity the line's quantity, in units
   * @return the exact list cost, pricing currency
   */
  public BigDecimal listCost(BigDecimal cumulativeBefore, BigDecimal quantity) {
    Objects.requireNonNull(cumulativeBefore, "cumulativeBefore");
    Objects.requireNonNull(quantity, "quantity");
    if (!isTiered()) {
      return tiers.get(0).unitPrice().multiply(quantity);
    }
    return graduatedCost(cumulativeBefore.add(quantity)).subtract(graduatedCost(cumulativeBefore));
  }

  /** Whether {@code o} is a schedule of the same tiers; bounds and prices compare by value (1.0 = 1). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PriceSchedule other) || other.tiers.size() != tiers.size()) {
      return false;
    }
    for (int i = 0; i < tiers.size(); i++) {
      Tier a = tiers.get(i);
      Tier b = other.tiers.get(i);
      if (a.min().compareTo(b.min()) != 0 || a.unitPrice().compareTo(b.unitPrice()) != 0
          || a.max().isPresent() != b.max().isPresent()
          || a.max().isPresent() && a.max().get().compareTo(b.max().get()) != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (Tier t : tiers) {
      h = 31 * h + t.min().stripTrailingZeros().hashCode();
      h = 31 * h + t.unitPrice().stripTrailingZeros().hashCode();
    }
    return h;
  }

  /** The tiers as text, e.g. {@code [1, 100] @ 1.00, [101, ∞) @ 0.80}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Tier t : tiers) {
      if (s.length() > 0) {
        s.append(", ");
      }
      s.append(t.range()).append(" @ ").append(t.unitPrice().toPlainString());
    }
    return s.toString();
  }

  /** Tier bounds as text, {@code [min, max]} or {@code [min, ∞)}. */
  static String rangeText(BigDecimal min, Optional<BigDecimal> max) {
    return "[" + min.toPlainString() + ", " + max.map(m -> m.toPlainString() + "]").orElse("∞)");
  }

  static List<Tier> sortedByMin(List<Tier> tiers) {
    List<Tier> sorted = new ArrayList<>(tiers);
    sorted.sort(Comparator.comparing(Tier::min));
    return sorted;
  }

  /**
   * Where tiers sorted by {@code min} fail to tile from 0: the index of the tier at fault, the index of the
   * neighbour it clashes with (or -1), and why.
   */
  record TilingFault(int index, int neighbour, String message) {}

  static Optional<TilingFault> tilingFault(List<Tier> sorted) {
    if (sorted.isEmpty()) {
      return Optional.of(new TilingFault(-1, -1, "there is no tier"));
    }
    Tier first = sorted.get(0);
    if (first.min().compareTo(BigDecimal.ZERO) != 0 && first.min().compareTo(BigDecimal.ONE) != 0) {
      return Optional.of(new TilingFault(0, -1,
          "the lowest tier " + first.range() + " must start at 0 or 1"));
    }
    for (int i = 1; i < sorted.size(); i++) {
      Tier previous = sorted.get(i - 1);
      Tier tier = sorted.get(i);
      if (previous.max().isEmpty()) {
        return Optional.of(new TilingFault(i - 1, i,
            "tier " + previous.range() + " is unbounded but tier " + tier.range() + " follows it"));
      }
      BigDecimal expected = previous.max().get().add(BigDecimal.ONE);
      if (tier.min().compareTo(expected) != 0) {
        String how = tier.min().compareTo(expected) < 0 ? "overlaps" : "leaves a gap after";
        return Optional.of(new TilingFault(i, i - 1, "tier " + tier.range() + " " + how + " tier "
            + previous.range() + " (its min must be " + expected.toPlainString() + ")"));
      }
    }
    Tier last = sorted.get(sorted.size() - 1);
    if (last.max().isPresent()) {
      return Optional.of(new TilingFault(sorted.size() - 1, -1,
          "the last tier " + last.range() + " must be unbounded (empty max)"));
    }
    return Optional.empty();
  }
}
