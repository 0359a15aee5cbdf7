package org.openpec.internal.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openpec.model.Scope;
import org.openpec.money.Currencies;
import org.openpec.money.CurrencyMismatchException;
import org.openpec.rules.Reason;

class LossTotalsTest {

  private static LossEpisode episode(String pricing, String billing, String listCost, String creditLost,
      String billingLost) {
    return new LossEpisode("C", "S", Scope.parse("/subscriptions/S"), Reason.NO_ACCESS, LocalDate.parse("2026-03-01"),
        LocalDate.parse("2026-03-02"), 2, new BigDecimal(listCost), new BigDecimal(creditLost), pricing, billing,
        new BigDecimal(billingLost), "event");
  }

  @Test
  void sumsInOnePricingCurrencyAcrossBillingCurrencies() {
    LossTotals t = LossTotals.of(episode("USD", "USD", "10", "1.5", "1.50"))
        .plus(LossTotals.of(episode("USD", "EUR", "20", "3.00", "2.61")));
    assertThat(t.episodes()).isEqualTo(2);
    assertThat(t.days()).isEqualTo(4);
    assertThat(t.lines()).isEqualTo(4);
    assertThat(t.listCost()).isEqualByComparingTo("30");
    assertThat(t.creditLost()).isEqualByComparingTo("4.50");
    assertThat(t.billingCreditLost()).containsOnlyKeys("EUR", "USD");
  }

  @Test
  void refusesASingleSumOverTwoPricingCurrenciesAndKeepsEachApart() {
    LossTotals t = LossTotals.of(episode("USD", "EUR", "10", "1.5", "1.30"))
        .plus(LossTotals.of(episode("EUR", "EUR", "20", "3", "3.00")));
    assertThatThrownBy(t::creditLost).isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("USD").hasMessageContaining("EUR");
    assertThatThrownBy(t::listCost).isInstanceOf(CurrencyMismatchException.class);
    assertThat(t.creditLostByCurrencies()).containsOnly(
        java.util.Map.entry(new Currencies("EUR", "EUR"), new BigDecimal("3")),
        java.util.Map.entry(new Currencies("USD", "EUR"), new BigDecimal("1.5")));
    assertThat(t.listCostByCurrencies().get(new Currencies("USD", "EUR"))).isEqualByComparingTo("10");
    assertThat(t.billingCreditLost()).containsOnly(java.util.Map.entry("EUR", new BigDecimal("4.30")));
  }

  @Test
  void zeroIsTheIdentityAndHasNoMoney() {
    LossTotals one = LossTotals.of(episode("USD", "USD", "10", "1.5", "1.50"));
    assertThat(LossTotals.zero().plus(one)).isEqualTo(one);
    assertThat(one.plus(LossTotals.zero())).isEqualTo(one);
    assertThat(LossTotals.zero().creditLost()).isZero();
    assertThat(LossTotals.zero().listCost()).isZero();
  }
}
