package org.openpec.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

  @Test
  void moneyRoundsHalfEvenToCentsAndGroupsThousands() {
    assertThat(Amounts.money(new BigDecimal("1234567.885"))).isEqualTo("1,234,567.88");
    assertThat(Amounts.money(new BigDecimal("1234567.895"))).isEqualTo("1,234,567.90");
    assertThat(Amounts.money(new BigDecimal("-1234.5"))).isEqualTo("-1,234.50");
    assertThat(Amounts.money(new BigDecimal("999.999"))).isEqualTo("1,000.00");
    assertThat(Amounts.money(new BigDecimal("0.004"))).isEqualTo("0.00");
    assertThat(Amounts.money(new BigDecimal("100"), "EUR")).isEqualTo("100.00 EUR");
  }

  @Test
  void percentAndExact() {
    assertThat(Amounts.percent(new BigDecimal("0.096800"))).isEqualTo("9.68 %");
    assertThat(Amounts.exact(new BigDecimal("1.50000"))).isEqualTo("1.5");
    assertThat(Amounts.exact(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Amounts.exact(new BigDecimal("0.0000000001"))).isEqualTo("0.0000000001");
  }

  @Test
  void htmlEscapesEverythingThatCouldOpenMarkup() {
    assertThat(Html.esc("<img src=x onerror=\"alert('1')\">&")).isEqualTo(
        "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;");
    assertThat(Html.esc("plain")).isSameAs("plain");
    assertThat(Html.esc("a\nb")).isEqualTo("a&#10;b");
  }

  @Test
  void shortScopeKeepsTheLastTwoSegments() {
    assertThat(HtmlReport.shortScope("/subscriptions/S/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"))
        .isEqualTo("virtualMachines/vm");
    assertThat(HtmlReport.shortScope("/subscriptions/S")).isEqualTo("/subscriptions/S");
  }
}
