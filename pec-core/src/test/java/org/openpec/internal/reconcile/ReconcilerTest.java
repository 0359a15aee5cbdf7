package org.openpec.internal.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.openpec.internal.reconcile.ReconciliationKind.CREDIT_MISSING;
import static org.openpec.internal.reconcile.ReconciliationKind.CREDIT_UNEXPECTED;
import static org.openpec.internal.reconcile.ReconciliationKind.MATCH;
import static org.openpec.internal.reconcile.ReconciliationKind.PRICE_MISMATCH;
import static org.openpec.internal.reconcile.ReconciliationKind.RATE_MISMATCH;
import static org.openpec.internal.reconcile.ReconciliationKind.REJECTED;
import static org.openpec.internal.reconcile.ReconciliationKind.TOTAL_MISMATCH;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.AccessGrant;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.rules.Reason;

class ReconcilerTest {

  private static final AccessGrant OWNER = AccessGrant.builder().grantId("G1").partnerId("P").channel("AOBO")
      .roleName("Owner").scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-20T08:00:00Z"))
      .build();
  private static final PecCalculator WITH_OWNER = PecCalculator.builder().addGrants(OWNER).build();
  private static final PecCalculator NO_GRANTS = PecCalculator.builder().build();

  /** Worked example 1: 0.50 × 24, FX 1 → 15 %, EffectiveUnitPrice 0.425, BillingPreTaxTotal 10.20. */
  private static UsageLine vm(String customer, String quantity) {
    return UsageLine.builder().customerId(customer).billedPartnerId("P").subscriptionId("plan").entitlementId("S")
        .usageDate(LocalDate.parse("2026-03-05")).productId("prod").skuId("0001").meterId("m")
        .quantity(new BigDecimal(quantity)).unitPrice(new BigDecimal("0.50")).pricingCurrency("USD")
        .billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE).build();
  }

  private static final LineResult ELIGIBLE = WITH_OWNER.evaluate(vm("C", "24"));
  private static final LineResult LOST = NO_GRANTS.evaluate(vm("C", "24"));

  private static ReconciledLine exact(LineResult r, String pct, String eup, String total) {
    return Reconciler.exact().reconcile(1, r, Reported.of(pct, eup, total));
  }

  @Nested
  class Kinds {
    @Test
    void openpecsOwnFiguresMatch() {
      ReconciledLine row = exact(ELIGIBLE, "15", "0.4250", "10.20");
      assertThat(row.kind()).isEqualTo(MATCH);
      assertThat(row.amountAtStake()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("0"));
      assertThat(row.reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(row.expectedPercentage()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("15"));
      assertThat(row.expectedEffectiveUnitPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.425"));
      assertThat(row.expectedBillingPreTaxTotal()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("10.2"));
    }

    @Test
    void percentagesCompareByValue() {
      assertThat(exact(ELIGIBLE, "15.0", "0.425", "10.2").kind()).isEqualTo(MATCH);
      assertThat(exact(ELIGIBLE, "1.5E1", "0.425", "10.2").kind()).isEqualTo(MATCH);
      assertThat(exact(LOST, "0.00", "0.50", "12").kind()).isEqualTo(MATCH);
    }

    @Test
    void reportedZeroWhereCreditWasEarnedIsCreditMissing() {
      ReconciledLine row = exact(ELIGIBLE, "0", "0.50", "12.00");
      assertThat(row.kind()).isEqualTo(CREDIT_MISSING);
      assertThat(row.amountAtStake()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("1.80"));
      assertThat(row.detail()).contains("expects 15 %").contains("reported 0 %");
    }

    @Test
    void reportedCreditWhereOpenpecExpectsNoneIsCreditUnexpected() {
      ReconciledLine row = exact(LOST, "15", "0.425", "10.20");
      assertThat(row.kind()).isEqualTo(CREDIT_UNEXPECTED);
      assertThat(row.reason()).isEqualTo(Reason.NO_ACCESS);
      assertThat(row.amountAtStake()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("-1.80"));
    }

    @Test
    void twoDifferentPositivePercentagesAreARateMismatch() {
      ReconciledLine row = exact(ELIGIBLE, "12", "0.44", "10.56");
      assertThat(row.kind()).isEqualTo(RATE_MISMATCH);
      assertThat(row.amountAtStake()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("0.36"));
    }

    @Test
    void aNegativeReportedPercentageIsARateMismatch() {
      assertThat(exact(ELIGIBLE, "-15", "0.425", "10.20").kind()).isEqualTo(RATE_MISMATCH);
      assertThat(exact(LOST, "-15", "0.50", "12").kind()).isEqualTo(RATE_MISMATCH);
    }

    @Test
    void aPriceOneUnitOfTheReportedLastPlaceAwayIsAPriceMismatch() {
      assertThat(exact(ELIGIBLE, "15", "0.426", "10.20").kind()).isEqualTo(PRICE_MISMATCH);
      assertThat(exact(ELIGIBLE, "15", "0.4251", "10.20").kind()).isEqualTo(PRICE_MISMATCH);
      assertThat(exact(ELIGIBLE, "15", "0.424", "10.20").kind()).isEqualTo(PRICE_MISMATCH);
    }

    @Test
    void aPriceWithinOneUnitOfTheReportedLastPlaceMatchesWhateverTheRounding() {
      assertThat(exact(ELIGIBLE, "15", "0.43", "10.20").kind()).isEqualTo(MATCH);   // rounded up
      assertThat(exact(ELIGIBLE, "15", "0.42", "10.20").kind()).isEqualTo(MATCH);   // rounded down
      assertThat(exact(ELIGIBLE, "15", "0", "10.20").kind()).isEqualTo(MATCH);      // unit 1
      assertThat(exact(ELIGIBLE, "15", "4.25E-1", "10.20").kind()).isEqualTo(MATCH);
      assertThat(exact(ELIGIBLE, "15", "4.26E-1", "10.20").kind()).isEqualTo(PRICE_MISMATCH); // unit 0.001
    }

    @Test
    void differentTotalsAreATotalMismatch() {
      ReconciledLine row = exact(ELIGIBLE, "15", "0.425", "10.21");
      assertThat(row.kind()).isEqualTo(TOTAL_MISMATCH);
      assertThat(row.amountAtStake()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("0.01"));
    }
  }

  @Nested
  class Order {
    @Test
    void anUnusableReportedValueWinsOverEveryDifference() {
      ReconciledLine row = exact(ELIGIBLE, "0", "0.99", "");
      assertThat(row.kind()).isEqualTo(REJECTED);
      assertThat(row.reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(row.expectedPercentage()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("15"));
      assertThat(row.expectedBillingPreTaxTotal()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("10.20"));
      assertThat(row.amountAtStake()).isEmpty();
      assertThat(row.reported().billingPreTaxTotal()).isEmpty();
      assertThat(row.detail()).isEqualTo("BillingPreTaxTotal is empty");
    }

    @Test
    void creditMissingWinsOverPriceAndTotal() {
      assertThat(exact(ELIGIBLE, "0", "0.99", "99").kind()).isEqualTo(CREDIT_MISSING);
    }

    @Test
    void creditUnexpectedWinsOverPriceAndTotal() {
      assertThat(exact(LOST, "15", "0.99", "99").kind()).isEqualTo(CREDIT_UNEXPECTED);
    }

    @Test
    void rateMismatchWinsOverPriceAndTotal() {
      assertThat(exact(ELIGIBLE, "12", "0.99", "99").kind()).isEqualTo(RATE_MISMATCH);
    }

    @Test
    void priceMismatchWinsOverTotal() {
      assertThat(exact(ELIGIBLE, "15", "0.99", "99").kind()).isEqualTo(PRICE_MISMATCH);
    }
  }

  @Nested
  class Rejected {
    @Test
    void absentEmptyOrNonNumericReportedValuesReject() {
      assertThat(exact(ELIGIBLE, null, "0.425", "10.20").detail()).isEqualTo("PartnerEarnedCreditPercentage is absent");
      assertThat(exact(ELIGIBLE, "  ", "0.425", "10.20").detail()).isEqualTo("PartnerEarnedCreditPercentage is empty");
      for (String bad : List.of("15%", " 15", "1,5", "NaN", "Infinity", "1e", ".", "+", "0x1F", "١٥")) {
        ReconciledLine row = exact(ELIGIBLE, bad, "0.425", "10.20");
        assertThat(row.kind()).as(bad).isEqualTo(REJECTED);
        assertThat(row.detail()).as(bad).isEqualTo("PartnerEarnedCreditPercentage is not a number: \"" + bad + "\"");
      }
      assertThat(exact(ELIGIBLE, "15", "n/a", null).detail())
          .isEqualTo("EffectiveUnitPrice is not a number: \"n/a\"; BillingPreTaxTotal is absent");
    }

    @Test
    void numbersOfTheFileGrammarAreAccepted() {
      for (String ok : List.of("15", "+15", "15.", "15.000", "1.5e1", "150E-1", "1.5E+1")) {
        assertThat(exact(ELIGIBLE, ok, "0.425", "10.20").kind()).as(ok).isEqualTo(MATCH);
      }
      assertThat(exact(ELIGIBLE, "15", ".425", "10.20").kind()).isEqualTo(MATCH);
    }

    @Test
    void anUnreadableRecordHasNoExpectation() {
      ReconciledLine row = Reconciler.exact().unreadable(9, " C7 ", Reported.absent(),
          "usage.csv:10:35: Quantity must be a decimal number, was \"x\"");
      assertThat(row.kind()).isEqualTo(REJECTED);
      assertThat(row.reason()).isEqualTo(Reason.REJECTED);
      assertThat(row.customerId()).isEqualTo("C7");
      assertThat(row.expected()).isEmpty();
      assertThat(row.expectedPercentage()).isEmpty();
      assertThat(row.amountAtStake()).isEmpty();
      assertThat(row.billingCurrency()).isEmpty();
      assertThat(row.detail()).startsWith("usage.csv:10:35");
    }
  }

  @Nested
  class Tolerances {
    @Test
    void theTotalToleranceAllowsDifferencesUpToItself() {
      Reconciler r = Reconciler.exact().withTotalTolerance(new BigDecimal("0.01"));
      assertThat(r.reconcile(1, ELIGIBLE, Reported.of("15", "0.425", "10.21")).kind()).isEqualTo(MATCH);
      assertThat(r.reconcile(1, ELIGIBLE, Reported.of("15", "0.425", "10.19")).kind()).isEqualTo(MATCH);
      assertThat(r.reconcile(1, ELIGIBLE, Reported.of("15", "0.425", "10.22")).kind()).isEqualTo(TOTAL_MISMATCH);
      assertThat(r.withTotalTolerance(new BigDecimal("0.009")).reconcile(1, ELIGIBLE,
          Reported.of("15", "0.425", "10.21")).kind()).isEqualTo(TOTAL_MISMATCH);
    }

    @Test
    void thePriceToleranceAddsToTheUnitOfTheLastPlace() {
      // |0.44 − 0.425| = 0.015; unit 0.01
      assertThat(exact(ELIGIBLE, "15", "0.44", "10.20").kind()).isEqualTo(PRICE_MISMATCH);
      Reconciler half = Reconciler.of(new BigDecimal("0.005"), BigDecimal.ZERO);
      assertThat(half.reconcile(1, ELIGIBLE, Reported.of("15", "0.44", "10.20")).kind()).isEqualTo(PRICE_MISMATCH);
      Reconciler more = half.withPriceTolerance(new BigDecimal("0.0051"));
      assertThat(more.reconcile(1, ELIGIBLE, Reported.of("15", "0.44", "10.20")).kind()).isEqualTo(MATCH);
      assertThat(more.priceTolerance()).isEqualByComparingTo("0.0051");
    }

    @Test
    void toleranceNeverHidesAPercentageDifference() {
      Reconciler lax = Reconciler.of(BigDecimal.TEN, BigDecimal.TEN);
      assertThat(lax.reconcile(1, ELIGIBLE, Reported.of("0", "0.50", "12")).kind()).isEqualTo(CREDIT_MISSING);
    }

    @Test
    void negativeTolerancesAreRefused() {
      assertThatIllegalArgumentException().isThrownBy(() -> Reconciler.of(new BigDecimal("-0.01"), BigDecimal.ZERO))
          .withMessageContaining("priceTolerance");
      assertThatIllegalArgumentException().isThrownBy(() -> Reconciler.exact().withTotalTolerance(BigDecimal.ONE.negate()))
          .withMessageContaining("totalTolerance");
    }
  }

  @Nested
  class Repricing {
    @Test
    void theExpectedPriceOfARepricedLineIsTheDisplayedDivision() {
      LineResult r = WITH_OWNER.evaluate(vm("C", "3"), new BigDecimal("1"));
      // 1 × 0.85 / 3 = 0.2833333333333333 (scale 16, HALF_EVEN)
      assertThat(r.amounts().effectiveUnitPrice()).isEqualByComparingTo("0.2833333333333333");
      assertThat(exact(r, "15", "0.2833333333333333", "0.85").kind()).isEqualTo(MATCH);
      assertThat(exact(r, "15", "0.2833333333333334", "0.85").kind()).isEqualTo(PRICE_MISMATCH);
      assertThat(exact(r, "15", "0.28333", "0.85").kind()).isEqualTo(MATCH);
    }

    @Test
    void aRepricedLineOfQuantityZeroGetsNoPriceTest() {
      LineResult r = WITH_OWNER.evaluate(vm("C", "0"), new BigDecimal("2"));
      assertThat(r.amounts().effectiveUnitPrice()).isNull();
      ReconciledLine row = exact(r, "15", "123.45", "1.70");
      assertThat(row.kind()).isEqualTo(MATCH);
      assertThat(row.expectedEffectiveUnitPrice()).isEmpty();
      assertThat(exact(r, "15", "123.45", "1.71").kind()).isEqualTo(TOTAL_MISMATCH);
    }

    @Test
    void aLineOfQuantityZeroPricedByItsOwnUnitPriceStillGetsThePriceTest() {
      LineResult r = WITH_OWNER.evaluate(vm("C", "0"));
      assertThat(exact(r, "15", "0.425", "0").kind()).isEqualTo(MATCH);
      assertThat(exact(r, "15", "0.50", "0").kind()).isEqualTo(PRICE_MISMATCH);
    }
  }

  @Test
  void aFractionalRateIsExpectedAsItsPercentage() {
    PecCalculator calc = PecCalculator.builder().addGrants(OWNER)
        .rates(org.openpec.money.PecRate.flat(new BigDecimal("0.175"))).build();
    LineResult r = calc.evaluate(vm("C", "24"));
    ReconciledLine row = exact(r, "17.50", "0.4125", "9.90");
    assertThat(row.expectedPercentage()).hasValueSatisfying(p -> assertThat(p.toPlainString()).isEqualTo("17.5"));
    assertThat(row.kind()).isEqualTo(MATCH);
    assertThat(exact(r, "15", "0.425", "10.20").kind()).isEqualTo(RATE_MISMATCH);
  }

  @Test
  void recordNumbersAreNotNegative() {
    assertThatIllegalArgumentException().isThrownBy(() -> Reconciler.exact().reconcile(-1, ELIGIBLE,
        Reported.of("15", "0.425", "10.20"))).withMessageContaining("recordNumber");
  }
}
