/**
 * openpec: Microsoft's Partner Earned Credit (PEC) for Azure plan consumption, computed exactly and explained.
 *
 * <p>The public face is small: build a {@link org.openpec.PecCalculator} from the partner's grants
 * ({@link org.openpec.model.AccessGrant}) and optionally the price list
 * ({@link org.openpec.model.PriceListEntry}), evaluate usage lines ({@link org.openpec.model.UsageLine}) one
 * by one or as a stream, and fold the {@link org.openpec.LineResult}s into a
 * {@link org.openpec.CreditStatement}.
 *
 * <p>The rules are documented in the repository's {@code docs/rules.md}; a Javadoc reference "rules §N" is its
 * section N. File formats are in {@code docs/formats.md}, the {@code pec} command in {@code docs/cli.md}.
 *
 * <pre>{@code
 * AccessGrant owner = AccessGrant.builder()
 *     .grantId("G1").partnerId("P").channel("AOBO").roleName("Owner")
 *     .scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-20T08:00:00Z"))
 *     .build();
 * UsageLine vm = UsageLine.builder()
 *     .customerId("C").billedPartnerId("P").subscriptionId("plan").entitlementId("S")
 *     .usageDate(LocalDate.parse("2026-03-05")).productId("DZH318Z0BQ4L").skuId("0001").meterId("m")
 *     .quantity(new BigDecimal("24")).unitPrice(new BigDecimal("0.50"))
 *     .pricingCurrency("USD").billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE)
 *     .build();
 * LineResult r = PecCalculator.builder().addGrants(owner).build().evaluate(vm);
 * r.reason();                         // ELIGIBLE
 * r.amounts().credit();               // 1.8000
 * r.amounts().billingPreTaxTotal();   // 10.20
 * }</pre>
 */
@PecStyle
package org.openpec;

import org.openpec.value.PecStyle;
