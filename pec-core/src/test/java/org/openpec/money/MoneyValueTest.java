package org.openpec.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpec.internal.text.DecimalText;

/** The number grammar's edges, rates and totals as values. */
class MoneyValueTest {

  @Test
  void theNumberGrammarAcceptsExactlyItsForms() {
    for (String yes : new String[] {"5", "+5", "-5", "5.", ".5", "5.25", "1e5", "1E+5", "1e-5", "-.5e3", "007"}) {
      assertThat(DecimalText.isNumber(yes)).as(yes).isTrue();
      assertThat(DecimalText.parse(yes)).as(yes).hasValueSatisfying(v -> assertThat(v)
          .isEqualByComparingTo(new BigDecimal(yes.endsWith(".") ? yes + "0" : yes)));
    }
    for (String no : new String[] {"", "+", "-", ".", "e5", "1e", "1e+", "1E-", "5x", "5.5.5", "1e5.5", "--5",
        " 5", "5 ", "1,5", "NaN", "Infinity", "0x10", "+-5", "5e5e5"}) {
      assertThat(DecimalText.isNumber(no)).as(no).isFalse();
      assertThat(DecimalText.parse(no)).as(no).isEmpty();
    }
  }

  @Test
  void scalesUpToTheLimitAreAcceptedAndBeyondRefused() {
    assertThat(DecimalText.parse("1e-" + DecimalText.MAX_SCALE)).isPresent();
    assertThat(DecimalText.parse("1e" + DecimalText.MAX_SCALE)).isPresent();
    assertThat(DecimalText.parse("1e-" + (DecimalText.MAX_SCALE + 1))).isEmpty();
    assertThat(DecimalText.parse("1e" + (DecimalText.MAX_SCALE + 1))).isEmpty();
    assertThat(DecimalText.parse("1e999999999999")).isEmpty();
  }

  @Test
  void ratesAreValuesAndPercentagesConvertExactly() {
    PecRate a = PecRate.of(Map.of(LocalDate.parse("2026-01-01"), new BigDecimal("0.15")));
    PecRate b = PecRate.of(Map.of(LocalDate.parse("2026-01-01"), new BigDecimal("0.15")));
    PecRate c = PecRate.of(Map.of(LocalDate.parse("2026-02-01"), new BigDecimal("0.15")));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c).isNotEqualTo("PecRate");
    assertThat(a.hashCode()).isNotEqualTo(c.hashCode());
    assertThat(a.toString()).startsWith("PecRate").contains("2026-01-01").contains("0.15");
    assertThat(PecRate.toPercentage(new BigDecimal("0.15"))).isEqualTo(new BigDecimal("15"));
    assertThat(PecRate.toPercentage(new BigDecimal("0.175"))).isEqualTo(new BigDecimal("17.5"));
    assertThat(PecRate.toPercentage(new BigDecimal("1.00"))).isEqualTo(new BigDecimal("100"));
    assertThat(PecRate.toPercentage(BigDecimal.ZERO).signum()).isZero();
    assertThat(PecRate.fromPercentage(new BigDecimal("17.5"))).isEqualByComparingTo("0.175");
  }

  @Test
  void totalsOfOneLineCarryItsAmountsAndZeroIsTheIdentity() {
    LineAmounts line = LineAmounts.of(new BigDecimal("0.50"), new BigDecimal("24"), BigDecimal.ONE,
        new BigDecimal("0.15"));
    Totals one = Totals.of(new Currencies("USD", "USD"), line);
    assertThat(one.lines()).isEqualTo(1);
    assertThat(one.listCost()).isEqualByComparingTo("12");
    assertThat(one.pricingPreTaxTotal()).isEqualByComparingTo("10.2");
    assertThat(one.credit()).isEqualByComparingTo("1.8");
    assertThat(one.billingPreTaxTotal()).isEqualByComparingTo("10.20");
    assertThat(one.billingCredit()).isEqualByComparingTo("1.80");
    assertThat(one.plus(Totals.zero())).isSameAs(one);
    assertThat(Totals.zero().plus(one)).isSameAs(one);
    Totals two = one.plus(one);
    assertThat(two.lines()).isEqualTo(2);
    assertThat(two.listCost()).isEqualByComparingTo("24");
    assertThat(two.credit()).isEqualByComparingTo("3.6");
    assertThat(two.billingCredit()).isEqualByComparingTo("3.60");
    assertThat(two.effectiveRate()).isEqualByComparingTo("0.15");
  }
}
