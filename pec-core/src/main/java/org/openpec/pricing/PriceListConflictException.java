package org.openpec.pricing;

import java.util.List;
import java.util.Objects;
import org.openpec.model.PriceListEntry;

/**
 * The price list cannot be used for repricing (rules §12): two entries a line could both select have different
 * prices, the tiers of a schedule do not tile from 0, or an entry has no unit price.
 *
 * <p>The whole input is unusable, whether or not a usage line reaches the entries at fault; the CLI reports
 * the message and exits with status 1. {@link #entries()} holds the entries at fault (one or two, as given to
 * {@link Repricing#of}), so that a caller can point at their rows. Not serialisable in any meaningful way.
 */
public final class PriceListConflictException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the price list. */
  public enum Kind {
    /** Two entries with the same product, SKU, meter (or both none), tier range and overlapping days differ in price. */
    DIFFERENT_PRICES,
    /** The tiers in force together for one meter on one day do not tile from 0. */
    TIERS_DO_NOT_TILE,
    /** An entry has no {@code UnitPrice}. */
    MISSING_UNIT_PRICE,
    /**
     * The entries in force for a usage line are in another {@code Currency} than the line's {@code
     * PricingCurrency}, or entries in force together name different currencies: repricing would mix currencies.
     */
    CURRENCY_MISMATCH
  }

  /** What is wrong with the entries. */
  private final Kind kind;
  private final transient List<PriceListEntry> entries;

  PriceListConflictException(Kind kind, List<PriceListEntry> entries, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.entries = List.copyOf(entries);
  }

  /** {@return what is wrong} */
  public Kind kind() {
    return kind;
  }

  /** {@return the entries at fault, in the order the message names them: one or two} */
  public List<PriceListEntry> entries() {
    return entries;
  }
}
