package org.openpec.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openpec.pricing.RepricingTest.entry;
import static org.openpec.pricing.RepricingTest.line;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.model.PriceList;

/** D19: a price-list entry in another currency never reprices a line. */
class CurrencyTest {

  @Test
  void aEuroPriceNeverRepricesAUsdLine() {
    Repricing r = Repricing.of(PriceList.of(List.of(entry(null, null, "0.5").currency("EUR").build())));
    PriceListConflictException e = catchThrowableOfType(PriceListConflictException.class,
        () -> r.planner().add(7, line("2026-03-01", "10")));
    assertThat(e.kind()).isEqualTo(PriceListConflictException.Kind.CURRENCY_MISMATCH);
    assertThat(e.getMessage()).contains("is in EUR").contains("usage record 7").contains("priced in USD");
    Repricing.Plan plan = r.planner().plan();
    assertThat(catchThrowableOfType(PriceListConflictException.class,
        () -> plan.listCost(1, line("2026-03-01", "10")))).isNotNull();
  }

  @Test
  void theSameCurrencyIgnoringCaseOrNoCurrencyReprices() {
    Repricing usd = Repricing.of(PriceList.of(List.of(entry(null, null, "0.5").currency(" usd ").build())));
    assertThat(usd.planner().add(1, line("2026-03-01", "10")).plan().listCost(1, line("2026-03-01", "10")))
        .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("5"));
    Repricing none = Repricing.of(PriceList.of(List.of(entry(null, null, "0.5").build())));
    assertThat(none.planner().add(1, line("2026-03-01", "10")).plan().listCost(1, line("2026-03-01", "10")))
        .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("5"));
  }

  @Test
  void entriesInForceTogetherInTwoCurrenciesAreAConflict() {
    PriceListConflictException e = catchThrowableOfType(PriceListConflictException.class,
        () -> Repricing.of(PriceList.of(List.of(entry("0", "100", "1").currency("USD").build(),
            entry("101", null, "0.9").currency("EUR").build()))));
    assertThat(e.kind()).isEqualTo(PriceListConflictException.Kind.CURRENCY_MISMATCH);
    assertThat(e.entries()).hasSize(2);
  }
}
