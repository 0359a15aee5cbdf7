package org.openpec.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LineAmountsTest {

  private static BigDecimal n(String s) {
    return new BigDecimal(s);
  }

  private static final BigDecimal RATE = n("0.15");

  @Test
  void workedExampleOneWholeMonthOwner() {
    LineAmounts a = LineAmounts.of(n("0.50"), n("24"), BigDecimal.ONE, RATE);
    assertThat(a.rate()).isEqualByComparingTo("0.15");
    assertThat(a.unitPrice()).isEqualByComparingTo("0.50");
    assertThat(a.effectiveUnitPrice()).isEqualByComparingTo("0.425");
    assertThat(a.listCost()).isEqualByComparingTo("12");
    assertThat(a.pricingPreTaxTotal()).isEqualByComparingTo("10.2");
    assertThat(a.credit()).isEqualByComparingTo("1.8");
    assertThat(a.billingPreTaxTotal()).isEqualByComparingTo("10.20");
    assertThat(a.billingCredit()).isEqualByComparingTo("1.80");
    assertThat(a.billingPreTaxTotal().scale()).isEqualTo(2);
  }

  @Test
  void workedExampleNineFxAndFloor() {
    BigDecimal unitPrice = n("0.0209951014286867");
    BigDecimal quantity = n("23.350007");
    BigDecimal fx = n("0.846202666");
    LineAmounts a = LineAmounts.of(unitPrice, quantity, fx, RATE);
    assertThat(a.effectiveUnitPrice()).isEqualByComparingTo("0.017845836214383695");
    assertThat(a.effectiveUnitPrice().multiply(quantity).multiply(fx).toPlainString()).startsWith("0.35261298");
    assertThat(a.billingPreTaxTotal()).isEqualByComparingTo("0.35");
    assertThat(unitPrice.multiply(quantity).multiply(fx).toPlainString()).startsWith("0.41483881");
    assertThat(a.billingCredit()).isEqualByComparingTo("0.06");
    // Exact in the pricing currency: nothing rounded.
    assertThat(a.listCost()).isEqualByComparingTo(unitPrice.multiply(quantity));
    assertThat(a.credit()).isEqualByComparingTo(unitPrice.multiply(quantity).multiply(RATE));
  }

  @Nested
  class NegativeQuantities {
    @Test
    void followTheSameFormulasAndFloorTowardsNegativeInfinity() {
      LineAmounts a = LineAmounts.of(n("0.50"), n("-3"), BigDecimal.ONE, RATE);
      assertThat(a.listCost()).isEqualByComparingTo("-1.50");
      assertThat(a.pricingPreTaxTotal()).isEqualByComparingTo("-1.275");
      assertThat(a.credit()).isEqualByComparingTo("-0.225");
      assertThat(a.billingPreTaxTotal()).isEqualByComparingTo("-1.28");
      assertThat(a.billingCredit()).isEqualByComparingTo("-0.22");
    }

    @Test
    void floorInTheBillingCurrencyToo() {
      LineAmounts a = LineAmounts.of(n("0.50"), n("-3"), n("0.846202666"), RATE);
      // -1.275 × 0.846202666 = -1.07890839915, -1.5 × 0.846202666 = -1.269303999
      assertThat(a.billingPreTaxTotal()).isEqualByComparingTo("-1.08");
      assertThat(a.billingCredit()).isEqualByComparingTo("-0.19");
    }

    @Test
    void cancelAPositiveLine() {
      LineAmounts plus = LineAmounts.of(n("0.50"), n("3"), BigDecimal.ONE, RATE);
      LineAmounts minus = LineAmounts.of(n("0.50"), n("-3"), BigDecimal.ONE, RATE);
      assertThat(plus.credit().add(minus.credit())).isEqualByComparingTo("0");
      assertThat(plus.listCost().add(minus.listCost())).isEqualByComparingTo("0");
    }
  }

  @Test
  void aLineThatDoesNotQualifyPaysTheListPrice() {
    LineAmounts a = LineAmounts.of(n("0.50"), n("24"), n("0.846202666"), BigDecimal.ZERO);
    assertThat(a.effectiveUnitPrice()).isEqualByComparingTo("0.50");
    assertThat(a.pricingPreTaxTotal()).isEqualByComparingTo("12");
    assertThat(a.credit()).isEqualByComparingTo("0");
    assertThat(a.billingPreTaxTotal()).isEqualByComparingTo("10.15"); // 10.154431992
    assertThat(a.billingCredit()).isEqualByComparingTo("0");
  }

  @Test
  void aZeroQuantityCostsNothing() {
    LineAmounts a = LineAmounts.of(n("0.50"), BigDecimal.ZERO, BigDecimal.ONE, RATE);
    assertThat(a.listCost()).isEqualByComparingTo("0");
    assertThat(a.credit()).isEqualByComparingTo("0");
    assertThat(a.billingCredit()).isEqualByComparingTo("0");
    assertThat(a.effectiveUnitPrice()).isEqualByComparingTo("0.425");
  }

  @Test
  void creditAtGivesTheCreditAtAnotherRate() {
    LineAmounts a = LineAmounts.of(n("0.50"), n("24"), BigDecimal.ONE, BigDecimal.ZERO);
    assertThat(a.creditAt(RATE)).isEqualByComparingTo("1.8");
  }

  @Nested
  class Repriced {
    @Test
    void startFromTheListCost() {
      LineAmounts a = LineAmounts.ofListCost(n("100.80"), n("101"), BigDecimal.ONE, RATE);
      assertThat(a.listCost()).isEqualByComparingTo("100.80");
      assertThat(a.pricingPreTaxTotal()).isEqualByComparingTo("85.68");
      assertThat(a.credit()).isEqualByComparingTo("15.12");
      assertThat(a.billingPreTaxTotal()).isEqualByComparingTo("85.68");
      assertThat(a.billingCredit()).isEqualByComparingTo("15.12");
    }

    @Test
    void showUnitPricesAsDivisionsAtScaleSixteenHalfEven() {
      LineAmounts a = LineAmounts.ofListCost(n("100.80"), n("101"), BigDecimal.ONE, RATE);
      assertThat(a.unitPrice()).isEqualTo(n("0.9980198019801980"));
      assertThat(a.effectiveUnitPrice()).isEqualTo(n("0.8483168316831683"));
    }

    @Test
    void withoutQuantityShowNoUnitPrice() {
      LineAmounts a = LineAmounts.ofListCost(n("0"), BigDecimal.ZERO, BigDecimal.ONE, RATE);
      assertThat(a.unitPrice()).isNull();
      assertThat(a.effectiveUnitPrice()).isNull();
      assertThat(a.credit()).isEqualByComparingTo("0");
    }
  }
}
