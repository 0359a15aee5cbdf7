package org.openpec.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.AccessGrant;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.pricing.PriceListConflictException.Kind;

class RepricingTest {

  static final String PRODUCT = "DZH318Z0BQ4L";
  static final String SKU = "0001";

  static PriceListEntry.Builder entry(String min, String max, String price) {
    PriceListEntry.Builder b = PriceListEntry.builder().productId(PRODUCT).skuId(SKU);
    if (min != null) {
      b.tierMin(new BigDecimal(min));
    }
    if (max != null) {
      b.tierMax(new BigDecimal(max));
    }
    return b.unitPrice(new BigDecimal(price));
  }

  /** The spec's worked example 10 for meter m1: 1–100 @ 1.00, 101–100000 @ 0.80, 100001+ @ 0.50. */
  static List<PriceListEntry> example10(String meter) {
    return List.of(entry("1", "100", "1.00").addMeterIds(meter).build(),
        entry("101", "100000", "0.80").addMeterIds(meter).build(),
        entry("100001", null, "0.50").addMeterIds(meter).build());
  }

  static UsageLine line(String day, String quantity) {
    return line("plan", "m1", day, "sub-a", "", quantity);
  }

  static UsageLine line(String plan, String meter, String day, String entitlement, String resource, String quantity) {
    return UsageLine.builder().customerId("C").billedPartnerId("P").subscriptionId(plan).entitlementId(entitlement)
        .usageDate(LocalDate.parse(day)).productId(PRODUCT).skuId(SKU).meterId(meter).resourceUri(resource)
        .quantity(new BigDecimal(quantity)).unitPrice(new BigDecimal("9.99")).pricingCurrency("USD")
        .billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE).build();
  }

  /** The list cost of every line, numbered 1.. in list order, through both passes. */
  static List<Optional<BigDecimal>> costs(Repricing repricing, List<UsageLine> lines) {
    Repricing.Plan plan = repricing.plan(lines);
    List<Optional<BigDecimal>> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      out.add(plan.listCost(i + 1, lines.get(i)));
    }
    return out;
  }

  static BigDecimal cost(Repricing repricing, List<UsageLine> lines, int recordNumber) {
    return costs(repricing, lines).get(recordNumber - 1).orElseThrow();
  }

  @Nested
  class GraduatedTiers {

    final Repricing repricing = Repricing.of(PriceList.of(example10("m1")));

    @Test
    void hundredAndOneUnitsInOneMonthCostHundredPointEighty() {
      assertThat(cost(repricing, List.of(line("2026-03-05", "101")), 1)).isEqualByComparingTo("100.80");
    }

    @Test
    void aDayStraddlesTiers() {
      List<UsageLine> lines = List.of(line("2026-03-01", "60"), line("2026-03-02", "60"));
      assertThat(cost(repricing, lines, 1)).isEqualByComparingTo("60");
      assertThat(cost(repricing, lines, 2)).isEqualByComparingTo("56.00");
    }

    @Test
    void linesAccumulateInDayOrderNotInputOrder() {
      List<UsageLine> lines = List.of(line("2026-03-02", "60"), line("2026-03-01", "60"));
      assertThat(cost(repricing, lines, 1)).isEqualByComparingTo("56.00");
      assertThat(cost(repricing, lines, 2)).isEqualByComparingTo("60");
    }

    @Test
    void negativeCorrectionsGiveBackTheUnitsTheyRemove() {
      List<UsageLine> lines = List.of(line("2026-03-01", "120"), line("2026-03-02", "-30"));
      assertThat(cost(repricing, lines, 1)).isEqualByComparingTo("116.00");
      assertThat(cost(repricing, lines, 2)).isEqualByComparingTo("-26.00");
    }

    @Test
    void aCorrectionFirstInTheMonthIsPricedAtTheFirstTier() {
      List<UsageLine> lines = List.of(line("2026-03-01", "-5"), line("2026-03-02", "106"));
      assertThat(cost(repricing, lines, 1)).isEqualByComparingTo("-5.00");
      assertThat(cost(repricing, lines, 2)).isEqualByComparingTo("105.80"); // F(101) − F(−5) = 100.80 + 5
    }

    @Test
    void fractionalQuantitiesAtTierBoundsSplitExactly() {
      List<UsageLine> lines = List.of(line("2026-03-01", "99.75"), line("2026-03-02", "0.5"),
          line("2026-03-03", "0.25"));
      assertThat(cost(repricing, lines, 1)).isEqualByComparingTo("99.75");
      assertThat(cost(repricing, lines, 2)).isEqualByComparingTo("0.45"); // 0.25 × 1.00 + 0.25 × 0.80
      assertThat(cost(repricing, lines, 3)).isEqualByComparingTo("0.20");
    }

    @Test
    void eachCalendarMonthStartsFromZero() {
      List<UsageLine> lines = List.of(line("2026-03-31", "100"), line("2026-04-01", "10"));
      assertThat(cost(repricing, lines, 2)).isEqualByComparingTo("10");
    }

    @Test
    void eachPlanAndMeterAccumulatesApart() {
      Repricing twoMeters = Repricing.of(PriceList.of(
          Stream.concat(example10("m1").stream(), example10("m2").stream()).toList()));
      List<UsageLine> lines = List.of(line("plan", "m1", "2026-03-01", "s", "", "100"),
          line("other-plan", "m1", "2026-03-01", "s", "", "10"),
          line("plan", "m2", "2026-03-01", "s", "", "10"),
          line("PLAN", "M1", "2026-03-02", "s", "", "10"));
      List<Optional<BigDecimal>> costs = costs(twoMeters, lines);
      assertThat(costs.get(1).orElseThrow()).isEqualByComparingTo("10");
      assertThat(costs.get(2).orElseThrow()).isEqualByComparingTo("10");
      assertThat(costs.get(3).orElseThrow()).as("ids compare ignoring case").isEqualByComparingTo("8.00");
    }

    @Test
    void withinADayEntitlementThenResourceIgnoringCaseThenRecordNumberDecide() {
      List<UsageLine> lines = List.of(
          line("plan", "m1", "2026-03-01", "sub-B", "", "100"),          // 4th: entitlement sub-B
          line("plan", "m1", "2026-03-01", "sub-a", "/r/Zeta", "100"),   // 3rd: resource zeta
          line("plan", "m1", "2026-03-01", "SUB-A", "/r/alpha", "100"),  // 2nd: resource alpha
          line("plan", "m1", "2026-03-01", "sub-a", "", "50"),           // 1st: empty resource first
          line("plan", "m1", "2026-03-01", "sub-A", " /R/ALPHA ", "1")); // after record 3 (same resource)
      List<Optional<BigDecimal>> costs = costs(repricing, lines);
      assertThat(costs.get(3).orElseThrow()).isEqualByComparingTo("50");          // 0 → 50
      assertThat(costs.get(2).orElseThrow()).isEqualByComparingTo("90.00");       // 50 → 150: 50 + 50 × 0.8
      assertThat(costs.get(4).orElseThrow()).isEqualByComparingTo("0.80");        // 150 → 151
      assertThat(costs.get(1).orElseThrow()).isEqualByComparingTo("80.00");       // 151 → 251
      assertThat(costs.get(0).orElseThrow()).isEqualByComparingTo("80.00");       // 251 → 351
    }

    @Test
    void everyReadableLineAccumulatesEvenWithoutAnEntryInForce() {
      LocalDate tenth = LocalDate.parse("2026-03-10");
      List<PriceListEntry> fromTheTenth = List.of(
          entry("1", "100", "1.00").addMeterIds("m1").effectiveStart(tenth).build(),
          entry("101", null, "0.80").addMeterIds("m1").effectiveStart(tenth).build());
      Repricing later = Repricing.of(PriceList.of(fromTheTenth));
      List<UsageLine> lines = List.of(line("2026-03-05", "100"), line("2026-03-12", "10"));
      List<Optional<BigDecimal>> costs = costs(later, lines);
      assertThat(costs.get(0)).as("no entry in force: keeps its own UnitPrice").isEmpty();
      assertThat(costs.get(1).orElseThrow()).isEqualByComparingTo("8.00");
    }

    @Test
    void anEntryChangeMidMonthKeepsTheCumulativeQuantity() {
      LocalDate fifteenth = LocalDate.parse("2026-03-15");
      List<PriceListEntry> entries = List.of(
          entry("1", "100", "1.00").addMeterIds("m1").effectiveEnd(fifteenth).build(),
          entry("101", null, "0.80").addMeterIds("m1").effectiveEnd(fifteenth).build(),
          entry("1", "100", "0.90").addMeterIds("m1").effectiveStart(fifteenth.plusDays(1)).build(),
          entry("101", null, "0.70").addMeterIds("m1").effectiveStart(fifteenth.plusDays(1)).build());
      Repricing changing = Repricing.of(PriceList.of(entries));
      List<UsageLine> lines = List.of(line("2026-03-10", "80"), line("2026-03-20", "40"));
      assertThat(cost(changing, lines, 1)).isEqualByComparingTo("80.00");
      assertThat(cost(changing, lines, 2)).isEqualByComparingTo("32.00"); // 20 × 0.90 + 20 × 0.70
    }

    @Test
    void aTieredLineUnknownToTheFirstPassIsAnError() {
      Repricing.Plan plan = repricing.plan(List.of(line("2026-03-01", "5")));
      assertThat(plan.tieredLines()).isEqualTo(1);
      assertThatIllegalArgumentException().isThrownBy(() -> plan.listCost(2, line("2026-03-01", "5")))
          .withMessageContaining("record 2");
    }

    @Test
    void recordNumbersMustBeUnique() {
      Repricing.Planner planner = repricing.planner().add(7, line("2026-03-01", "1")).add(7, line("2026-03-02", "1"));
      assertThatIllegalArgumentException().isThrownBy(planner::plan).withMessageContaining("record number 7");
    }

    @Test
    void aPlannerPlansOnce() {
      Repricing.Planner planner = repricing.planner().add(new NumberedLine(1, line("2026-03-01", "1")));
      planner.plan();
      assertThatIllegalStateException().isThrownBy(planner::plan);
      assertThatIllegalStateException().isThrownBy(() -> planner.add(2, line("2026-03-01", "1")));
    }

    @Test
    void theStreamPassTakesNumberedLinesInAnyOrder() {
      Repricing.Plan plan = repricing.plan(Stream.of(new NumberedLine(9, line("2026-03-02", "60")),
          new NumberedLine(4, line("2026-03-01", "60"))));
      assertThat(plan.listCost(new NumberedLine(9, line("2026-03-02", "60"))).orElseThrow())
          .isEqualByComparingTo("56.00");
    }
  }

  @Nested
  class UntieredAndUnpricedLines {

    @Test
    void aOneTierEntryIsPricedOnTheSpotAndNeedsNoMemory() {
      Repricing flat = Repricing.of(PriceList.of(List.of(entry(null, null, "0.50").build())));
      assertThat(flat.hasTiers()).isFalse();
      Repricing.Planner planner = flat.planner().add(1, line("2026-03-05", "24"));
      assertThat(planner.keptLines()).isZero();
      Repricing.Plan plan = planner.plan();
      assertThat(plan.listCost(1, line("2026-03-05", "24")).orElseThrow()).isEqualByComparingTo("12");
      assertThat(plan.listCost(99, line("2026-03-05", "-2")).orElseThrow()).isEqualByComparingTo("-1");
    }

    @Test
    void onlyLinesThatCanMeetTiersAreKept() {
      Repricing repricing = Repricing.of(PriceList.of(example10("m1")));
      Repricing.Planner planner = repricing.planner()
          .add(1, line("plan", "m1", "2026-03-01", "s", "", "1"))
          .add(2, line("plan", "m2", "2026-03-01", "s", "", "1"));
      assertThat(planner.keptLines()).isEqualTo(1);
    }

    @Test
    void aLineWithNoEntryInForceKeepsItsOwnPrice() {
      Repricing repricing = Repricing.of(PriceList.of(example10("m1")));
      assertThat(costs(repricing, List.of(line("plan", "other", "2026-03-01", "s", "", "3")))).containsExactly(
          Optional.empty());
    }

    @Test
    void aMeterSpecificEntryWinsOverOneWithoutMeters() {
      Repricing repricing = Repricing.of(PriceList.of(List.of(entry(null, null, "2.00").build(),
          entry(null, null, "0.50").addMeterIds("m1").effectiveEnd(LocalDate.parse("2026-03-10")).build())));
      assertThat(costs(repricing, List.of(line("2026-03-05", "2"), line("2026-03-11", "2"),
          line("plan", "m2", "2026-03-05", "s", "", "2"))))
          .extracting(Optional::orElseThrow)
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactly(new BigDecimal("1.00"), new BigDecimal("4.00"), new BigDecimal("4.00"));
    }

    @Test
    void aMeterlessTieredScheduleTiersEveryMeterOfItsSku() {
      Repricing repricing = Repricing.of(PriceList.of(List.of(entry("0", "10", "1").build(),
          entry("11", null, "0.5").build())));
      assertThat(cost(repricing, List.of(line("plan", "any", "2026-03-01", "s", "", "12")), 1))
          .isEqualByComparingTo("11.0");
    }
  }

  @Nested
  class Validation {

    @Test
    void twoEntriesWithTheSameKeyRangeAndDaysButDifferentPricesAreNamed() {
      PriceListEntry a = entry("1", "100", "1.00").addMeterIds("m1").effectiveStart(LocalDate.parse("2026-01-01"))
          .build();
      PriceListEntry b = entry("1", "100", "0.90").addMeterIds("m1", "m2")
          .effectiveStart(LocalDate.parse("2026-03-01")).effectiveEnd(LocalDate.parse("2026-03-31")).build();
      PriceListEntry rest = entry("101", null, "0.80").addMeterIds("m1", "m2").build();
      Map<PriceListEntry, String> rows = new IdentityHashMap<>(Map.of(a, "prices.csv:2", b, "prices.csv:7",
          rest, "prices.csv:9"));
      PriceListConflictException e = catchThrowableOfType(PriceListConflictException.class,
          () -> Repricing.of(PriceList.of(List.of(a, b, rest)), rows::get));
      assertThat(e.kind()).isEqualTo(Kind.DIFFERENT_PRICES);
      assertThat(e.entries()).containsExactly(a, b);
      assertThat(e).hasMessageContaining("prices.csv:2 and prices.csv:7")
          .hasMessageContaining("MeterId m1").hasMessageContaining("tier [1, 100]")
          .hasMessageContaining("2026-03-01..2026-03-31").hasMessageContaining("1.00 and 0.90");
    }

    @Test
    void theDefaultNamesDescribeTheEntries() {
      PriceListEntry a = entry(null, null, "1.00").build();
      PriceListEntry b = entry(null, null, "2.00").build();
      assertThatThrownBy(() -> Repricing.of(PriceList.of(List.of(a, b))))
          .isInstanceOf(PriceListConflictException.class)
          .hasMessageContaining("ProductId DZH318Z0BQ4L, SkuId 0001, MeterIds (none), days open..open, "
              + "UnitPrice 1.00 and ProductId DZH318Z0BQ4L");
    }

    @Test
    void aConflictIsAnErrorEvenWhenNoLineReachesIt() {
      List<PriceListEntry> entries = List.of(
          PriceListEntry.builder().productId("never-used").skuId(SKU).unitPrice(BigDecimal.ONE).build(),
          PriceListEntry.builder().productId("NEVER-USED").skuId(SKU).unitPrice(new BigDecimal("1.5")).build());
      assertThatThrownBy(() -> Repricing.of(PriceList.of(entries))).isInstanceOf(PriceListConflictException.class);
    }

    @Test
    void duplicatesWithEqualPricesAreAccepted() {
      List<PriceListEntry> entries = new ArrayList<>(example10("m1"));
      entries.add(entry("1", "100", "1.0").addMeterIds("M1").build());
      Repricing repricing = Repricing.of(PriceList.of(entries));
      assertThat(cost(repricing, List.of(line("2026-03-05", "101")), 1)).isEqualByComparingTo("100.80");
    }

    @Test
    void differentPricesOnDaysThatDoNotOverlapAreNoConflict() {
      Repricing repricing = Repricing.of(PriceList.of(List.of(
          entry(null, null, "1").effectiveEnd(LocalDate.parse("2026-03-15")).build(),
          entry(null, null, "2").effectiveStart(LocalDate.parse("2026-03-16")).build())));
      assertThat(costs(repricing, List.of(line("2026-03-15", "1"), line("2026-03-16", "1"))))
          .extracting(Optional::orElseThrow).usingElementComparator(BigDecimal::compareTo)
          .containsExactly(BigDecimal.ONE, new BigDecimal("2"));
    }

    @Test
    void aMeterSpecificAndAMeterlessEntryAreNoConflict() {
      Repricing.of(PriceList.of(List.of(entry(null, null, "1").build(), entry(null, null, "2").addMeterIds("m")
          .build())));
    }

    @Test
    void tiersWithAGapAreRejectedNamingBothEntries() {
      PriceListEntry low = entry("1", "100", "1").addMeterIds("m1").build();
      PriceListEntry high = entry("102", null, "0.8").addMeterIds("m1").build();
      PriceListConflictException e = catchThrowableOfType(PriceListConflictException.class,
          () -> Repricing.of(PriceList.of(List.of(low, high))));
      assertThat(e.kind()).isEqualTo(Kind.TIERS_DO_NOT_TILE);
      assertThat(e.entries()).containsExactly(high, low);
      assertThat(e).hasMessageContaining("MeterId m1").hasMessageContaining("leaves a gap");
    }

    @Test
    void tiersThatDoNotStartAtZeroOrOneAreRejected() {
      assertThatThrownBy(() -> Repricing.of(PriceList.of(List.of(entry("5", null, "1").build()))))
          .isInstanceOf(PriceListConflictException.class).hasMessageContaining("must start at 0 or 1");
    }

    @Test
    void aBoundedLastTierIsRejected() {
      assertThatThrownBy(() -> Repricing.of(PriceList.of(List.of(entry("1", "100", "1").build()))))
          .isInstanceOf(PriceListConflictException.class).hasMessageContaining("must be unbounded");
    }

    @Test
    void tilingIsCheckedForEveryDayOnWhichEntriesOverlap() {
      // The new first tier starts on the 16th but the old second tier ends on the 20th: on the 16th–20th the
      // tiers in force are [1, 50] @ 0.9 and [101, ∞) @ 0.8, which leave a gap; every other day tiles.
      List<PriceListEntry> entries = List.of(
          entry("1", "100", "1").effectiveEnd(LocalDate.parse("2026-03-15")).build(),
          entry("101", null, "0.8").effectiveEnd(LocalDate.parse("2026-03-20")).build(),
          entry("1", "50", "0.9").effectiveStart(LocalDate.parse("2026-03-16")).build(),
          entry("51", null, "0.7").effectiveStart(LocalDate.parse("2026-03-21")).build());
      assertThatThrownBy(() -> Repricing.of(PriceList.of(entries)))
          .isInstanceOf(PriceListConflictException.class)
          .hasMessageContaining("on days 2026-03-16..2026-03-20");
    }

    @Test
    void aTierWhoseMaxIsBelowItsMinIsRejected() {
      assertThatThrownBy(() -> Repricing.of(PriceList.of(List.of(entry("10", "5", "1").build()))))
          .isInstanceOf(PriceListConflictException.class).hasMessageContaining("cannot be a tier");
    }

    @Test
    void everyEntryNeedsAUnitPrice() {
      PriceListEntry priceless = PriceListEntry.builder().productId(PRODUCT).skuId(SKU).build();
      PriceListConflictException e = catchThrowableOfType(PriceListConflictException.class,
          () -> Repricing.of(PriceList.of(List.of(priceless))));
      assertThat(e.kind()).isEqualTo(Kind.MISSING_UNIT_PRICE);
      assertThat(e).hasMessageContaining("has no UnitPrice");
    }
  }

  @Nested
  class WithTheCalculator {

    @Test
    void aRepricedLineDisplaysItsUnitPricesAsDivisions() {
      AccessGrant owner = AccessGrant.builder().grantId("G1").partnerId("P").channel("AOBO").roleName("Owner")
          .scope(Scope.parse("/subscriptions/sub-a")).grantedAt(Instant.parse("2026-02-01T00:00:00Z")).build();
      PecCalculator pec = PecCalculator.builder().addGrants(owner).build();
      Repricing repricing = Repricing.of(PriceList.of(example10("m1")));
      UsageLine vm = line("2026-03-05", "101");
      BigDecimal listCost = repricing.plan(List.of(vm)).listCost(1, vm).orElseThrow();
      LineResult r = pec.evaluate(vm, listCost);
      assertThat(r.repriced()).isTrue();
      assertThat(r.amounts().listCost()).isEqualByComparingTo("100.80");
      assertThat(r.amounts().credit()).isEqualByComparingTo("15.12");
      assertThat(r.amounts().unitPrice()).isEqualTo(new BigDecimal("0.9980198019801980"));
      assertThat(r.amounts().billingPreTaxTotal()).isEqualByComparingTo("85.68");
    }
  }
}
