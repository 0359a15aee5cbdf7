package org.openpec.pricing;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpec.model.PriceListEntry;
import org.openpec.model.UsageLine;
import org.openpec.pricing.PriceSchedule.Tier;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators for repricing properties, with tiny domains so that edges collide: tier widths of 1–5 units, a
 * handful of ids that differ only in case, three days across a month boundary.
 */
final class PricingGenerators {

  static final String PRODUCT = "prod";
  static final String SKU = "0001";
  static final List<String> METERS = List.of("m1", "m2");

  private PricingGenerators() {}

  /** 1–4 tiers that tile from 0 (lowest min 0 or 1), widths 1–5, prices from a small set. */
  static Gen<List<Tier>> tiers() {
    Gen<String> price = Generate.pick(List.of("1.00", "0.80", "0.5", "0.25", "1.2", "0.333", "2"));
    Gen<List<Integer>> widths = lists().of(integers().between(1, 5)).ofSizeBetween(0, 3);
    Gen<List<String>> prices = lists().of(price).ofSize(4);
    return widths.zip(Generate.pick(List.of(0, 1)), prices, (w, lowest, p) -> {
      List<Tier> tiers = new ArrayList<>();
      int top = 0;
      String min = String.valueOf(lowest);
      for (int i = 0; i < w.size(); i++) {
        top += w.get(i);
        tiers.add(Tier.of(min, String.valueOf(top), p.get(i)));
        min = String.valueOf(top + 1);
      }
      tiers.add(Tier.of(min, null, p.get(w.size())));
      return List.copyOf(tiers);
    });
  }

  /** The price-list entries of {@code tiers} for one meter (shuffled, so entry order never matters). */
  static List<PriceListEntry> entriesOf(String meter, List<Tier> tiers) {
    List<PriceListEntry> entries = new ArrayList<>();
    for (Tier t : tiers) {
      PriceListEntry.Builder b = PriceListEntry.builder().productId(PRODUCT).skuId(SKU).addMeterIds(meter)
          .tierMin(t.min()).unitPrice(t.unitPrice());
      t.max().ifPresent(b::tierMax);
      entries.add(b.build());
    }
    java.util.Collections.reverse(entries);
    return entries;
  }

  /** Usage lines of the product with integer quantities −4..12. */
  static Gen<List<UsageLine>> integerLines() {
    return lines(integers().between(-4, 12).map(i -> String.valueOf(i)));
  }

  /** Usage lines of the product with fractional quantities, corrections and zeros. */
  static Gen<List<UsageLine>> fractionalLines() {
    return lines(Generate.pick(List.of("-1.5", "0", "0.25", "2", "3.75", "7", "-3", "10.125")));
  }

  static Gen<List<UsageLine>> lines(Gen<String> quantity) {
    Gen<String> plan = Generate.pick(List.of("p1", "P1", "p2"));
    Gen<String> meter = Generate.pick(List.of("m1", "M1", "m2"));
    Gen<String> day = Generate.pick(List.of("2026-03-30", "2026-03-31", "2026-04-01"));
    Gen<String> entitlement = Generate.pick(List.of("s1", "S1", "s2"));
    Gen<String> resource = Generate.pick(List.of("", "/r/a", "/R/A ", "/r/b"));
    Gen<String[]> where = plan.zip(meter, day, (p, m, d) -> new String[] {p, m, d});
    Gen<String[]> who = entitlement.zip(resource, quantity, (e, r, q) -> new String[] {e, r, q});
    Gen<UsageLine> line = where.zip(who, (a, b) -> line(a[0], a[1], a[2], b[0], b[1], b[2]));
    return lists().of(line).ofSizeBetween(1, 12);
  }

  static UsageLine line(String plan, String meter, String day, String entitlement, String resource, String qty) {
    return UsageLine.builder().customerId("C").billedPartnerId("P").subscriptionId(plan).entitlementId(entitlement)
        .usageDate(LocalDate.parse(day)).productId(PRODUCT).skuId(SKU).meterId(meter).resourceUri(resource)
        .quantity(new BigDecimal(qty)).unitPrice(new BigDecimal("9.99")).pricingCurrency("USD")
        .billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE).build();
  }

  /** The unit price of the unit that brings the cumulative quantity to {@code k} (first tier for k ≤ 0). */
  static BigDecimal unitPriceOf(List<Tier> tiers, long k) {
    BigDecimal units = BigDecimal.valueOf(k);
    for (Tier t : tiers) {
      Optional<BigDecimal> max = t.max();
      if (t.min().compareTo(units) <= 0 && (max.isEmpty() || units.compareTo(max.get()) <= 0)) {
        return t.unitPrice();
      }
    }
    return tiers.get(0).unitPrice(); // k ≤ 0
  }
}
