package org.openpec.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceListEntry;
import org.openpec.model.RoleCatalog;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;

/** The exact outcome, detail and evidence of each rule, combinator and value type of the rules package. */
class RulesBehaviourTest {

  private static final LocalDate DAY = LocalDate.parse("2026-03-05");
  private static final Interval THE_DAY = Interval.utcDay(DAY);
  private static final Instant BEFORE = Instant.parse("2026-02-20T08:00:00Z");

  private static AccessGrant grant(String id) {
    return AccessGrant.builder().grantId(id).partnerId("P").roleName("Owner").scope(Scope.parse("/subscriptions/S"))
        .grantedAt(BEFORE).build();
  }

  private static UsageLine plain() {
    return UsageLine.builder().customerId("C").billedPartnerId("P").subscriptionId("plan").entitlementId("S")
        .usageDate(DAY).productId("DZH318Z0BQ4L").skuId("0001").meterId("m1").quantity(new BigDecimal("24"))
        .unitPrice(new BigDecimal("0.50")).pricingCurrency("USD").billingCurrency("USD")
        .pcToBcExchangeRate(BigDecimal.ONE).publisherName("Microsoft").meterName("D2s v3")
        .meterSubCategory("Virtual Machines").skuName("D2s_v3").chargeType("Usage").build();
  }

  private static LineFacts facts(UsageLine line, AccessGrant... grants) {
    return LineFacts.of(line, Optional.empty(), List.of(grants));
  }

  private static Verdict access(LineFacts f) {
    return Rules.heldAllDay().explain(f);
  }

  private static PriceListEntry.Builder entry() {
    return PriceListEntry.builder().productId("DZH318Z0BQ4L").skuId("0001");
  }

  @Nested
  class AccessFunnel {
    @Test
    void noGrantIsNoAccessWithTheWholeDayUncovered() {
      Verdict v = access(facts(plain()));
      assertThat(v.reason()).isEqualTo(Reason.NO_ACCESS);
      assertThat(v.detail()).isEqualTo("no grant reaches the resource's scope on 2026-03-05");
      AccessEvidence e = v.accessEvidence().orElseThrow();
      assertThat(e.day()).isEqualTo(THE_DAY);
      assertThat(e.steps()).extracting(FunnelStep::reasonWhenEmpty).containsExactly(Reason.NO_ACCESS);
      assertThat(e.covered().isEmpty()).isTrue();
      assertThat(e.uncovered()).isEqualTo(Timeline.of(THE_DAY));
      assertThat(e.survivors()).isEmpty();
    }

    @Test
    void onlyJustInTimeAssignmentsAreNotActive() {
      Verdict v = access(facts(plain(), grant("G2").withAssignment(Assignment.ELIGIBLE),
          grant("G1").withAssignment(Assignment.ELIGIBLE)));
      assertThat(v.reason()).isEqualTo(Reason.ASSIGNMENT_NOT_ACTIVE);
      assertThat(v.detail()).isEqualTo("only eligible (just-in-time) assignments: G1, G2");
      assertThat(v.accessEvidence().orElseThrow().steps()).extracting(FunnelStep::reasonWhenEmpty)
          .containsExactly(Reason.NO_ACCESS, Reason.ASSIGNMENT_NOT_ACTIVE);
    }

    @Test
    void onlyRolesWithoutPecAreNotEligible() {
      Verdict v = access(facts(plain(), grant("G2").withRoleName("Reader"),
          grant("G1").withRoleName("Reader").withAssignment(Assignment.ELIGIBLE)));
      assertThat(v.reason()).isEqualTo(Reason.ROLE_NOT_ELIGIBLE);
      assertThat(v.detail()).isEqualTo("only roles that do not earn PEC: Reader (G2)");
      AccessEvidence e = v.accessEvidence().orElseThrow();
      assertThat(e.steps()).hasSize(3);
      assertThat(e.steps().get(1).kept()).extracting(AccessGrant::grantId).containsExactly("G2");
      assertThat(e.survivors()).isEmpty();
    }

