package org.openpec.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.pricing.PriceSchedule.Tier;

class PriceScheduleTest {

  /** The spec's worked example 10. */
  static final PriceSchedule EXAMPLE_10 = PriceSchedule.of(List.of(
      Tier.of("1", "100", "1.00"), Tier.of("101", "100000", "0.80"), Tier.of("100001", null, "0.50")));

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Nested
  class GraduatedCost {

    @Test
    void hundredAndOneUnitsCostHundredPointEighty() {
      assertThat(EXAMPLE_10.graduatedCost(d("101"))).isEqualByComparingTo("100.80");
    }

    @Test
    void zeroCostsNothing() {
      assertThat(EXAMPLE_10.graduatedCost(BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void eachTierPricesOnlyItsOwnRange() {
      assertThat(EXAMPLE_10.graduatedCost(d("100"))).isEqualByComparingTo("100");
      assertThat(EXAMPLE_10.graduatedCost(d("100000"))).isEqualByComparingTo("80020.00");
      assertThat(EXAMPLE_10.graduatedCost(d("100002"))).isEqualByComparingTo("80021.00");
    }

    @Test
    void fractionalQuantitiesFallBetweenTiers() {
      // (100, 101] belongs to the tier [101, 100000]: 100.5 = 100 × 1.00 + 0.5 × 0.80
      assertThat(EXAMPLE_10.graduatedCost(d("100.5"))).isEqualByComparingTo("100.40");
      assertThat(EXAMPLE_10.graduatedCost(d("0.25"))).isEqualByComparingTo("0.25");
      assertThat(EXAMPLE_10.graduatedCost(d("100000.5"))).isEqualByComparingTo("80020.25");
    }

    @Test
    void negativeCumulativeQuantityIsPricedAtTheFirstTier() {
      assertThat(EXAMPLE_10.graduatedCost(d("-3"))).isEqualByComparingTo("-3.00");
    }

    @Test
    void lowestMinZeroTilesLikeLowestMinOne() {
      PriceSchedule fromZero = PriceSchedule.of(List.of(Tier.of("0", "100", "1.00"), Tier.of("101", null, "0.80")));
      PriceSchedule fromOne = PriceSchedule.of(List.of(Tier.of("1", "100", "1.00"), Tier.of("101", null, "0.80")));
      for (String q : List.of("0", "0.5", "1", "99.9", "100", "100.1", "101", "250")) {
        assertThat(fromZero.graduatedCost(d(q))).as(q).isEqualByComparingTo(fromOne.graduatedCost(d(q)));
      }
      assertThat(fromZero.graduatedCost(d("101"))).isEqualByComparingTo("100.80");
    }
  }

  @Nested
  class ListCostOfALine {

    @Test
    void isTheDifferenceOfGraduatedCosts() {
      assertThat(EXAMPLE_10.listCost(d("60"), d("60"))).isEqualByComparingTo("56.00"); // 40 × 1.00 + 20 × 0.80
    }

    @Test
    void aCorrectionGivesBackTheUnitsItRemoves() {
      // from 120 down to 90: 20 units at 0.80 and 10 at 1.00
      assertThat(EXAMPLE_10.listCost(d("120"), d("-30"))).isEqualByComparingTo("-26.00");
    }

    @Test
    void aCorrectionBelowZeroUsesTheFirstTier() {
      assertThat(EXAMPLE_10.listCost(d("2"), d("-5"))).isEqualByComparingTo("-5.00");
    }

    @Test
    void anUntieredScheduleIgnoresWhatCameBefore() {
      PriceSchedule flat = PriceSchedule.flat(d("0.50"));
      assertThat(flat.isTiered()).isFalse();
      assertThat(flat.listCost(d("1000"), d("24"))).isEqualByComparingTo("12");
      assertThat(flat.listCost(d("-7"), d("-2"))).isEqualByComparingTo("-1");
    }
  }

  @Nested
  class Tiling {

    @Test
    void tiersMayBeGivenInAnyOrder() {
      PriceSchedule s = PriceSchedule.of(List.of(Tier.of("101", null, "0.80"), Tier.of("1", "100", "1.00")));
      assertThat(s.tiers()).extracting(Tier::min).containsExactly(d("1"), d("101"));
      assertThat(s.isTiered()).isTrue();
    }

    @Test
    void theLowestMinMustBeZeroOrOne() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PriceSchedule.of(List.of(Tier.of("2", "100", "1"), Tier.of("101", null, "0.8"))))
          .withMessageContaining("lowest tier [2, 100] must start at 0 or 1");
    }

    @Test
    void aGapIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PriceSchedule.of(List.of(Tier.of("1", "100", "1"), Tier.of("102", null, "0.8"))))
          .withMessageContaining("tier [102, ∞) leaves a gap after tier [1, 100] (its min must be 101)");
    }

    @Test
    void anOverlapIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PriceSchedule.of(List.of(Tier.of("1", "100", "1"), Tier.of("100", null, "0.8"))))
          .withMessageContaining("overlaps");
    }

    @Test
    void onlyTheLastTierMayBeUnbounded() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PriceSchedule.of(List.of(Tier.of("1", null, "1"), Tier.of("1", "100", "0.8"))))
          .withMessageContaining("unbounded");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PriceSchedule.of(List.of(Tier.of("1", "100", "1"), Tier.of("101", "200", "0.8"))))
          .withMessageContaining("the last tier [101, 200] must be unbounded");
    }

    @Test
    void aTierCannotEndBelowItsStart() {
      assertThatIllegalArgumentException().isThrownBy(() -> Tier.of("10", "5", "1"))
          .withMessageContaining("max must not be below its min");
    }

    @Test
    void schedulesCompareByValue() {
      PriceSchedule a = PriceSchedule.of(List.of(Tier.of("1", "100", "1.0"), Tier.of("101", null, "0.80")));
      PriceSchedule b = PriceSchedule.of(List.of(Tier.of("1.00", "100", "1"), Tier.of("101", null, "0.8")));
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(EXAMPLE_10);
      assertThat(a).hasToString("[1, 100] @ 1.0, [101, ∞) @ 0.80");
    }
  }
}
