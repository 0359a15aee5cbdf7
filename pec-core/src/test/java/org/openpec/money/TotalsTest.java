package org.openpec.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TotalsTest {

  private static final Currencies USD = new Currencies("USD", "USD");
  private static final Totals A = Totals.of(USD, LineAmounts.of(new BigDecimal("0.50"), new BigDecimal("24"),
      BigDecimal.ONE, new BigDecimal("0.15")));
  private static final Totals B = Totals.of(USD, LineAmounts.of(new BigDecimal("1"), new BigDecimal("-2"),
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
  void totalsOfDifferentCurrenciesAreNeverAdded() {
    Totals eur = Totals.of(new Currencies("USD", "EUR"), LineAmounts.of(BigDecimal.ONE, BigDecimal.ONE,
        new BigDecimal("0.9"), BigDecimal.ZERO));
    assertThatExceptionOfType(CurrencyMismatchException.class).isThrownBy(() -> A.plus(eur))
        .withMessage("cannot add amounts in USD to amounts in EUR (priced in USD)");
    assertThat(Totals.zero().plus(eur).currencies()).contains(new Currencies("USD", "EUR"));
    assertThat(Totals.zero().currencies()).isEmpty();
  }

  @Test
  void brokenTotalsAreRefused() {
    BigDecimal one = BigDecimal.ONE;
    assertThatExceptionOfType(InvalidAmountException.class)
        .isThrownBy(() -> new Totals(USD, 1, new BigDecimal("10"), new BigDecimal("8"), one, one, one))
        .withMessageContaining("list cost 10");
    assertThatExceptionOfType(InvalidAmountException.class)
        .isThrownBy(() -> new Totals(USD, -1, one, one, BigDecimal.ZERO, one, one))
        .withMessageContaining("negative");
    Totals many = new Totals(USD, Long.MAX_VALUE, one, one, BigDecimal.ZERO, one, one);
    assertThatExceptionOfType(InvalidAmountException.class).isThrownBy(() -> many.plus(A))
        .withMessageContaining("overflows");
    assertThat(new Totals(USD, 2, new BigDecimal("10"), new BigDecimal("8.5"), new BigDecimal("1.50"), one, one)
        .lines()).isEqualTo(2);
  }

  @Test
  void theEffectiveRateIsCreditOverListCostForDisplay() {
    assertThat(A.effectiveRate()).isEqualTo(new BigDecimal("0.150000"));
    assertThat(A.plus(B).effectiveRate()).isEqualTo(new BigDecimal("0.180000"));
    assertThat(Totals.zero().effectiveRate()).isEqualByComparingTo("0");
  }
}