    @Test
    void unattributedGrantsAreNotLinked() {
      Verdict v = access(facts(plain(), grant("G3").withPartnerId(Optional.empty()),
          grant("G4").withPartnerId(" ")));
      assertThat(v.reason()).isEqualTo(Reason.PARTNER_NOT_LINKED);
      assertThat(v.detail()).isEqualTo("not linked to a partner ID: G3, G4");
      assertThat(v.accessEvidence().orElseThrow().steps()).hasSize(4);
    }

    @Test
    void grantsOfAnotherPartnerDoNotCount() {
      Verdict v = access(facts(plain(), grant("G5").withPartnerId("Q"),
          grant("G4").withPartnerId("R")));
      assertThat(v.reason()).isEqualTo(Reason.OTHER_PARTNER);
      assertThat(v.detail()).isEqualTo("held only by other partners: R (G4), Q (G5)");
      assertThat(v.accessEvidence().orElseThrow().steps()).hasSize(5);
    }

    @Test
    void theResellersGrantAndASiblingPartnerIdOfTheSameOrganisationCount() {
      assertThat(access(facts(plain().withResellerPartnerId("R"), grant("G").withPartnerId("R")))
          .isEligible()).isTrue();
      PartnerDirectory dir = PartnerDirectory.of(List.of(
          new PartnerDirectory.Membership("P", "ORG", Optional.empty(), Optional.empty()),
          new PartnerDirectory.Membership("P2", "org", Optional.empty(), Optional.empty())));
      LineFacts f = LineFacts.of(plain(), Optional.empty(), List.of(grant("G").withPartnerId("P2")),
          RoleCatalog.bundled(), dir, CoveragePolicy.UNION);
      assertThat(access(f).isEligible()).isTrue();
    }

    @Test
    void aPartlyHeldDaySaysWhichHoursAreMissing() {
      Verdict v = access(facts(plain(), grant("G").withGrantedAt(Instant.parse("2026-03-05T10:00:00Z"))));
      assertThat(v.reason()).isEqualTo(Reason.PARTIAL_DAY);
      assertThat(v.detail()).isEqualTo("held 10:00:00–24:00:00Z only; not held 00:00:00–10:00:00Z");
      AccessEvidence e = v.accessEvidence().orElseThrow();
      assertThat(e.steps()).hasSize(6);
      assertThat(e.steps().get(5).name()).isEqualTo("the union of the grants encloses the day");
      assertThat(e.survivors()).isEmpty();
      assertThat(e.covered()).isEqualTo(Timeline.of(Interval.of(Instant.parse("2026-03-05T10:00:00Z"), THE_DAY.end())));
      assertThat(e.uncovered()).isEqualTo(Timeline.of(Interval.of(THE_DAY.start(),
          Instant.parse("2026-03-05T10:00:00Z"))));
    }

    @Test
    void abuttingGrantsHoldTheDayUnderUnionButNotUnderSingle() {
      Instant noon = Instant.parse("2026-03-05T12:00:00Z");
      List<AccessGrant> two = List.of(grant("G2").withGrantedAt(noon),
          grant("G1").withRevokedAt(noon).withChannel("AOBO"));
      Verdict union = access(LineFacts.of(plain(), Optional.empty(), two, RoleCatalog.bundled(),
          PartnerDirectory.assumeAllActive(), CoveragePolicy.UNION));
      assertThat(union.isEligible()).isTrue();
      assertThat(union.detail()).isEqualTo("held all day by G1 (Owner, AOBO), G2 (Owner)");
      assertThat(union.accessEvidence().orElseThrow().survivors()).hasSize(2);
      assertThat(union.accessEvidence().orElseThrow().uncovered().isEmpty()).isTrue();
      assertThat(union.accessEvidence().orElseThrow().covered()).isEqualTo(Timeline.of(THE_DAY));

      Verdict single = access(LineFacts.of(plain(), Optional.empty(), two, RoleCatalog.bundled(),
          PartnerDirectory.assumeAllActive(), CoveragePolicy.SINGLE));
      assertThat(single.reason()).isEqualTo(Reason.PARTIAL_DAY);
      assertThat(single.detail()).isEqualTo("no single grant holds the whole day (G1, G2 together do)");
      assertThat(single.accessEvidence().orElseThrow().steps().get(5).name())
          .isEqualTo("one grant alone encloses the day");
      assertThat(access(LineFacts.of(plain(), Optional.empty(), List.of(grant("G")),
          RoleCatalog.bundled(), PartnerDirectory.assumeAllActive(), CoveragePolicy.SINGLE)).isEligible()).isTrue();
    }

