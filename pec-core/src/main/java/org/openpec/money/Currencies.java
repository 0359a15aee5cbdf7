package org.openpec.money;

import java.util.Comparator;
import java.util.Objects;

/**
 * The pair of currencies of a line's money: the pricing currency of its list cost, cost after PEC and credit, and
 * the billing currency of its billed amounts. Amounts are added only within one pair. Ordered by billing, then
 * pricing currency.
 *
 * @param pricing the pricing currency code, e.g. {@code USD}; not blank
 * @param billing the billing currency code, e.g. {@code EUR}; not blank
 * @serial exclude
 */
public record Currencies(String pricing, String billing) implements Comparable<Currencies>, java.io.Serializable {

  private static final Comparator<Currencies> ORDER =
      Comparator.comparing(Currencies::billing).thenComparing(Currencies::pricing);

  /**
   * Validates the codes.
   *
   * @param pricing the pricing currency code, e.g. {@code USD}
   * @param billing the billing currency code, e.g. {@code EUR}
   */
  public Currencies {
    if (Objects.requireNonNull(pricing, "pricing").isBlank() || Objects.requireNonNull(billing, "billing").isBlank()) {
      throw new IllegalArgumentException("currency codes must not be blank: pricing '" + pricing + "', billing '"
          + billing + "'");
    }
  }

  @Override
  public int compareTo(Currencies o) {
    return ORDER.compare(this, o);
  }

  /** {@code EUR (priced in USD)}, or {@code USD} when both are the same. */
  @Override
  public String toString() {
    return pricing.equals(billing) ? billing : billing + " (priced in " + pricing + ")";
  }
}
