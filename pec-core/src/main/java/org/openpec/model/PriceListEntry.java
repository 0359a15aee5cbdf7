package org.openpec.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;
import org.openpec.internal.text.Words;
import org.openpec.value.PecStyle;

/**
 * One row of the Azure plan consumption price list (rules §6, §11): a product, SKU and optional meters, their
 * price (one graduated tier when tier bounds are given), and the days the row is in force.
 *
 * <p>Effective dates are inclusive UTC days; an absent bound is open. {@code meterIds} holds the meter ids of
 * the row, split on {@code ,} or {@code ;} and trimmed; an empty list matches every meter of the SKU.
 * Copies differ in one attribute through {@code withX(..)} (e.g. {@code withUnitPrice}), which re-checks the
 * invariants. Immutable and thread-safe.
 */
@Value.Immutable
@PecStyle
public abstract class PriceListEntry implements WithPriceListEntry {

  PriceListEntry() {}

  /** {@return a builder; {@code productId} and {@code skuId} are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PriceListEntry}; not thread-safe. */
  public static final class Builder extends ImmutablePriceListEntry.Builder {
    Builder() {}
  }

  /** {@return {@code ProductId}} */
  public abstract String productId();

  /** {@return {@code SkuId}} */
  public abstract String skuId();

  /** {@return {@code ProductTitle}; empty text when absent} */
  @Value.Default
  public String productTitle() {
    return "";
  }

  /** {@return {@code SkuTitle} (its word {@code Spot} marks a Spot VM); empty text when absent} */
  @Value.Default
  public String skuTitle() {
    return "";
  }

  /** {@return {@code Publisher}; empty text when absent} */
  @Value.Default
  public String publisher() {
    return "";
  }

  /** {@return {@code Currency}; empty text when absent} */
  @Value.Default
  public String currency() {
    return "";
  }

  /** {@return {@code UnitOfMeasure}; empty text when absent} */
  @Value.Default
  public String unitOfMeasure() {
    return "";
  }

  /** {@return {@code Tags}: {@code Third Party} or {@code Reservations} exclude the product; empty text when absent} */
  @Value.Default
  public String tags() {
    return "";
  }

  /** {@return the meter ids this row prices; empty means every meter of the SKU} */
  public abstract List<String> meterIds();

  /** {@return {@code UnitPrice} per unit in the price list's currency; empty when not given} */
  public abstract Optional<BigDecimal> unitPrice();

  /** {@return {@code PricingTierRangeMin}; empty when the row is not tiered} */
  public abstract Optional<BigDecimal> tierMin();

  /** {@return {@code PricingTierRangeMax}; empty for the last, unbounded tier} */
  public abstract Optional<BigDecimal> tierMax();

  /** {@return first day in force (inclusive); empty when open} */
  public abstract Optional<LocalDate> effectiveStart();

  /** {@return last day in force (inclusive); empty when open} */
  public abstract Optional<LocalDate> effectiveEnd();

  /**
   * {@return whether the row is in force on {@code day}}
   *
   * @param day the UTC usage day
   */
  public boolean isInForceOn(LocalDate day) {
    return effectiveStart().map(s -> !day.isBefore(s)).orElse(true)
        && effectiveEnd().map(e -> !day.isAfter(e)).orElse(true);
  }

  /**
   * {@return whether the row prices {@code meterId} (always, when it lists no meter); compared ignoring case}
   *
   * @param meterId the {@code MeterId}
   */
  public boolean pricesMeter(String meterId) {
    if (meterIds().isEmpty()) {
      return true;
    }
    for (String m : meterIds()) {
      if (m.equalsIgnoreCase(meterId.trim())) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@return whether {@code Tags} contains {@code tag}, ignoring case}
   *
   * @param tag the tag to look for, ignoring case
   */
  public boolean hasTag(String tag) {
    return tags().toLowerCase(Locale.ROOT).contains(tag.toLowerCase(Locale.ROOT));
  }

  /** {@return whether {@code Tags} contains {@code Third Party}, ignoring case (rules §6.2)} */
  @Value.Derived
  @Value.Auxiliary
  public boolean isThirdParty() {
    return hasTag("Third Party");
  }

  /** {@return whether {@code Tags} contains {@code Reservations}, ignoring case (rules §6.3)} */
  @Value.Derived
  @Value.Auxiliary
  public boolean isReservation() {
    return hasTag("Reservations");
  }

  /** {@return whether {@code SkuTitle} holds the whole word {@code Spot} (rules §6.5)} */
  @Value.Derived
  @Value.Auxiliary
  public boolean hasSpotTitle() {
    return Words.containsWord(skuTitle(), "spot");
  }

  /**
   * Splits a {@code MeterIds} cell on {@code ,} or {@code ;}, trimming and dropping empty parts.
   *
   * @param cell the cell as read
   * @return the meter ids, in order
   */
  public static List<String> splitMeterIds(String cell) {
    java.util.ArrayList<String> ids = new java.util.ArrayList<>();
    for (String part : cell.split("[,;]")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        ids.add(p);
      }
    }
    return List.copyOf(ids);
  }

  @Value.Check
  void check() {
    if (productId().isBlank() || skuId().isBlank()) {
      throw new IllegalArgumentException("productId and skuId must not be blank");
    }
    if (effectiveStart().isPresent() && effectiveEnd().isPresent()
        && effectiveEnd().get().isBefore(effectiveStart().get())) {
      throw new IllegalArgumentException("effectiveEnd must not be before effectiveStart, was "
          + effectiveEnd().get() + " < " + effectiveStart().get());
    }
  }
}