    @Test
    void theStandardRuleCarriesTheFunnelsPassDetailAndEvidence() {
      LineFacts f = facts(plain(), grant("G1"));
      Decision d = Rules.standard().decide(f);
      assertThat(d.isEligible()).isTrue();
      assertThat(d.detail()).isEqualTo("held all day by G1 (Owner)");
      Verdict v = Rules.standard().explain(f);
      assertThat(v.decision()).isEqualTo(d);
      assertThat(v.detail()).isEqualTo("held all day by G1 (Owner)");
      assertThat(v.accessEvidence()).isPresent();
      assertThat(Rules.notSpot().explain(f).accessEvidence()).isEmpty();
      assertThat(Rules.heldAllDay().decide(f)).isEqualTo(d);
    }

    @Test
    void theAgreementRuleReadsThePartnerDirectory() {
      PartnerDirectory ended = PartnerDirectory.of(List.of(
          new PartnerDirectory.Membership("P", "", Optional.empty(), Optional.of(DAY.minusDays(1)))));
      LineFacts f = LineFacts.of(plain(), Optional.empty(), List.of(grant("G")),
          RoleCatalog.bundled(), ended, CoveragePolicy.UNION);
      Verdict v = Rules.agreementActive().explain(f);
      assertThat(v.reason()).isEqualTo(Reason.AGREEMENT_INACTIVE);
      assertThat(v.detail()).isEqualTo("partner P has no active agreement on 2026-03-05");
      assertThat(Rules.standard().decide(f).reason()).isEqualTo(Reason.AGREEMENT_INACTIVE);
      assertThat(Rules.agreementActive().explain(facts(plain())).isEligible()).isTrue();
    }

    @Test
    void theFunnelIsRememberedUnderTheAccessKey() {
      LineFacts base = facts(plain(), grant("G"));
      List<Object> keys = new ArrayList<>();
      LineFacts recording = new Delegating(base) {
        @Override
        public <T> T remember(Object owner, Object key, Function<LineFacts, T> compute) {
          keys.add(owner);
          keys.add(key);
          return compute.apply(this);
        }
      };
      assertThat(Rules.heldAllDay().decide(recording).isEligible()).isTrue();
      assertThat(keys).containsExactly(Rules.heldAllDay(), base.accessKey());
      assertThat(Rules.heldAllDay().description()).isEqualTo(Rules.heldAllDay().toString())
          .contains("covers the scope all day");
    }
  }

  /** Forwards every fact to another {@link LineFacts}. */
  private static class Delegating implements LineFacts {
    private final LineFacts d;

    Delegating(LineFacts d) {
      this.d = d;
    }

    @Override public UsageLine line() { return d.line(); }
    @Override public Interval day() { return d.day(); }
    @Override public Optional<List<PriceListEntry>> priceEntries() { return d.priceEntries(); }
    @Override public List<AccessGrant> grants() { return d.grants(); }
    @Override public RoleCatalog roles() { return d.roles(); }
    @Override public PartnerDirectory partners() { return d.partners(); }
    @Override public CoveragePolicy coverage() { return d.coverage(); }
  }

  @Nested
  class Facts {
    private final PartnerDirectory partners = PartnerDirectory.assumeAllActive();

    private LineFacts keyed(UsageLine line, AccessGrant... grants) {
      return LineFacts.of(line, Optional.empty(), List.of(grants), RoleCatalog.bundled(), partners,
          CoveragePolicy.UNION);
    }

    @Test
    void theAccessKeyChangesWithWhatTheFunnelReads() {
      LineFacts a = keyed(plain(), grant("G"));
      assertThat(a.accessKey()).isEqualTo(keyed(plain().withMeterId("other"), grant("G")).accessKey());
      assertThat(a.accessKey()).isNotEqualTo(keyed(plain(), grant("H")).accessKey());
      assertThat(a.accessKey()).isNotEqualTo(keyed(plain().withResellerPartnerId("R"), grant("G"))
          .accessKey());
      assertThat(a.accessKey()).isNotEqualTo(keyed(plain().withBilledPartnerId("Q"), grant("G"))
          .accessKey());
      assertThat(a.accessKey()).isNotEqualTo(keyed(plain().withUsageDate(DAY.plusDays(1)), grant("G"))
          .accessKey());
      assertThat(a.day()).isEqualTo(THE_DAY);
    }

