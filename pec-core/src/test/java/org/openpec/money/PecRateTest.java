package org.openpec.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PecRateTest {

  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  @Test
  void theStandardRateIsFifteenPercentOnEveryDate() {
    assertThat(PecRate.standard().rateOn(d("1970-01-01"))).isEqualByComparingTo("0.15");
    assertThat(PecRate.standard().rateOn(d("2026-03-05"))).isEqualByComparingTo("0.15");
    assertThat(PecRate.standard().rateOn(LocalDate.MAX)).isEqualByComparingTo("0.15");
  }

  @Test
  void aScheduleRowAppliesFromItsDayOnInclusive() {
    PecRate rates = PecRate.of(Map.of(d("2026-03-01"), new BigDecimal("0.15"), d("2026-04-01"),
        new BigDecimal("0.175")));
    assertThat(rates.rateOn(d("2026-03-01"))).isEqualByComparingTo("0.15");
    assertThat(rates.rateOn(d("2026-03-31"))).isEqualByComparingTo("0.15");
    assertThat(rates.rateOn(d("2026-04-01"))).isEqualByComparingTo("0.175");
    assertThat(rates.rateOn(d("2030-01-01"))).isEqualByComparingTo("0.175");
  }

  @Test
  void noRateIsInForceBeforeTheFirstRow() {
    PecRate rates = PecRate.of(Map.of(d("2026-03-01"), new BigDecimal("0.15")));
    assertThat(rates.rateOn(d("2026-02-28"))).isEqualByComparingTo("0");
    assertThat(PecRate.of(Map.of()).rateOn(d("2026-03-05"))).isEqualByComparingTo("0");
  }

  @Test
  void aRateIsAFractionBetweenZeroAndOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> PecRate.of(Map.of(d("2026-03-01"), new BigDecimal("15"))))
        .withMessageContaining("fraction");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PecRate.of(Map.of(d("2026-03-01"), new BigDecimal("-0.01"))));
    assertThat(PecRate.of(Map.of(d("2026-03-01"), BigDecimal.ONE)).rateOn(d("2026-03-01"))).isEqualByComparingTo("1");
    assertThat(PecRate.flat(BigDecimal.ZERO).rateOn(d("2026-03-01"))).isEqualByComparingTo("0");
  }

  @Test
  void percentagesConvertExactly() {
    assertThat(PecRate.toPercentage(new BigDecimal("0.15")).toPlainString()).isEqualTo("15");
    assertThat(PecRate.toPercentage(new BigDecimal("0.1750")).toPlainString()).isEqualTo("17.5");
    assertThat(PecRate.toPercentage(BigDecimal.ZERO).toPlainString()).isEqualTo("0");
    assertThat(PecRate.fromPercentage(new BigDecimal("17.5"))).isEqualByComparingTo("0.175");
    assertThat(PecRate.fromPercentage(new BigDecimal("15"))).isEqualByComparingTo(PecRate.STANDARD_RATE);
  }

  @Test
  void theScheduleIsReadOnly() {
    PecRate rates = PecRate.of(Map.of(d("2026-03-01"), new BigDecimal("0.15")));
    assertThat(rates.schedule()).containsOnlyKeys(d("2026-03-01"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rates.schedule().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
