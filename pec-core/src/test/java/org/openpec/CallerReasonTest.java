package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.openpec.Samples.ownerAllMonth;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openpec.internal.io.CreditCsv;
import org.openpec.internal.io.LossesCsv;
import org.openpec.internal.losses.LossReport;
import org.openpec.internal.losses.LossTracker;
import org.openpec.model.UsageLine;
import org.openpec.internal.reconcile.ReconciledLine;
import org.openpec.internal.reconcile.Reconciler;
import org.openpec.internal.reconcile.Reported;
import org.openpec.rules.EligibilityRule;
import org.openpec.rules.Reason;
import org.openpec.rules.Rules;
import org.openpec.rules.Verdict;

/**
 * A caller's rule fails with a code of its own, declared as a product exclusion or as a loss, and the code flows
 * everywhere a standard code does: the line's result, the credit row, the statement, the losses and the
 * reconciliation.
 */
class CallerReasonTest {

  private static final Reason EXCLUDED = Reason.productExclusion("SUBSCRIPTION_EXCLUDED");
  private static final Reason ON_HOLD = Reason.loss("CUSTOMER_ON_HOLD");

  private static EligibilityRule failingFor(String entitlement, Reason reason) {
    String rule = "not " + entitlement;
    return Rules.named(rule, f -> f.line().entitlementId().equals(entitlement)
        ? Verdict.fail(rule, reason, entitlement + " is " + reason.name().toLowerCase(java.util.Locale.ROOT))
        : Verdict.pass(rule, "other subscription"));
  }

  private static UsageLine line(String day) {
    return Samples.vm(day);
  }

  private static PecCalculator calculator(Reason reason) {
    return PecCalculator.builder().addGrants(ownerAllMonth())
        .rule(Rules.standard().and(failingFor(line("2026-03-05").entitlementId(), reason))).build();
  }

  @Test
  void aCallersProductExclusionIsNoLossAndEarnsNothing() {
    LineResult r = calculator(EXCLUDED).evaluate(line("2026-03-05"));
    assertThat(r.reason()).isSameAs(EXCLUDED);
    assertThat(r.amounts().credit()).isEqualByComparingTo("0");
    assertThat(r.creditLost()).isEqualByComparingTo("0");
    assertThat(CreditCsv.cells(1, r)).contains("SUBSCRIPTION_EXCLUDED");
    CreditStatement s = CreditStatement.of(r);
    assertThat(s.count(EXCLUDED)).isEqualTo(1);
    assertThat(s.productEligible().lines()).isZero();
    assertThat(LossTracker.isLoss(r)).isFalse();
  }

  @Test
  void aCallersLossIsCountedExplainedAndReconciledUnderItsCode() {
    PecCalculator pec = calculator(ON_HOLD);
    List<LineResult> results = Stream.of("2026-03-05", "2026-03-06").map(d -> pec.evaluate(line(d))).toList();
    LineResult r = results.get(0);
    assertThat(r.reason()).isSameAs(ON_HOLD);
    assertThat(r.creditLost()).isEqualByComparingTo(r.amounts().listCost().multiply(new BigDecimal("0.15")));
    assertThat(CreditCsv.cells(1, r)).contains("CUSTOMER_ON_HOLD");
    assertThat(CreditStatement.of(r).productEligible().lines()).isEqualTo(1);

    LossReport losses = results.stream().collect(LossTracker.collector(pec));
    assertThat(losses.byReason()).containsOnlyKeys(ON_HOLD);
    assertThat(losses.episodes()).hasSize(1);
    assertThat(LossesCsv.cells(losses.episodes().get(0))).contains("CUSTOMER_ON_HOLD");

    ReconciledLine row = Reconciler.exact().reconcile(1, r, Reported.of("15", "0.425", "10.20"));
    assertThat(row.reason()).isSameAs(ON_HOLD);
  }

  @Test
  void codesAreDeclaredOnceAndFoundByName() {
    assertThat(Reason.valueOf("SUBSCRIPTION_EXCLUDED")).isSameAs(EXCLUDED);
    assertThat(Reason.productExclusion("SUBSCRIPTION_EXCLUDED")).isSameAs(EXCLUDED);
    assertThat(Reason.valueOf("NO_ACCESS")).isSameAs(Reason.NO_ACCESS);
    assertThatIllegalArgumentException().isThrownBy(() -> Reason.loss("SUBSCRIPTION_EXCLUDED"))
        .withMessageContaining("product exclusion");
    assertThatIllegalArgumentException().isThrownBy(() -> Reason.loss("NO_ACCESS")).withMessageContaining("standard");
    assertThatIllegalArgumentException().isThrownBy(() -> Reason.loss("bad name"));
    assertThat(EXCLUDED.isStandard()).isFalse();
    assertThat(Reason.values()).allMatch(Reason::isStandard).contains(Reason.RULE_NOT_MET);
    assertThat(Reason.REJECTED.compareTo(EXCLUDED)).isNegative();
  }

  @Test
  void anAnonymousCompositionStillFailsWithRuleNotMet() {
    PecCalculator pec = PecCalculator.builder().addGrants(ownerAllMonth())
        .rule(Rules.standard().and(Rules.anyOf(List.of()))).build();
    assertThat(pec.evaluate(line("2026-03-05")).reason()).isSameAs(Reason.RULE_NOT_MET);
  }

  @Test
  void calculatorsAreEqualOnlyToThemselves() {
    PecCalculator empty = PecCalculator.builder().build();
    PecCalculator withGrant = PecCalculator.builder().addGrants(ownerAllMonth()).build();
    assertThat(withGrant).isNotEqualTo(empty).isEqualTo(withGrant);
    assertThat(PecCalculator.builder().build()).isNotEqualTo(empty);
    assertThat(withGrant.hashCode()).isEqualTo(System.identityHashCode(withGrant));
  }
}