    @Test
    void priceEntriesAreOptional() {
      LineFacts without = facts(plain());
      assertThat(without.hasPriceList()).isFalse();
      assertThat(without.priceEntriesAnyDay()).isEmpty();
      PriceListEntry e = entry().build();
      LineFacts with = LineFacts.of(plain(), Optional.of(List.of(e)), List.of());
      assertThat(with.hasPriceList()).isTrue();
      assertThat(with.priceEntriesAnyDay()).containsExactly(e);
      String remembered = with.remember("o", "k", f -> f.line().meterId());
      assertThat(remembered).isEqualTo("m1");
    }
  }

  @Nested
  class ProductRuleDetails {
    private final PriceListEntry expired = entry().tags("Third Party;Reservations").skuTitle("D2s v3 Spot")
        .effectiveEnd(DAY.minusDays(1)).build();

    private Verdict run(EligibilityRule rule, UsageLine line, PriceListEntry... entries) {
      return rule.explain(LineFacts.of(line, Optional.of(List.of(entries)), List.of()));
    }

    @Test
    void anEntryOutOfForceOnTheDayCountsForNothing() {
      Verdict v = run(Rules.inPriceList(), plain(), expired);
      assertThat(v.reason()).isEqualTo(Reason.NOT_IN_PRICE_LIST);
      assertThat(v.detail()).isEqualTo(
          "no consumption price-list entry for product DZH318Z0BQ4L, SKU 0001, meter m1 on 2026-03-05");
      assertThat(run(Rules.notThirdParty(), plain(), expired).isEligible()).isTrue();
      assertThat(run(Rules.notReservation(), plain(), expired).isEligible()).isTrue();
      assertThat(run(Rules.notSpot(), plain(), expired).isEligible()).isTrue();
      assertThat(run(Rules.inPriceList(), plain(), expired, entry().build()).detail())
          .isEqualTo("in the price list");
    }

    @Test
    void eachProductFailureSaysWhy() {
      assertThat(run(Rules.notThirdParty(), plain(), entry().tags("Third Party").build()).detail())
          .isEqualTo("the price list tags the product Third Party");
      assertThat(run(Rules.notThirdParty(), plain(), entry().build()).detail()).isEqualTo("not third party");
      assertThat(run(Rules.notReservation(), plain(), entry().tags("Reservations").build()).detail())
          .isEqualTo("the price list tags the product Reservations");
      assertThat(run(Rules.notReservation(), plain().withChargeType("Purchase"), entry().build()).detail())
          .isEqualTo("a reservation or savings-plan purchase (ChargeType Purchase)");
      assertThat(run(Rules.notReservation(), plain(), entry().build()).detail()).isEqualTo("not a reservation");
      assertThat(run(Rules.notMarketplace(), plain().withPublisherName(" Contoso ")).detail())
          .isEqualTo("marketplace product of Contoso");
      assertThat(run(Rules.notMarketplace(), plain()).detail()).isEqualTo("first-party product");
      assertThat(run(Rules.notSpot(), plain().withMeterSubCategory("Spot").withMeterName("Spot")).detail())
          .isEqualTo("Spot VM (MeterSubCategory Spot)");
      assertThat(run(Rules.notSpot(), plain().withMeterName("D2s v3 Spot").withSkuName("Spot")).detail())
          .isEqualTo("Spot VM (MeterName D2s v3 Spot)");
      assertThat(run(Rules.notSpot(), plain().withSkuName("D2s_v3_Spot"), entry().skuTitle("Spot").build())
          .detail()).isEqualTo("Spot VM (SkuName D2s_v3_Spot)");
      assertThat(run(Rules.notSpot(), plain(), entry().skuTitle("D2s v3 Spot").build()).detail())
          .isEqualTo("Spot VM (SkuTitle D2s v3 Spot)");
      assertThat(run(Rules.notSpot(), plain()).detail()).isEqualTo("not Spot");
      assertThat(run(Rules.notBenefitCovered(), plain().withBenefitId(" ri-1 ")).detail())
          .isEqualTo("covered by benefit ri-1");
      assertThat(run(Rules.notBenefitCovered(), plain().withBenefitId("ri-1").withBenefitType(" Reservation "))
          .detail()).isEqualTo("covered by benefit Reservation");
      assertThat(run(Rules.notBenefitCovered(), plain()).detail()).isEqualTo("no benefit");
    }

