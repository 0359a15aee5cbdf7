package org.openpec.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How rules combine: descriptions, which child gives the detail, and the named product rules in order. */
class RuleCombinatorsTest {

  private static EligibilityRule passing(String name, String detail) {
    return Rules.named(name, facts -> Verdict.pass(name, detail));
  }

  private static EligibilityRule failing(String name, Reason reason, String detail) {
    return Rules.named(name, facts -> Verdict.fail(name, reason, detail));
  }

  @Test
  void theProductRulesAreTheSixNamedRulesInSpecOrder() {
    assertThat(Rules.productRules()).containsExactly(Rules.inPriceList(), Rules.notThirdParty(),
        Rules.notReservation(), Rules.notMarketplace(), Rules.notSpot(), Rules.notBenefitCovered());
    assertThat(Rules.productRules()).extracting(EligibilityRule::description).doesNotContainNull()
        .allSatisfy(d -> assertThat(d).isNotBlank()).doesNotHaveDuplicates();
  }

  @Test
  void descriptionsJoinThePartsInOrder() {
    EligibilityRule a = passing("a", "ok");
    EligibilityRule b = failing("b", Reason.MARKETPLACE, "no");
    assertThat(Rules.allOf(List.of(a, b)).description()).isEqualTo("all of: a; b");
    assertThat(Rules.anyOf(List.of(a, b)).description()).isEqualTo("any of: a; b");
    assertThat(Rules.allOf(List.of()).description()).isEqualTo("always");
    assertThat(Rules.anyOf(List.of()).description()).isEqualTo("never");
    assertThat(Rules.allOf(List.of(a)).description()).isEqualTo("all of: a");
  }

  @Test
  void allOfFailsWithTheFirstFailureAndListsEveryChild() {
    Verdict v = Rules.allOf(List.of(passing("a", "ok"), failing("b", Reason.MARKETPLACE, "b fails"),
        failing("c", Reason.SPOT_VM, "c fails"))).evaluate(null);
    assertThat(v.isEligible()).isFalse();
    assertThat(v.reason()).isEqualTo(Reason.MARKETPLACE);
    assertThat(v.detail()).isEqualTo("b fails");
    assertThat(v.failures()).containsExactly(Reason.MARKETPLACE, Reason.SPOT_VM);
    Verdict all = Rules.allOf(List.of(passing("a", "ok"), passing("b", "fine"))).evaluate(null);
    assertThat(all.isEligible()).isTrue();
    assertThat(all.detail()).isEqualTo("every rule holds");
    assertThat(Rules.allOf(List.of()).evaluate(null).detail()).isEqualTo("no rule to hold");
  }

  @Test
  void anyOfTakesTheFirstPassingDetailAndFailsWithTheFirstChildsReason() {
    Verdict v = Rules.anyOf(List.of(failing("a", Reason.MARKETPLACE, "a fails"), passing("b", "b holds"),
        passing("c", "c holds"))).evaluate(null);
    assertThat(v.isEligible()).isTrue();
    assertThat(v.detail()).isEqualTo("b holds");
    Verdict none = Rules.anyOf(List.of(failing("a", Reason.SPOT_VM, "a fails"),
        failing("b", Reason.MARKETPLACE, "b fails"))).evaluate(null);
    assertThat(none.isEligible()).isFalse();
    assertThat(none.reason()).isEqualTo(Reason.SPOT_VM);
    assertThat(none.detail()).isEqualTo("a fails");
    Verdict empty = Rules.anyOf(List.of()).evaluate(null);
    assertThat(empty.isEligible()).isFalse();
    assertThat(empty.reason()).isEqualTo(Reason.RULE_NOT_MET);
  }

  @Test
  void notInvertsWithTheGivenReason() {
    Verdict v = Rules.not(passing("a", "ok"), Reason.MARKETPLACE).evaluate(null);
    assertThat(v.isEligible()).isFalse();
    assertThat(v.reason()).isEqualTo(Reason.MARKETPLACE);
    assertThat(v.detail()).isEqualTo("holds: ok");
    assertThat(Rules.not(failing("a", Reason.SPOT_VM, "no"), Reason.MARKETPLACE).evaluate(null).detail())
        .isEqualTo("does not hold: no");
  }
}
