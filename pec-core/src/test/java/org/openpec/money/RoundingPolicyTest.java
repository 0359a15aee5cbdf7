package org.openpec.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RoundingPolicyTest {

  @Test
  void billedAmountsFloorToCents() {
    assertThat(RoundingPolicy.billed(new BigDecimal("0.019"))).isEqualTo(new BigDecimal("0.01"));
    assertThat(RoundingPolicy.billed(new BigDecimal("-0.001"))).isEqualTo(new BigDecimal("-0.01"));
    assertThat(RoundingPolicy.billed(new BigDecimal("10.2"))).isEqualTo(new BigDecimal("10.20"));
  }

  @Test
  void theDisplayedRateHasSixDecimalsHalfEven() {
    assertThat(RoundingPolicy.displayRate(new BigDecimal("1.8"), new BigDecimal("12")))
        .isEqualTo(new BigDecimal("0.150000"));
    assertThat(RoundingPolicy.displayRate(new BigDecimal("1"), new BigDecimal("3"))).isEqualTo(new BigDecimal("0.333333"));
    assertThat(RoundingPolicy.displayRate(new BigDecimal("0.0000005"), BigDecimal.ONE))
        .isEqualTo(new BigDecimal("0.000000"));
    assertThat(RoundingPolicy.displayRate(new BigDecimal("0.0000015"), BigDecimal.ONE))
        .isEqualTo(new BigDecimal("0.000002"));
    assertThat(RoundingPolicy.displayRate(BigDecimal.ONE, BigDecimal.ZERO)).isEqualByComparingTo("0");
  }

  @Test
  void displayedUnitPricesHaveSixteenDecimalsHalfEven() {
    assertThat(RoundingPolicy.displayUnitPrice(BigDecimal.ONE, new BigDecimal("3")))
        .isEqualTo(new BigDecimal("0.3333333333333333"));
    assertThat(RoundingPolicy.displayUnitPrice(new BigDecimal("2"), new BigDecimal("3")))
        .isEqualTo(new BigDecimal("0.6666666666666667"));
  }
}
