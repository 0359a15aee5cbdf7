package org.openpec.examples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;

/**
 * The README's example: the credit of one usage line, built from another package than the library's (so every
 * value of the API is shown to be buildable by callers).
 */
public final class OneLine {

  private OneLine() {}

  /** Computes the line of worked example 1. */
  public static LineResult compute() {
    AccessGrant owner = AccessGrant.builder().grantId("G1").partnerId("6034453").channel("AOBO").roleName("Owner")
        .scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-20T08:00:00Z")).build();
    UsageLine vm = UsageLine.builder().customerId("C").billedPartnerId("6034453").subscriptionId("plan")
        .entitlementId("S").usageDate(LocalDate.parse("2026-03-05")).productId("DZH318Z0BQ4L").skuId("0071")
        .meterId("m").quantity(new BigDecimal("24")).unitPrice(new BigDecimal("0.50"))
        .pricingCurrency("USD").billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE).build();
    PecCalculator pec = PecCalculator.builder().addGrants(owner).build();
    return pec.evaluate(vm);
  }

  /** Prints the reason, the credit and the billed amount of the example line. */
  public static void main(String[] args) {
    LineResult r = compute();
    System.out.println(r.reason() + " credit " + r.amounts().credit().toPlainString() + " USD, billed "
        + r.amounts().billingPreTaxTotal().toPlainString() + " " + r.line().billingCurrency());
  }
}
