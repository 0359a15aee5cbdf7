package org.openpec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openpec.model.AccessGrant;
import org.openpec.model.PriceListEntry;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;

class RulesTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-05");

  private static final AccessGrant OWNER = AccessGrant.builder().grantId("G1").partnerId("P").channel("AOBO")
      .roleName("Owner").scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-20T08:00:00Z"))
      .build();

  /** A line of the given product attributes; everything else plain. */
  private static UsageLine line(String publisher, String meterName, String subCategory, String skuName,
      String benefitId, String benefitType, String chargeType) {
    return UsageLine.builder().customerId("C").billedPartnerId("P").subscriptionId("plan").entitlementId("S")
        .usageDate(DAY).productId("DZH318Z0BQ4L").skuId("0001").meterId("m1").quantity(new BigDecimal("24"))
        .unitPrice(new BigDecimal("0.50")).pricingCurrency("USD").billingCurrency("USD")
        .pcToBcExchangeRate(BigDecimal.ONE).publisherName(publisher).meterName(meterName)
        .meterSubCategory(subCategory).skuName(skuName).benefitId(benefitId).benefitType(benefitType)
        .chargeType(chargeType).build();
  }

  private static UsageLine plainLine() {
    return line("Microsoft", "D2s v3", "Virtual Machines", "D2s_v3", "", "", "Usage");
  }

  private static PriceListEntry entry(String tags, String skuTitle) {
    return PriceListEntry.builder().productId("DZH318Z0BQ4L").skuId("0001").tags(tags).skuTitle(skuTitle).build();
  }

  private static Verdict standard(UsageLine line, Optional<List<PriceListEntry>> entries, AccessGrant... grants) {
    return Rules.standard().explain(LineFacts.of(line, entries, List.of(grants)));
  }

  @Nested
  class ProductRules {

    /** A line that every product rule from the first on excludes, with the entries for rules 1–3 and 5. */
    private final UsageLine everything = line("Contoso", "D2s v3 Spot", "Virtual Machines", "D2s_v3", "ri-1",
        "Reservation", "Purchase");

    @Test
    void aPlainFirstPartyLineWithOwnerAllDayIsEligible() {
      Verdict v = standard(plainLine(), Optional.of(List.of(entry("Azure", "D2s v3"))), OWNER);
      assertThat(v.isEligible()).isTrue();
      assertThat(v.reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(v.failures()).isEmpty();
    }

    @Test
    void notInThePriceListComesFirst() {
      Verdict v = standard(everything, Optional.of(List.of()), OWNER);
      assertThat(v.reason()).isEqualTo(Reason.NOT_IN_PRICE_LIST);
      // No entry: no tag can apply, but the purchase still fails rule 3.
      assertThat(v.failures()).containsExactly(Reason.NOT_IN_PRICE_LIST, Reason.RESERVATION, Reason.MARKETPLACE,
          Reason.SPOT_VM, Reason.BENEFIT_COVERED);
    }

    @Test
    void thirdPartyComesSecond() {
      Verdict v = standard(everything, Optional.of(List.of(entry("Third Party;Reservations", "D2s v3"))), OWNER);
      assertThat(v.reason()).isEqualTo(Reason.THIRD_PARTY);
      assertThat(v.failures()).containsExactly(Reason.THIRD_PARTY, Reason.RESERVATION, Reason.MARKETPLACE,
          Reason.SPOT_VM, Reason.BENEFIT_COVERED);
    }

    @Test
    void reservationComesThirdByTagOrByPurchase() {
      assertThat(standard(everything, Optional.of(List.of(entry("reservations", "D2s v3"))), OWNER).reason())
          .isEqualTo(Reason.RESERVATION);
      assertThat(standard(everything, Optional.of(List.of(entry("", "D2s v3"))), OWNER).reason())
          .isEqualTo(Reason.RESERVATION);
      assertThat(standard(line("", "D2s v3", "", "", "", "", " purchase "), Optional.of(List.of(entry("", ""))),
          OWNER).reason()).isEqualTo(Reason.RESERVATION);
    }

    @Test
    void marketplaceComesFourth() {
      UsageLine market = line(" Contoso ", "D2s v3 Spot", "", "", "ri-1", "", "Usage");
      Verdict v = standard(market, Optional.of(List.of(entry("", ""))), OWNER);
      assertThat(v.reason()).isEqualTo(Reason.MARKETPLACE);
      assertThat(v.failures()).containsExactly(Reason.MARKETPLACE, Reason.SPOT_VM, Reason.BENEFIT_COVERED);
    }

    @Test
    void microsoftAndAnEmptyPublisherAreFirstParty() {
      for (String publisher : List.of("", "   ", "Microsoft", " MICROSOFT ")) {
        assertThat(standard(line(publisher, "D2s v3", "", "", "", "", ""), Optional.empty(), OWNER).reason())
            .as("publisher %s", publisher).isEqualTo(Reason.ELIGIBLE);
      }
    }

    @Test
    void spotComesFifthFromAnyOfItsFourSources() {
      assertThat(standard(line("", "Spot", "", "", "ri", "", ""), Optional.empty(), OWNER).failures())
          .containsExactly(Reason.SPOT_VM, Reason.BENEFIT_COVERED);
      assertThat(standard(line("", "", "Virtual Machines Dv3 Series Spot", "", "", "", ""), Optional.empty(), OWNER)
          .reason()).isEqualTo(Reason.SPOT_VM);
      assertThat(standard(line("", "", "", "D2s_v3_Spot", "", "", ""), Optional.empty(), OWNER).reason())
          .isEqualTo(Reason.SPOT_VM);
      assertThat(standard(plainLine(), Optional.of(List.of(entry("", "D2s v3 Low Priority"), entry("", "D2s v3 Spot"))),
          OWNER).reason()).as("a Spot SkuTitle on any matching entry applies").isEqualTo(Reason.SPOT_VM);
    }

    @Test
    void benefitCoveredComesSixthByTypeOrById() {
      assertThat(standard(line("", "", "", "", "ri-1", "", ""), Optional.empty(), OWNER).reason())
          .isEqualTo(Reason.BENEFIT_COVERED);
      assertThat(standard(line("", "", "", "", "", "SavingsPlan", ""), Optional.empty(), OWNER).reason())
          .isEqualTo(Reason.BENEFIT_COVERED);
    }

    @Test
    void productRulesComeBeforeAccess() {
      Verdict v = standard(line("Contoso", "", "", "", "", "", ""), Optional.empty());
      assertThat(v.reason()).isEqualTo(Reason.MARKETPLACE);
      assertThat(v.failures()).containsExactly(Reason.MARKETPLACE, Reason.NO_ACCESS);
    }
  }

  @Nested
  class WithoutAPriceList {
    @Test
    void rulesOneToThreeAreSkippedAndSaySo() {
      Verdict v = standard(line("", "", "", "", "", "", "Purchase"), Optional.empty(), OWNER);
      assertThat(v.reason()).as("the purchase test of rule 3 is skipped too").isEqualTo(Reason.ELIGIBLE);
      List<Verdict> parts = v.children();
      assertThat(parts.subList(0, 3)).allSatisfy(p -> {
        assertThat(p.isEligible()).isTrue();
        assertThat(p.detail()).contains("no price list");
      });
    }

    @Test
    void rulesFourToSixStillApply() {
      assertThat(standard(line("Contoso", "", "", "", "", "", ""), Optional.empty(), OWNER).reason())
          .isEqualTo(Reason.MARKETPLACE);
      assertThat(standard(line("", "Spot", "", "", "", "", ""), Optional.empty(), OWNER).reason())
          .isEqualTo(Reason.SPOT_VM);
      assertThat(standard(line("", "", "", "", "x", "", ""), Optional.empty(), OWNER).reason())
          .isEqualTo(Reason.BENEFIT_COVERED);
    }
  }

  @ParameterizedTest(name = "\"{0}\" holds the word Spot: {1}")
  @CsvSource(delimiter = '|', value = {
      "Spot|true", "spot|true", "SPOT|true", "D2s v3 Spot|true", "D2s_v3_Spot|true", "Spot_D2s|true",
      "Low Priority/Spot|true", "spot-instance|true", "(Spot)|true", "Dv3 Spot Series|true",
      "Spotlight|false", "Spots|false", "aspot|false", "Spot1|false", "9spot|false", "éspot|false", "spotÉ|false",
      "Sp ot|false", "''|false", "Spotlight Spot|true", "Spotlight Spots|false"})
  void spotMustBeAWholeWord(String text, boolean expected) {
    assertThat(Rules.hasWordSpot(text)).isEqualTo(expected);
  }

  @Nested
  class Combinators {
    private final AtomicInteger evaluations = new AtomicInteger();
    private final LineFacts facts = LineFacts.of(plainLine(), Optional.empty(), List.of());

    private EligibilityRule pass(String name) {
      return Rules.named(name, f -> {
        evaluations.incrementAndGet();
        return Verdict.pass(name, "ok");
      });
    }

    private EligibilityRule fail(String name, Reason reason) {
      return Rules.named(name, f -> {
        evaluations.incrementAndGet();
        return Verdict.fail(name, reason, "no");
      });
    }

    @Test
    void anEmptyAllOfIsEligible() {
      Verdict v = Rules.allOf(List.of()).explain(facts);
      assertThat(v.isEligible()).isTrue();
      assertThat(v.failures()).isEmpty();
      assertThat(Rules.allOf(List.of()).description()).isEqualTo("always");
    }

    @Test
    void anEmptyAnyOfIsNotEligible() {
      Verdict v = Rules.anyOf(List.of()).explain(facts);
      assertThat(v.isEligible()).isFalse();
      assertThat(v.reason()).isEqualTo(Reason.RULE_NOT_MET);
      assertThat(v.failures()).containsExactly(Reason.RULE_NOT_MET);
      assertThat(Rules.anyOf(List.of()).description()).isEqualTo("never");
    }

    @Test
    void allOfEvaluatesEveryRuleAndNamesTheFirstFailure() {
      Verdict v = Rules.allOf(List.of(pass("a"), fail("b", Reason.SPOT_VM), fail("c", Reason.MARKETPLACE), pass("d")))
          .explain(facts);
      assertThat(evaluations).hasValue(4);
      assertThat(v.isEligible()).isFalse();
      assertThat(v.reason()).isEqualTo(Reason.SPOT_VM);
      assertThat(v.failures()).containsExactly(Reason.SPOT_VM, Reason.MARKETPLACE);
      assertThat(v.children()).extracting(Verdict::rule).containsExactly("a", "b", "c", "d");
    }

    @Test
    void allOfOfPassingRulesIsEligible() {
      assertThat(Rules.allOf(List.of(pass("a"), pass("b"))).explain(facts).isEligible()).isTrue();
    }

    @Test
    void anyOfEvaluatesEveryRuleAndHoldsWhenOneHolds() {
      Verdict v = Rules.anyOf(List.of(fail("a", Reason.SPOT_VM), pass("b"), fail("c", Reason.MARKETPLACE)))
          .explain(facts);
      assertThat(evaluations).hasValue(3);
      assertThat(v.isEligible()).isTrue();
      assertThat(v.reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void anyOfWithoutAPassingRuleGivesTheFirstRulesReason() {
      Verdict v = Rules.anyOf(List.of(fail("a", Reason.SPOT_VM), fail("b", Reason.MARKETPLACE))).explain(facts);
      assertThat(v.reason()).isEqualTo(Reason.SPOT_VM);
      assertThat(v.failures()).containsExactly(Reason.SPOT_VM, Reason.MARKETPLACE);
    }

    @Test
    void decideStopsAtTheFirstFailureWhereExplainEvaluatesEveryRule() {
      EligibilityRule all = Rules.allOf(List.of(pass("a"), fail("b", Reason.SPOT_VM), fail("c", Reason.MARKETPLACE)));
      Decision d = all.decide(facts);
      assertThat(evaluations).hasValue(2);
      assertThat(d.reason()).isEqualTo(Reason.SPOT_VM);
      assertThat(d).isEqualTo(all.explain(facts).decision());
      evaluations.set(0);
      EligibilityRule any = Rules.anyOf(List.of(fail("a", Reason.SPOT_VM), pass("b"), fail("c", Reason.MARKETPLACE)));
      assertThat(any.decide(facts).isEligible()).isTrue();
      assertThat(evaluations).hasValue(2);
    }

    @Test
    void aNegationNeedsAFailingReason() {
      assertThatIllegalArgumentException().isThrownBy(() -> Rules.not(pass("a"), Reason.ELIGIBLE));
    }

    @Test
    void notInvertsARuleWithTheGivenReason() {
      Verdict negatedPass = Rules.not(pass("a"), Reason.RULE_NOT_MET).explain(facts);
      assertThat(negatedPass.isEligible()).isFalse();
      assertThat(negatedPass.reason()).isEqualTo(Reason.RULE_NOT_MET);
      assertThat(negatedPass.failures()).containsExactly(Reason.RULE_NOT_MET);
      assertThat(Rules.not(fail("b", Reason.SPOT_VM), Reason.RULE_NOT_MET).explain(facts).isEligible()).isTrue();
      assertThat(Rules.not(pass("a"), Reason.RULE_NOT_MET).description()).isEqualTo("not (a)");
    }

    @Test
    void failuresListEveryFailingRuleOfANestedComposition() {
      Verdict v = Rules.allOf(List.of(fail("a", Reason.SPOT_VM), Rules.not(pass("b"), Reason.RULE_NOT_MET),
          Rules.allOf(List.of(pass("c"), fail("d", Reason.MARKETPLACE))))).explain(facts);
      assertThat(v.reason()).isEqualTo(Reason.SPOT_VM);
      assertThat(v.failures()).containsExactly(Reason.SPOT_VM, Reason.RULE_NOT_MET, Reason.MARKETPLACE);
    }

    @Test
    void anEligibleVerdictListsNoFailureEvenWhenAnAlternativeFailed() {
      assertThat(Rules.anyOf(List.of(fail("a", Reason.SPOT_VM), pass("b"))).explain(facts).failures()).isEmpty();
      assertThat(Rules.not(fail("a", Reason.SPOT_VM), Reason.RULE_NOT_MET).explain(facts).failures()).isEmpty();
      Verdict v = Rules.allOf(List.of(Rules.anyOf(List.of(fail("a", Reason.SPOT_VM), pass("b"))),
          fail("c", Reason.MARKETPLACE))).explain(facts);
      assertThat(v.failures()).containsExactly(Reason.MARKETPLACE);
    }

    @Test
    void andOrAndNegateAreTheCombinators() {
      assertThat(pass("a").and(fail("b", Reason.SPOT_VM)).explain(facts).reason()).isEqualTo(Reason.SPOT_VM);
      assertThat(fail("b", Reason.SPOT_VM).or(pass("a")).explain(facts).isEligible()).isTrue();
      assertThat(pass("a").negate(Reason.MARKETPLACE).explain(facts).reason()).isEqualTo(Reason.MARKETPLACE);
    }

    @Test
    void aCallerCanDropARuleFromTheStandardList() {
      UsageLine spot = line("", "Spot", "", "", "", "", "");
      List<EligibilityRule> lenient = Rules.standardRules().stream().filter(r -> r != Rules.notSpot()).toList();
      assertThat(Rules.allOf(lenient).explain(LineFacts.of(spot, Optional.empty(), List.of(OWNER))).reason())
          .isEqualTo(Reason.ELIGIBLE);
      assertThat(Rules.standardRules()).hasSize(8);
    }

    @Test
    void rulesReadLikeTheSpecSentences() {
      assertThat(Rules.heldAllDay().toString()).contains("all day");
      assertThat(Rules.notSpot().description()).contains("Spot");
      assertThat(Rules.standard().description()).startsWith("all of: ");
    }
  }

  @Nested
  class Verdicts {
    @Test
    void aFailureNeedsAReasonOtherThanEligible() {
      assertThatIllegalArgumentException().isThrownBy(() -> Verdict.fail("r", Reason.ELIGIBLE, "d"));
      assertThatIllegalArgumentException().isThrownBy(() -> Decision.fail(Reason.ELIGIBLE, "d"));
    }

    @Test
    void theTreeShowsEveryRule() {
      Verdict v = standard(line("Contoso", "", "", "", "", "", ""), Optional.empty());
      String tree = v.toTreeString();
      assertThat(tree).contains("[FAIL MARKETPLACE]", "[FAIL NO_ACCESS]", "[pass]");
      assertThat(tree.lines()).hasSize(1 + Rules.standardRules().size());
    }
  }
}
