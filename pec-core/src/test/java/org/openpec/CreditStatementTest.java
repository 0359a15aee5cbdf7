package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.openpec.Samples.ownerAllMonth;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openpec.model.UsageLine;
import org.openpec.money.Currencies;
import org.openpec.money.CurrencyMismatchException;
import org.openpec.money.InvalidAmountException;
import org.openpec.money.Totals;
import org.openpec.rules.Reason;
import org.openpec.rules.Rules;
import org.openpec.rules.Verdict;

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

  private static final Currencies USD = new Currencies("USD", "USD");
  private static final Currencies EUR = new Currencies("USD", "EUR");

  @Test
  void totalsSumEveryLineExactlyPerPairOfCurrencies() {
    CreditStatement s = sample();
    assertThat(s.lines()).isEqualTo(4);
    assertThat(s.currencies()).containsExactly(EUR, USD);
    Totals usd = s.byCurrency().get(USD);
    assertThat(usd.lines()).isEqualTo(3);
    assertThat(usd.listCost()).isEqualByComparingTo("36");
    assertThat(usd.credit()).isEqualByComparingTo("1.8");
    assertThat(usd.pricingPreTaxTotal()).isEqualByComparingTo("34.2");
    assertThat(usd.currencies()).contains(USD);
    assertThat(s.inCurrency(USD).total()).isEqualTo(usd);
    assertThat(s.byCurrency().get(EUR).lines()).isEqualTo(1);
  }

  @Test
  void totalsAcrossCurrenciesAreRefusedWithATypedException() {
    CreditStatement s = sample();
    assertThatExceptionOfType(CurrencyMismatchException.class).isThrownBy(s::total)
        .withMessageContaining("EUR").withMessageContaining("USD");
    assertThatExceptionOfType(CurrencyMismatchException.class).isThrownBy(s::byCustomer);
    assertThatExceptionOfType(CurrencyMismatchException.class).isThrownBy(s::effectiveRate);
    Totals usd = s.byCurrency().get(USD);
    Totals eur = s.byCurrency().get(EUR);
    assertThatExceptionOfType(CurrencyMismatchException.class).isThrownBy(() -> usd.plus(eur))
        .satisfies(e -> assertThat(List.of(e.first(), e.second())).containsExactly(USD, EUR));
  }

  @Test
  void breaksDownByReasonCustomerSubscriptionAndBillingCurrency() {
    CreditStatement s = sample();
    assertThat(s.count(Reason.ELIGIBLE)).isEqualTo(2);
    assertThat(s.count(Reason.NO_ACCESS)).isEqualTo(1);
    assertThat(s.count(Reason.MARKETPLACE)).isEqualTo(1);
    assertThat(s.count(Reason.PARTIAL_DAY)).isZero();
    CreditStatement usd = s.inCurrency(USD);
    assertThat(usd.byReason()).containsOnlyKeys(Reason.ELIGIBLE, Reason.NO_ACCESS, Reason.MARKETPLACE);
    assertThat(usd.byCustomer()).containsOnlyKeys("C1", "C2");
    assertThat(usd.byCustomer().get("C1").credit()).isEqualByComparingTo("1.8");
    assertThat(usd.byCustomer().get("C2").listCost()).isEqualByComparingTo("12");
    assertThat(usd.bySubscription().keySet()).containsExactly("S", "T");
    assertThat(s.inCurrency(EUR).byCustomer()).containsOnlyKeys("C1");
    // 10.20 × 0.846202666 → FLOOR(8.631267... ) = 8.63; 12 × 0.846202666 → 10.15
    assertThat(s.byCurrency().get(EUR).billingPreTaxTotal()).isEqualByComparingTo("8.63");
    assertThat(s.byCurrency().get(EUR).billingCredit()).isEqualByComparingTo("1.52");
  }

  @Test
  void theEffectiveRateCountsProductEligibleLinesOnly() {
    CreditStatement s = sample().inCurrency(USD);
    assertThat(s.productEligible().lines()).isEqualTo(2);
    // 1.8 credit over 24 of product-eligible list cost
    assertThat(s.effectiveRate()).isEqualTo(new BigDecimal("0.075000"));
  }

  @Test
  void rejectedRecordsAreCountedButCarryNoMoney() {
    CreditStatement s = sample().plusRejected(2);
    assertThat(s.rejected()).isEqualTo(2);
    assertThat(s.count(Reason.REJECTED)).isEqualTo(2);
    assertThat(s.byCurrency()).isEqualTo(sample().byCurrency());
    assertThat(s).isNotEqualTo(sample());
    assertThat(s.merge(CreditStatement.empty().plusRejected(1)).rejected()).isEqualTo(3);
    assertThatExceptionOfType(InvalidAmountException.class).isThrownBy(() -> sample().plusRejected(-1))
        .withMessageContaining("count");
    CreditStatement almostFull = CreditStatement.empty().plusRejected(Long.MAX_VALUE - 1);
    assertThatExceptionOfType(InvalidAmountException.class).isThrownBy(() -> almostFull.plusRejected(2))
        .withMessageContaining("overflows");
    assertThatExceptionOfType(InvalidAmountException.class).isThrownBy(() -> almostFull.merge(s));
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
    assertThat(sample().toString()).contains("lines=4", "EUR (priced in USD)", "rejected=0");
  }

  @Test
  void aLineWithACallersReasonIsCountedUnderItsOwnCode() {
    Reason excluded = Reason.productExclusion("STATEMENT_TEST_EXCLUDED");
    PecCalculator pec = PecCalculator.builder().addGrants(ownerAllMonth())
        .rule(Rules.named("not C2", f -> f.line().customerId().equals("C2")
            ? Verdict.fail("not C2", excluded, "customer C2 is excluded") : Verdict.pass("not C2", "not C2"))
            .and(Rules.standard()))
        .build();
    CreditStatement s = Stream.of(line("2026-03-05", "C1", "S", "USD", "1", ""), line("2026-03-05", "C2", "T", "USD",
        "1", "")).map(pec::evaluate).collect(CreditStatement.collector());
    assertThat(s.count(excluded)).isEqualTo(1);
    assertThat(s.byReason()).containsOnlyKeys(Reason.ELIGIBLE, excluded);
    assertThat(s.productEligible().lines()).as("a product exclusion of the caller's").isEqualTo(1);
  }

  /**
   * Folding batch after batch into a growing statement, as a run does, must do work linear in the entries: it
   * used to copy every customer's totals at every merge, quadratic in the number of customers.
   */
  @Test
  void foldingManyDistinctCustomersDoesLinearWork() {
    int customers = 20_000;
    List<CreditStatement> batches = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      batches.add(CreditStatement.of(PEC.evaluate(line("2026-03-05", "C" + i, "S" + i, "USD", "1", ""))));
    }
    long before = CreditStatement.ENTRIES_FOLDED.get();
    CreditStatement s = CreditStatement.empty();
    for (CreditStatement b : batches) {
      s = s.merge(b);
    }
    assertThat(s.inCurrency(USD).byCustomer()).hasSize(customers);
    long work = CreditStatement.ENTRIES_FOLDED.get() - before;
    // Each one-line statement holds 5 totals; copying them a few times each is linear. The old merge copied
    // about customers² totals (2 × 10^8 here).
    assertThat(work).isLessThan(20L * 5 * customers);
  }

  @Test
  void aStatementIsUnchangedByLaterMerges() {
    CreditStatement s = CreditStatement.empty();
    List<CreditStatement> seen = new ArrayList<>();
    for (int i = 0; i < 6000; i++) {
      s = s.merge(CreditStatement.of(PEC.evaluate(line("2026-03-05", "C" + i, "S", "USD", "1", ""))));
      if (i % 1000 == 0) {
        seen.add(s);
      }
    }
    for (int k = 0; k < seen.size(); k++) {
      assertThat(seen.get(k).lines()).isEqualTo(k * 1000L + 1);
      assertThat(seen.get(k).inCurrency(USD).byCustomer()).hasSize(k * 1000 + 1);
    }
  }

  @Test
  void aSerializedStatementReadsBackEqualAndMergesOn() throws Exception {
    LineResult a = PEC.evaluate(line("2026-03-05", "C1", "S", "USD", "1", ""));
    CreditStatement pendingMerges = sample().merge(CreditStatement.of(a)).plusRejected(2);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(pendingMerges);
      out.writeObject(CreditStatement.empty());
    }
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      CreditStatement back = (CreditStatement) in.readObject();
      CreditStatement empty = (CreditStatement) in.readObject();
      assertThat(back).isEqualTo(pendingMerges);
      assertThat(back.rejected()).isEqualTo(2);
      assertThat(back.inCurrency(USD).byReason()).isEqualTo(pendingMerges.inCurrency(USD).byReason());
      assertThat(back.merge(CreditStatement.of(a))).isEqualTo(pendingMerges.merge(CreditStatement.of(a)));
      assertThat(empty.merge(back)).isEqualTo(pendingMerges);
    }
  }
}
