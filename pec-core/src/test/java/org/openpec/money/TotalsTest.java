package org.openpec.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TotalsTest {

  private static final Totals A = Totals.of(LineAmounts.of(new BigDecimal("0.50"), new BigDecimal("24"),
      BigDecimal.ONE, new BigDecimal("0.15")));
  private static final Totals B = Totals.of(LineAmounts.of(new BigDecimal("1"), new BigDecimal("-2"),
      BigDecimal.ONE, BigDecimal.ZERO));

  @Test
  void zeroIsTheIdentity() {
    assertThat(Totals.zero().plus(A)).isEqualTo(A);
    assertThat(A.plus(Totals.zero())).isEqualTo(A);
    assertThat(Totals.zero().lines()).isZero();
  }

  @Test
  void plusSumsExactlyAndCountsLines() {
    Totals t = A.plus(B);
    assertThat(t.lines()).isEqualTo(2);
    assertThat(t.listCost()).isEqualByComparingTo("10");
    assertThat(t.credit()).isEqualByComparingTo("1.8");
    assertThat(t.pricingPreTaxTotal()).isEqualByComparingTo("8.2");
    assertThat(t.billingPreTaxTotal()).isEqualByComparingTo("8.20");
    assertThat(t.billingCredit()).isEqualByComparingTo("1.80");
  }

  @Test
  void theEffectiveRateIsCreditOverListCostForDisplay() {
    assertThat(A.effectiveRate()).isEqualTo(new BigDecimal("0.150000"));
    assertThat(A.plus(B).effectiveRate()).isEqualTo(new BigDecimal("0.180000"));
    assertThat(Totals.zero().effectiveRate()).isEqualByComparingTo("0");
  }
}
