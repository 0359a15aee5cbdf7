package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.openpec.Samples.ownerAllMonth;

import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openpec.model.UsageLine;
import org.openpec.money.Totals;
import org.openpec.rules.Reason;

class CreditStatementTest {

  private static final PecCalculator PEC = PecCalculator.builder().addGrants(ownerAllMonth()).build();

  private static UsageLine line(String day, String customer, String entitlement, String currency, String fx,
      String publisher) {
    return UsageLine.builder().customerId(customer).billedPartnerId("P").subscriptionId("plan-1")
        .entitlementId(entitlement).usageDate(Samples.day(day)).productId("DZH318Z0BQ4L").skuId("0001")
        .meterId("m1").quantity(new BigDecimal("24")).unitPrice(new BigDecimal("0.50")).pricingCurrency("USD")
        .billingCurrency(currency).pcToBcExchangeRate(new BigDecimal(fx)).publisherName(publisher).build();
  }

  /** Two eligible lines (C1, S, USD and EUR), one without access (C2, T), one marketplace line (C1, S). */
  private static CreditStatement sample() {
    return Stream.of(line("2026-03-05", "C1", "S", "USD", "1", ""),
        line("2026-03-06", "C1", "S", "EUR", "0.846202666", ""),
        line("2026-03-05", "C2", "T", "USD", "1", ""),
        line("2026-03-05", "C1", "S", "USD", "1", "Contoso"))
        .map(PEC::evaluate).collect(CreditStatement.collector());
  }

  @Test
  void theEmptyStatementHoldsZeroes() {
    CreditStatement empty = CreditStatement.empty();
    assertThat(empty.total().lines()).isZero();
    assertThat(empty.total().credit()).isEqualByComparingTo("0");
    assertThat(empty.effectiveRate()).isEqualByComparingTo("0");
    assertThat(empty.rejected()).isZero();
    assertThat(empty.byReason()).isEmpty();
    assertThat(Stream.<LineResult>empty().collect(CreditStatement.collector())).isEqualTo(empty);
  }

  @Test
  void totalsSumEveryLineExactly() {
    Totals t = sample().total();
    assertThat(t.lines()).isEqualTo(4);
    assertThat(t.listCost()).isEqualByComparingTo("48");
    assertThat(t.credit()).isEqualByComparingTo("3.6");
    assertThat(t.pricingPreTaxTotal()).isEqualByComparingTo("44.4");
  }

  @Test
  void breaksDownByReasonCustomerSubscriptionAndBillingCurrency() {
    CreditStatement s = sample();
    assertThat(s.count(Reason.ELIGIBLE)).isEqualTo(2);
    assertThat(s.count(Reason.NO_ACCESS)).isEqualTo(1);
    assertThat(s.count(Reason.MARKETPLACE)).isEqualTo(1);
    assertThat(s.count(Reason.PARTIAL_DAY)).isZero();
    assertThat(s.byReason()).containsOnlyKeys(Reason.ELIGIBLE, Reason.NO_ACCESS, Reason.MARKETPLACE);
    assertThat(s.byCustomer()).containsOnlyKeys("C1", "C2");
    assertThat(s.byCustomer().get("C1").credit()).isEqualByComparingTo("3.6");
    assertThat(s.byCustomer().get("C2").listCost()).isEqualByComparingTo("12");
    assertThat(s.bySubscription().keySet()).containsExactly("S", "T");
    assertThat(s.byBillingCurrency().keySet()).containsExactly("EUR", "USD");
    // 10.20 × 0.846202666 → FLOOR(8.631267... ) = 8.63; 12 × 0.846202666 → 10.15
    assertThat(s.byBillingCurrency().get("EUR").billingPreTaxTotal()).isEqualByComparingTo("8.63");
    assertThat(s.byBillingCurrency().get("EUR").billingCredit()).isEqualByComparingTo("1.52");
  }

  @Test
  void theEffectiveRateCountsProductEligibleLinesOnly() {
    CreditStatement s = sample();
    assertThat(s.productEligible().lines()).isEqualTo(3);
    // 3.6 credit over 36 of product-eligible list cost
    assertThat(s.effectiveRate()).isEqualTo(new BigDecimal("0.100000"));
  }

  @Test
  void rejectedRecordsAreCountedButCarryNoMoney() {
    CreditStatement s = sample().plusRejected(2);
    assertThat(s.rejected()).isEqualTo(2);
    assertThat(s.count(Reason.REJECTED)).isEqualTo(2);
    assertThat(s.total()).isEqualTo(sample().total());
    assertThat(s).isNotEqualTo(sample());
    assertThat(s.merge(CreditStatement.empty().plusRejected(1)).rejected()).isEqualTo(3);
    assertThatIllegalArgumentException().isThrownBy(() -> sample().plusRejected(-1)).withMessageContaining("count");
  }

  @Test
  void equalityComparesAmountsByValueNotScale() {
    LineResult twoDecimals = PEC.evaluate(line("2026-03-05", "C1", "S", "USD", "1", ""));
    LineResult oneDecimal = PEC.evaluate(UsageLine.builder().customerId("C1").billedPartnerId("P")
        .subscriptionId("plan-1").entitlementId("S").usageDate(Samples.day("2026-03-05")).productId("DZH318Z0BQ4L")
        .skuId("0001").meterId("m1").quantity(new BigDecimal("24.000")).unitPrice(new BigDecimal("0.5"))
        .pricingCurrency("USD").billingCurrency("USD").pcToBcExchangeRate(new BigDecimal("1.00")).build());
    assertThat(oneDecimal.amounts().listCost()).isNotEqualTo(twoDecimals.amounts().listCost());
    assertThat(CreditStatement.of(oneDecimal)).isEqualTo(CreditStatement.of(twoDecimals))
        .hasSameHashCodeAs(CreditStatement.of(twoDecimals));
  }

  @Test
  void mergeAddsStatements() {
    LineResult a = PEC.evaluate(line("2026-03-05", "C1", "S", "USD", "1", ""));
    LineResult b = PEC.evaluate(line("2026-03-05", "C2", "T", "USD", "1", ""));
    assertThat(CreditStatement.of(a).merge(CreditStatement.of(b))).isEqualTo(CreditStatement.empty().add(a).add(b));
    assertThat(CreditStatement.of(a)).isNotEqualTo(CreditStatement.of(b));
  }

  @Test
  void printsItsHeadlineNumbers() {
    assertThat(sample().toString()).contains("lines=4", "credit=3.6", "rejected=0");
  }
}
