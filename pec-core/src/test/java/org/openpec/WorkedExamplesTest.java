package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.rules.Reason;

class WorkedExamplesTest {

  @Test
  void wholeMonthOwnerViaAoboEarnsFifteenPercent() {
    AccessGrant owner = AccessGrant.builder().grantId("G1").partnerId("P").channel("AOBO").roleName("Owner")
        .scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-20T08:00:00Z")).build();
    UsageLine vm = UsageLine.builder().customerId("C").billedPartnerId("P").subscriptionId("plan").entitlementId("S")
        .usageDate(LocalDate.parse("2026-03-05")).productId("prod").skuId("0001").meterId("m")
        .quantity(new BigDecimal("24")).unitPrice(new BigDecimal("0.50")).pricingCurrency("USD")
        .billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE).build();
    LineResult r = PecCalculator.builder().addGrants(owner).build().evaluate(vm);
    assertThat(r.reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(r.amounts().effectiveUnitPrice()).isEqualByComparingTo("0.425");
    assertThat(r.amounts().listCost()).isEqualByComparingTo("12");
    assertThat(r.amounts().credit()).isEqualByComparingTo("1.8");
    assertThat(r.amounts().billingPreTaxTotal()).isEqualByComparingTo("10.20");
    assertThat(r.amounts().billingCredit()).isEqualByComparingTo("1.80");
  }
}
