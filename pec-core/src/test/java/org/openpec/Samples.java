package org.openpec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;

/** Hand-written values for the example tests: subscription {@code S}, billed partner {@code P}, March 2026. */
final class Samples {

  static final String SUB = "/subscriptions/S";
  static final String RG1 = SUB + "/resourceGroups/rg1";
  static final String RG2 = SUB + "/resourceGroups/rg2";
  static final String VM_IN_RG1 = RG1 + "/providers/Microsoft.Compute/virtualMachines/vm1";
  static final String VM_IN_RG2 = RG2 + "/providers/Microsoft.Compute/virtualMachines/vm2";

  private Samples() {}

  static Instant at(String isoInstant) {
    return Instant.parse(isoInstant);
  }

  static LocalDate day(String isoDate) {
    return LocalDate.parse(isoDate);
  }

  /** An AOBO grant of {@code role} to {@code partner} on {@code scope} from {@code from}, never revoked. */
  static AccessGrant grant(String id, String partner, String role, String scope, String from) {
    return grant(id, partner, role, scope, from, null, Assignment.ACTIVE);
  }

  /** A grant over {@code [from, to)}; a null {@code to} is still held, a null {@code partner} unattributed. */
  static AccessGrant grant(String id, String partner, String role, String scope, String from, String to,
      Assignment assignment) {
    return AccessGrant.builder().grantId(id).partnerId(Optional.ofNullable(partner))
        .channel(partner == null ? "CUSTOMER_DIRECTORY" : "AOBO").roleName(role).scope(Scope.parse(scope))
        .assignment(assignment).grantedAt(at(from)).revokedAt(Optional.ofNullable(to).map(Instant::parse)).build();
  }

  /** Owner for P on the subscription since 2026-02-20T08:00Z: the grant of worked example 1. */
  static AccessGrant ownerAllMonth() {
    return grant("G1", "P", "Owner", SUB, "2026-02-20T08:00:00Z");
  }

  /** A VM line of worked example 1 (UnitPrice 0.50, Quantity 24, FX 1) on {@code isoDate}, on the subscription. */
  static UsageLine vm(String isoDate) {
    return line(isoDate, "", "P", "");
  }

  /** A line of 24 units at 0.50 USD on {@code resourceUri} ("" for the subscription), billed to P. */
  static UsageLine line(String isoDate, String resourceUri, String billed, String reseller) {
    UsageLine.Builder b = builder(isoDate, resourceUri, billed, reseller);
    b.quantity(new BigDecimal("24")).unitPrice(new BigDecimal("0.50")).billingCurrency("USD")
        .pcToBcExchangeRate(BigDecimal.ONE);
    return b.build();
  }

  /** A line builder with every attribute set but quantity, unit price, billing currency and exchange rate. */
  static UsageLine.Builder builder(String isoDate, String resourceUri, String billed, String reseller) {
    UsageLine.Builder b = UsageLine.builder();
    b.customerId("C1").billedPartnerId(billed).resellerPartnerId(reseller).subscriptionId("plan-1")
        .entitlementId("S").usageDate(day(isoDate)).productId("DZH318Z0BQ4L").skuId("0001").meterId("m1")
        .resourceUri(resourceUri).pricingCurrency("USD");
    return b;
  }
}