    @Test
    void withoutAPriceListTheFirstThreeRulesAreSkipped() {
      LineFacts f = facts(plain().withChargeType("Purchase"));
      for (EligibilityRule r : List.of(Rules.inPriceList(), Rules.notThirdParty(), Rules.notReservation())) {
        assertThat(r.explain(f).detail()).as("%s", r).isEqualTo("skipped: no price list given");
        assertThat(r.decide(f).isEligible()).isTrue();
      }
    }
  }

  @Nested
  class Combinators {
    private final LineFacts f = facts(plain());

    private EligibilityRule pass(String name, String detail) {
      return Rules.named(name, x -> Verdict.pass(name, detail));
    }

    private EligibilityRule fail(String name, Reason reason, String detail) {
      return Rules.named(name, x -> Verdict.fail(name, reason, detail));
    }

    @Test
    void allOfNamesItsPartsAndTellsWhyItHolds() {
      EligibilityRule all = Rules.allOf(List.of(pass("a", "1"), pass("b", "2")));
      assertThat(all.description()).isEqualTo("all of: a; b").isEqualTo(all.toString());
      assertThat(all.explain(f).rule()).isEqualTo("all of these 2 rules");
      assertThat(all.decide(f)).isEqualTo(Decision.pass("every rule holds"));
      assertThat(all.explain(f).decision()).isEqualTo(Decision.pass("every rule holds"));
      assertThat(Rules.allOf(List.of()).decide(f)).isEqualTo(Decision.pass("no rule to hold"));
      assertThat(Rules.allOf(List.of()).explain(f).rule()).isEqualTo("always");
      assertThat(Rules.allOf(List.of()).explain(f).detail()).isEqualTo("no rule to hold");
    }

    @Test
    void allOfFailsWithTheFirstFailuresDecision() {
      EligibilityRule all = Rules.allOf(List.of(pass("a", "1"), fail("b", Reason.SPOT_VM, "x"),
          fail("c", Reason.MARKETPLACE, "y")));
      assertThat(all.decide(f)).isEqualTo(Decision.fail(Reason.SPOT_VM, "x"));
      assertThat(all.explain(f).decision()).isEqualTo(Decision.fail(Reason.SPOT_VM, "x"));
    }

    @Test
    void anyOfHoldsWithTheFirstPassAndOtherwiseFailsWithTheFirstFailure() {
      EligibilityRule any = Rules.anyOf(List.of(fail("a", Reason.SPOT_VM, "x"), pass("b", "1"), pass("c", "2")));
      assertThat(any.description()).isEqualTo("any of: a; b; c").isEqualTo(any.toString());
      assertThat(any.explain(f).rule()).isEqualTo("any of these 3 rules");
      assertThat(any.decide(f)).isEqualTo(Decision.pass("1"));
      assertThat(any.explain(f).decision()).isEqualTo(Decision.pass("1"));
      EligibilityRule none = Rules.anyOf(List.of(fail("a", Reason.SPOT_VM, "x"), fail("b", Reason.MARKETPLACE, "y")));
      assertThat(none.decide(f)).isEqualTo(Decision.fail(Reason.SPOT_VM, "x"));
      assertThat(none.explain(f).decision()).isEqualTo(Decision.fail(Reason.SPOT_VM, "x"));
      Decision never = Decision.fail(Reason.RULE_NOT_MET, "no alternative holds");
      assertThat(Rules.anyOf(List.of()).decide(f)).isEqualTo(never);
      assertThat(Rules.anyOf(List.of()).explain(f).decision()).isEqualTo(never);
      assertThat(Rules.anyOf(List.of()).explain(f).rule()).isEqualTo("never");
    }

