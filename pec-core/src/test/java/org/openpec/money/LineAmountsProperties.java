package org.openpec.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Qt.qt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.Generators;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The per-line formulas of rules §8, for any price, quantity (negative too), exchange rate and rate. */
class LineAmountsProperties {

  private static Gen<BigDecimal> rates() {
    return Generate.pick(List.of("0", "0.15", "0.175", "0.2", "1")).map(s -> new BigDecimal(s));
  }

  private static Gen<BigDecimal> fx() {
    return Generators.currencies().map(c -> c.perUsd());
  }

  @Test
  void listCostIsPricingPreTaxTotalPlusCredit() {
    qt().forAll(Generators.unitPrices(), Generators.quantities(), fx(), rates()).checkAssert((p, q, x, r) -> {
      LineAmounts a = LineAmounts.of(p, q, x, r);
      assertThat(a.pricingPreTaxTotal().add(a.credit())).isEqualByComparingTo(a.listCost());
      assertThat(a.listCost()).isEqualByComparingTo(p.multiply(q));
    });
  }

  @Test
  void creditIsExactlyListCostTimesRate() {
    qt().forAll(Generators.unitPrices(), Generators.quantities(), fx(), rates()).checkAssert((p, q, x, r) ->
        assertThat(LineAmounts.of(p, q, x, r).credit()).isEqualByComparingTo(p.multiply(q).multiply(r)));
  }

  @Test
  void billedAmountsAreTheFloorToCentsOfTheExactOnes() {
    qt().forAll(Generators.unitPrices(), Generators.quantities(), fx(), rates()).checkAssert((p, q, x, r) -> {
      LineAmounts a = LineAmounts.of(p, q, x, r);
      BigDecimal exact = a.pricingPreTaxTotal().multiply(x);
      assertThat(a.billingPreTaxTotal().scale()).isEqualTo(2);
      assertThat(a.billingPreTaxTotal()).isLessThanOrEqualTo(exact);
      assertThat(a.billingPreTaxTotal().add(new BigDecimal("0.01"))).isGreaterThan(exact);
      assertThat(a.billingCredit()).isEqualByComparingTo(
          p.multiply(q).multiply(x).setScale(2, RoundingMode.FLOOR).subtract(a.billingPreTaxTotal()));
    });
  }

  @Test
  void creditLiesBetweenZeroAndRateTimesCostForPositiveAmounts() {
    qt().forAll(Generators.positiveUnitPrices(), Generators.positiveQuantities(), fx(), rates())
        .checkAssert((p, q, x, r) -> {
          LineAmounts a = LineAmounts.of(p, q, x, r);
          assertThat(a.credit()).isBetween(BigDecimal.ZERO, r.multiply(p).multiply(q));
          assertThat(a.billingCredit()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
          // Two FLOORs differ by at most one cent from the exact credit in the billing currency.
          assertThat(a.billingCredit().subtract(a.credit().multiply(x)).abs()).isLessThan(new BigDecimal("0.01"));
        });
  }

  @Test
  void repricingAtTheLinesOwnListCostGivesTheSameMoney() {
    qt().forAll(Generators.unitPrices(), Generators.quantities(), fx(), rates()).checkAssert((p, q, x, r) -> {
      LineAmounts own = LineAmounts.of(p, q, x, r);
      LineAmounts repriced = LineAmounts.ofListCost(p.multiply(q), q, x, r);
      assertThat(repriced.listCost()).isEqualByComparingTo(own.listCost());
      assertThat(repriced.pricingPreTaxTotal()).isEqualByComparingTo(own.pricingPreTaxTotal());
      assertThat(repriced.credit()).isEqualByComparingTo(own.credit());
      assertThat(repriced.billingPreTaxTotal()).isEqualByComparingTo(own.billingPreTaxTotal());
      assertThat(repriced.billingCredit()).isEqualByComparingTo(own.billingCredit());
    });
  }

  @Test
  void aNegativeQuantityNegatesTheExactAmounts() {
    qt().forAll(Generators.unitPrices(), Generators.quantities(), fx(), rates()).checkAssert((p, q, x, r) -> {
      LineAmounts plus = LineAmounts.of(p, q, x, r);
      LineAmounts minus = LineAmounts.of(p, q.negate(), x, r);
      assertThat(minus.listCost()).isEqualByComparingTo(plus.listCost().negate());
      assertThat(minus.credit()).isEqualByComparingTo(plus.credit().negate());
      assertThat(minus.pricingPreTaxTotal()).isEqualByComparingTo(plus.pricingPreTaxTotal().negate());
    });
  }
}
