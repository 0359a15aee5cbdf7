package org.openpec.internal.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.PecCalculator;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;

class ReconciliationSummaryTest {

  private static final PecCalculator PEC = PecCalculator.builder().addGrants(AccessGrant.builder().grantId("G1")
      .partnerId("P").roleName("Owner").scope(Scope.parse("/subscriptions/S"))
      .grantedAt(Instant.parse("2026-02-01T00:00:00Z")).build()).build();

  private static UsageLine line(String customer, String entitlement, String currency, String fx) {
    return UsageLine.builder().customerId(customer).billedPartnerId("P").subscriptionId("plan")
        .entitlementId(entitlement).usageDate(LocalDate.parse("2026-03-05")).productId("prod").skuId("0001")
        .meterId("m").quantity(new BigDecimal("24")).unitPrice(new BigDecimal("0.50")).pricingCurrency("USD")
        .billingCurrency(currency).pcToBcExchangeRate(new BigDecimal(fx)).build();
  }

  @Test
  void countsMoneyPerKindAndCustomerAndListsTheLinesToRaise() {
    Reconciler r = Reconciler.exact();
    List<ReconciledLine> rows = List.of(
        r.reconcile(1, PEC.evaluate(line("C1", "S", "USD", "1")), Reported.of("15", "0.425", "10.20")),    // MATCH
        r.reconcile(2, PEC.evaluate(line("C1", "S", "USD", "1")), Reported.of("0", "0.50", "12.00")),      // +1.80
        r.reconcile(3, PEC.evaluate(line("C2", "S", "EUR", "0.9")), Reported.of("0", "0.50", "10.80")),    // +1.62
        r.reconcile(4, PEC.evaluate(line("C2", "X", "EUR", "0.9")), Reported.of("15", "0.425", "9.18")),   // -1.62
        r.reconcile(5, PEC.evaluate(line("C1", "S", "USD", "1")), Reported.of("15", "0.425", "10.19")),    // -0.01
        r.reconcile(6, PEC.evaluate(line("C1", "S", "USD", "1")), Reported.of("15", "0.425", "10.25")),    // +0.05
        r.reconcile(7, PEC.evaluate(line("C1", "S", "USD", "1")), Reported.of("15", "0.425", "")),
        r.unreadable(8, "C3", Reported.absent(), "usage.csv:9:0: 54 fields, the header has 55"));
    ReconciliationSummary s = rows.stream().collect(ReconciliationSummary.collector());

    assertThat(s.lines()).isEqualTo(8);
    assertThat(s.total().counts()).containsEntry(ReconciliationKind.MATCH, 1L)
        .containsEntry(ReconciliationKind.CREDIT_MISSING, 2L).containsEntry(ReconciliationKind.CREDIT_UNEXPECTED, 1L)
        .containsEntry(ReconciliationKind.TOTAL_MISMATCH, 2L).containsEntry(ReconciliationKind.REJECTED, 2L)
        .containsEntry(ReconciliationKind.RATE_MISMATCH, 0L);
    assertThat(s.total().amountAtStake(ReconciliationKind.CREDIT_MISSING))
        .hasEntrySatisfying("USD", a -> assertThat(a).isEqualByComparingTo("1.80"))
        .hasEntrySatisfying("EUR", a -> assertThat(a).isEqualByComparingTo("1.62"));
    assertThat(s.total().amountAtStake(ReconciliationKind.TOTAL_MISMATCH))
        .containsOnlyKeys("USD").hasEntrySatisfying("USD", a -> assertThat(a).isEqualByComparingTo("0.04"));
    assertThat(s.total().amountAtStake(ReconciliationKind.REJECTED)).isEmpty();
    assertThat(s.total().amountAtStake())
        .hasEntrySatisfying("USD", a -> assertThat(a).isEqualByComparingTo("1.84"))
        .hasEntrySatisfying("EUR", a -> assertThat(a).isEqualByComparingTo("0"));

    assertThat(s.byCustomer()).containsOnlyKeys("C1", "C2", "C3");
    assertThat(s.byCustomer().get("C1").count(ReconciliationKind.TOTAL_MISMATCH)).isEqualTo(2);
    assertThat(s.byCustomer().get("C2").amountAtStake(ReconciliationKind.CREDIT_UNEXPECTED))
        .hasEntrySatisfying("EUR", a -> assertThat(a).isEqualByComparingTo("-1.62"));
    assertThat(s.byCustomer().get("C3").count(ReconciliationKind.REJECTED)).isEqualTo(1);

    // credit missing lines always; mismatches only when over-billed; never the unexpected credit
    assertThat(s.toRaise()).extracting(Claim::recordNumber).containsExactly(2L, 3L, 6L);
    assertThat(s.toRaise().get(1).amountAtStake()).isEqualByComparingTo("1.62");
    assertThat(s.toRaise().get(1).entitlementId()).isEqualTo("S");
    assertThat(s.amountToRaise())
        .hasEntrySatisfying("USD", a -> assertThat(a).isEqualByComparingTo("1.85"))
        .hasEntrySatisfying("EUR", a -> assertThat(a).isEqualByComparingTo("1.62"));
  }

  @Test
  void theEmptySummaryHasDefinedValues() {
    ReconciliationSummary s = ReconciliationSummary.empty();
    assertThat(s.lines()).isZero();
    assertThat(s.toRaise()).isEmpty();
    assertThat(s.total().counts().values()).containsOnly(0L);
    assertThat(s.amountToRaise()).isEmpty();
    assertThat(List.<ReconciledLine>of().stream().collect(ReconciliationSummary.collector())).isEqualTo(s);
  }
}