    @Test
    void notQuotesTheRuleItNegates() {
      EligibilityRule notA = Rules.not(pass("a", "1"), Reason.MARKETPLACE);
      assertThat(notA.decide(f)).isEqualTo(Decision.fail(Reason.MARKETPLACE, "holds: 1"));
      assertThat(notA.toString()).isEqualTo("not (a)");
      Verdict v = notA.explain(f);
      assertThat(v.rule()).isEqualTo("not (a)");
      assertThat(v.children()).extracting(Verdict::rule).containsExactly("a");
      EligibilityRule notB = Rules.not(fail("b", Reason.SPOT_VM, "x"), Reason.MARKETPLACE);
      assertThat(notB.decide(f)).isEqualTo(Decision.pass("does not hold: x"));
      assertThat(notB.explain(f).decision()).isEqualTo(Decision.pass("does not hold: x"));
    }

    @Test
    void aNamedRuleKeepsItsNameAndItsBody() {
      EligibilityRule named = pass("a", "1");
      assertThat(named.description()).isEqualTo("a");
      assertThat(named.toString()).isEqualTo("a");
      assertThat(named.decide(f)).isEqualTo(Decision.pass("1"));
    }

    @Test
    void theTreeIndentsChildrenAndOmitsEmptyDetails() {
      Verdict v = Rules.allOf(List.of(pass("a", ""), fail("b", Reason.SPOT_VM, "no"))).explain(f);
      assertThat(v.toTreeString()).isEqualTo(
          "[FAIL SPOT_VM] all of these 2 rules — no\n  [pass] a\n  [FAIL SPOT_VM] b — no\n");
      assertThat(v.toString()).isEqualTo("SPOT_VM: no");
      assertThat(Verdict.pass("a", "").toString()).isEqualTo("ELIGIBLE");
    }
  }

  @Nested
  class Decisions {
    @Test
    void equalityIsByOutcomeReasonAndDetail() {
      Decision a = Decision.fail(Reason.SPOT_VM, "x");
      assertThat(a).isEqualTo(Decision.fail(Reason.SPOT_VM, "x")).hasSameHashCodeAs(Decision.fail(Reason.SPOT_VM, "x"));
      assertThat(a).isNotEqualTo(Decision.fail(Reason.SPOT_VM, "y"));
      assertThat(a).isNotEqualTo(Decision.fail(Reason.MARKETPLACE, "x"));
      assertThat(Decision.pass("x")).isNotEqualTo(new Decision(false, Reason.ELIGIBLE, "x", false));
      assertThat(a).isNotEqualTo("SPOT_VM: x");
      assertThat(a.isEligible()).isFalse();
      assertThat(Decision.pass("x").isEligible()).isTrue();
      assertThat(Decision.pass("x").fromAccess()).isFalse();
      assertThat(a.toString()).isEqualTo("SPOT_VM: x");
      assertThat(Decision.pass("").toString()).isEqualTo("ELIGIBLE");
    }

    @Test
    void aVerdictsDecisionIsItsOutcome() {
      Verdict v = Verdict.fail("r", Reason.SPOT_VM, "x");
      assertThat(v.decision()).isEqualTo(Decision.fail(Reason.SPOT_VM, "x")).isSameAs(v.decision());
      assertThat(v.decision().fromAccess()).isFalse();
      assertThat(v.failures()).containsExactly(Reason.SPOT_VM);
      assertThat(v.children()).isEmpty();
    }
  }

  @Nested
  class Reasons {
    @Test
    void theStandardCodesAreOrderedAsTheRules() {
      assertThat(Reason.values()).hasSize(16).first().isEqualTo(Reason.ELIGIBLE);
      assertThat(Reason.values()).isSorted();
      assertThat(Reason.ELIGIBLE.compareTo(Reason.NOT_IN_PRICE_LIST)).isNegative();
      assertThat(Reason.REJECTED.compareTo(Reason.NOT_IN_PRICE_LIST)).isPositive();
      assertThat(Reason.valueOf("SPOT_VM")).isSameAs(Reason.SPOT_VM);
      assertThat(Reason.SPOT_VM.name()).isEqualTo("SPOT_VM").isEqualTo(Reason.SPOT_VM.toString());
      assertThat(Reason.SPOT_VM.isStandard()).isTrue();
      assertThat(Reason.SPOT_VM.isProductExclusion()).isTrue();
      assertThat(Reason.SPOT_VM.isAccessLoss()).isFalse();
      assertThat(Reason.NO_ACCESS.isAccessLoss()).isTrue();
      assertThat(Reason.NO_ACCESS.isProductExclusion()).isFalse();
      assertThat(Reason.ELIGIBLE.isProductExclusion() || Reason.ELIGIBLE.isAccessLoss()).isFalse();
      assertThat(Reason.RULE_NOT_MET.isProductExclusion() || Reason.RULE_NOT_MET.isAccessLoss()).isFalse();
      assertThatIllegalArgumentException().isThrownBy(() -> Reason.valueOf("NO_SUCH_REASON_CODE"))
          .withMessage("no reason code NO_SUCH_REASON_CODE");
    }

