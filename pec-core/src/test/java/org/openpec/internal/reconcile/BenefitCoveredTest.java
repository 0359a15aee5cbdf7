package org.openpec.internal.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.rules.Reason;

/** Benefit-covered usage is prepaid (rules §8): every amount is 0, and reconcile matches Microsoft's 0. */
class BenefitCoveredTest {

  private static UsageLine covered(String quantity) {
    return UsageLine.builder().customerId("C").billedPartnerId("P").subscriptionId("plan").entitlementId("S")
        .usageDate(LocalDate.parse("2026-03-05")).productId("prod").skuId("0001").meterId("m")
        .quantity(new BigDecimal(quantity)).unitPrice(new BigDecimal("0.50")).pricingCurrency("USD")
        .billingCurrency("EUR").pcToBcExchangeRate(new BigDecimal("0.9")).benefitType("Reservation")
        .benefitId("b-1").build();
  }

  @Test
  void everyAmountIsZeroAndTheUnitPriceIsEchoed() {
    LineResult r = PecCalculator.builder().build().evaluate(covered("24"));
    assertThat(r.reason()).isEqualTo(Reason.BENEFIT_COVERED);
    LineAmounts a = r.amounts();
    assertThat(a.unitPrice()).isEqualByComparingTo("0.50");
    for (BigDecimal v : List.of(a.rate(), a.effectiveUnitPrice(), a.listCost(), a.pricingPreTaxTotal(), a.credit(),
        a.billingPreTaxTotal(), a.billingCredit())) {
      assertThat(v).isEqualByComparingTo("0");
    }
  }

  @Test
  void aRepricedBenefitLineIsZeroToo() {
    LineResult r = PecCalculator.builder().build().evaluate(covered("24"), new BigDecimal("100.80"));
    assertThat(r.amounts().listCost()).isEqualByComparingTo("0");
    assertThat(r.amounts().billingPreTaxTotal()).isEqualByComparingTo("0");
  }

  @Test
  void totalsCountTheLineWithoutMoney() {
    CreditStatement s = List.of(covered("24"), covered("-3")).stream()
        .collect(PecCalculator.builder().build().toStatement());
    assertThat(s.total().lines()).isEqualTo(2);
    assertThat(s.total().listCost()).isEqualByComparingTo("0");
    assertThat(s.total().pricingPreTaxTotal()).isEqualByComparingTo("0");
  }

  @Test
  void microsoftsZeroIsAMatchNotATotalMismatch() {
    LineResult r = PecCalculator.builder().build().evaluate(covered("24"));
    ReconciledLine row = Reconciler.exact().reconcile(1, r, Reported.of("0", "0", "0"));
    assertThat(row.kind()).isEqualTo(ReconciliationKind.MATCH);
    assertThat(row.amountAtStake()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0"));
  }
}