    @Test
    void aCallerDeclaresItsOwnCodesOnceAndTheySortAfterTheStandardOnes() {
      Reason excl = Reason.productExclusion("RBT_PRODUCT_B");
      Reason loss = Reason.loss("RBT_LOSS_A");
      assertThat(Reason.productExclusion("RBT_PRODUCT_B")).isSameAs(excl);
      assertThat(Reason.valueOf("RBT_LOSS_A")).isSameAs(loss);
      assertThat(excl.isProductExclusion()).isTrue();
      assertThat(excl.isAccessLoss()).isFalse();
      assertThat(excl.isStandard()).isFalse();
      assertThat(loss.isAccessLoss()).isTrue();
      assertThat(loss.isProductExclusion()).isFalse();
      assertThat(loss.compareTo(excl)).isNegative();
      assertThat(excl.compareTo(loss)).isPositive();
      assertThat(excl.compareTo(excl)).isZero();
      assertThat(Reason.REJECTED.compareTo(loss)).isNegative();
      assertThat(loss.compareTo(Reason.REJECTED)).isPositive();
      assertThatIllegalArgumentException().isThrownBy(() -> Reason.loss("RBT_PRODUCT_B"))
          .withMessage("RBT_PRODUCT_B is already declared as a product exclusion");
      assertThatIllegalArgumentException().isThrownBy(() -> Reason.productExclusion("RBT_LOSS_A"))
          .withMessage("RBT_LOSS_A is already declared as a loss");
      assertThatIllegalArgumentException().isThrownBy(() -> Reason.loss("SPOT_VM"))
          .withMessage("SPOT_VM is a standard reason code");
      for (String bad : List.of("", "lower", "9LEADING", "HAS SPACE", "A".repeat(65))) {
        assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Reason.loss(bad))
            .withMessageContaining("a reason code is upper case");
      }
      assertThat(Reason.loss("A".repeat(64)).name()).hasSize(64);
      assertThat(Reason.values()).doesNotContain(excl, loss);
    }

    @Test
    void serializationKeepsOneInstancePerCode() throws Exception {
      Reason own = Reason.productExclusion("RBT_SERIAL");
      assertThat(roundTrip(Reason.SPOT_VM)).isSameAs(Reason.SPOT_VM);
      assertThat(roundTrip(own)).isSameAs(own);
    }

    private Object roundTrip(Object o) throws Exception {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(o);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return in.readObject();
      }
    }
  }

  @Test
  void anyRuleCanBeRememberedByAccessAndALambdaRuleIsDescribedByItsToString() {
    EligibilityRule remembered = Rules.rememberedByAccess(Rules.named("inner", x -> Verdict.pass("inner", "ok")));
    assertThat(remembered.description()).isEqualTo("inner");
    assertThat(remembered.toString()).isEqualTo("inner");
    assertThat(remembered.decide(facts(plain()))).isEqualTo(Decision.pass("ok"));
    EligibilityRule lambda = x -> Verdict.pass("l", "");
    assertThat(lambda.description()).isEqualTo(lambda.toString()).isNotEmpty();
    assertThat(Rules.notSpot().toString()).isEqualTo(Rules.notSpot().description()).isEqualTo("the meter is not a Spot VM");
  }

  @Test
  void evidenceWithoutStepsHasNoSurvivors() {
    assertThat(new AccessEvidence(THE_DAY, List.of(), Timeline.empty(), Timeline.of(THE_DAY)).survivors()).isEmpty();
  }
}
