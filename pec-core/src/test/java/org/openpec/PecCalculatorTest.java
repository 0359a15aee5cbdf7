package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Samples.SUB;
import static org.openpec.Samples.VM_IN_RG1;
import static org.openpec.Samples.at;
import static org.openpec.Samples.grant;
import static org.openpec.Samples.line;
import static org.openpec.Samples.ownerAllMonth;
import static org.openpec.Samples.vm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.ManagementHierarchy;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PartnerDirectory.Membership;
import org.openpec.model.Role;
import org.openpec.model.RoleCatalog;
import org.openpec.model.UsageLine;
import org.openpec.money.PecRate;
import org.openpec.rules.AccessEvidence;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.FunnelStep;
import org.openpec.rules.Reason;
import org.openpec.rules.Verdict;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;

class PecCalculatorTest {

  private static final String DAY = "2026-03-05";

  private static PecCalculator with(AccessGrant... grants) {
    return PecCalculator.builder().addGrants(grants).build();
  }

  private static AccessGrant owner(String id, String partner) {
    return grant(id, partner, "Owner", SUB, "2026-02-20T08:00:00Z");
  }

  private static Membership member(String partner, String org, String start, String end) {
    return new Membership(partner, org, Optional.ofNullable(start).map(LocalDate::parse),
        Optional.ofNullable(end).map(LocalDate::parse));
  }

  /** Rules rules §9: the access funnel, each step and its reason, in order. */
  @Nested
  class Funnel {

    @Test
    void noGrantAtAllIsNoAccess() {
      assertThat(with().evaluate(vm(DAY)).reason()).isEqualTo(Reason.NO_ACCESS);
    }

    @Test
    void aGrantOnAnotherScopeIsNoAccess() {
      assertThat(with(grant("G", "P", "Owner", "/subscriptions/SX", "2026-02-20T08:00:00Z")).evaluate(vm(DAY))
          .reason()).isEqualTo(Reason.NO_ACCESS);
      assertThat(with(grant("G", "P", "Owner", Samples.RG2, "2026-02-20T08:00:00Z"))
          .evaluate(line(DAY, VM_IN_RG1, "P", "")).reason()).isEqualTo(Reason.NO_ACCESS);
      assertThat(with(grant("G", "P", "Owner", VM_IN_RG1, "2026-02-20T08:00:00Z")).evaluate(vm(DAY)).reason())
          .as("a grant on a resource does not cover its subscription").isEqualTo(Reason.NO_ACCESS);
    }

    @Test
    void aGrantAtTheRootScopeCoversNothing() {
      assertThat(with(grant("G", "P", "Owner", "/", "2026-02-20T08:00:00Z")).evaluate(vm(DAY)).reason())
          .isEqualTo(Reason.NO_ACCESS);
    }

    @Test
    void onlyEligibleAssignmentsIsAssignmentNotActive() {
      AccessGrant jit = grant("G", "P", "Owner", SUB, "2026-02-20T08:00:00Z", null, Assignment.ELIGIBLE);
      assertThat(with(jit).evaluate(vm(DAY)).reason()).isEqualTo(Reason.ASSIGNMENT_NOT_ACTIVE);
    }

    @Test
    void anActivationIsItsOwnActiveGrant() {
      AccessGrant jit = grant("G", "P", "Owner", SUB, "2026-02-20T08:00:00Z", null, Assignment.ELIGIBLE);
      AccessGrant activation = grant("A1", "P", "Owner", SUB, "2026-03-05T00:00:00Z", "2026-03-05T08:00:00Z",
          Assignment.ACTIVE);
      LineResult r = with(jit, activation).evaluate(vm(DAY));
      assertThat(r.reason()).isEqualTo(Reason.PARTIAL_DAY);
      List<FunnelStep> steps = r.verdict().accessEvidence().orElseThrow().steps();
      assertThat(steps.get(1).kept()).containsExactly(activation);
      assertThat(steps.get(steps.size() - 1).kept()).as("the day step keeps nothing").isEmpty();
    }

    @Test
    void onlyRolesThatDoNotEarnIsRoleNotEligible() {
      assertThat(with(grant("G", "P", "Reader", SUB, "2026-02-20T08:00:00Z")).evaluate(vm(DAY)).reason())
          .isEqualTo(Reason.ROLE_NOT_ELIGIBLE);
      assertThat(with(grant("G", "P", "Billing Wizard", SUB, "2026-02-20T08:00:00Z")).evaluate(vm(DAY)).reason())
          .as("an unknown role").isEqualTo(Reason.ROLE_NOT_ELIGIBLE);
    }

    @Test
    void aCustomRoleEarnsOnceTheCatalogueHasIt() {
      PecCalculator pec = PecCalculator.builder()
          .addGrants(grant("G", "P", "Billing Wizard", SUB, "2026-02-20T08:00:00Z"))
          .roles(RoleCatalog.bundled().withRole(Role.of("Billing Wizard", "", true))).build();
      assertThat(pec.evaluate(vm(DAY)).reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void onlyUnattributedGrantsIsPartnerNotLinked() {
      AccessGrant unlinked = grant("G", null, "Owner", SUB, "2026-02-20T08:00:00Z", null, Assignment.ACTIVE);
      assertThat(with(unlinked).evaluate(vm(DAY)).reason()).isEqualTo(Reason.PARTNER_NOT_LINKED);
    }

    @Test
    void onlyOtherPartnersIsOtherPartner() {
      assertThat(with(owner("G", "X")).evaluate(vm(DAY)).reason()).isEqualTo(Reason.OTHER_PARTNER);
      assertThat(with(owner("G", "R")).evaluate(vm(DAY)).reason()).as("R is not the reseller of this line")
          .isEqualTo(Reason.OTHER_PARTNER);
    }

    @Test
    void lessThanTheWholeDayIsPartialDayWithTheUncoveredPart() {
      LineResult r = with(grant("G", "P", "Owner", SUB, "2026-03-05T10:00:00Z")).evaluate(vm(DAY));
      assertThat(r.reason()).isEqualTo(Reason.PARTIAL_DAY);
      AccessEvidence e = r.verdict().accessEvidence().orElseThrow();
      assertThat(e.uncovered()).isEqualTo(Timeline.of(Interval.of(at("2026-03-05T00:00:00Z"),
          at("2026-03-05T10:00:00Z"))));
      assertThat(e.covered()).isEqualTo(Timeline.of(Interval.of(at("2026-03-05T10:00:00Z"),
          at("2026-03-06T00:00:00Z"))));
      assertThat(r.verdict().detail()).contains("10:00:00–24:00:00Z").contains("00:00:00–10:00:00Z");
    }

    @Test
    void theFirstStepThatLeavesNothingNamesTheReasonAndEachStepNarrows() {
      AccessGrant jit = grant("G1", "P", "Owner", SUB, "2026-02-20T08:00:00Z", null, Assignment.ELIGIBLE);
      AccessGrant reader = grant("G2", "P", "Reader", SUB, "2026-02-20T08:00:00Z");
      AccessGrant unlinked = grant("G3", null, "Owner", SUB, "2026-02-20T08:00:00Z", null, Assignment.ACTIVE);
      AccessGrant other = owner("G4", "X");
      LineResult r = with(jit, reader, unlinked, other).evaluate(vm(DAY));
      assertThat(r.reason()).isEqualTo(Reason.OTHER_PARTNER);
      List<FunnelStep> steps = r.verdict().accessEvidence().orElseThrow().steps();
      assertThat(steps).extracting(FunnelStep::reasonWhenEmpty).containsExactly(Reason.NO_ACCESS,
          Reason.ASSIGNMENT_NOT_ACTIVE, Reason.ROLE_NOT_ELIGIBLE, Reason.PARTNER_NOT_LINKED, Reason.OTHER_PARTNER);
      assertThat(steps).extracting(s -> s.kept().size()).containsExactly(4, 3, 2, 1, 0);
      assertThat(steps.get(3).kept()).containsExactly(other);
    }

    @Test
    void anEarlierStepWinsOverALaterOne() {
      // Reader (step 3) is dropped before the unlinked grant (step 4) matters: the reason is the first empty step.
      AccessGrant reader = grant("G1", null, "Reader", SUB, "2026-02-20T08:00:00Z", null, Assignment.ACTIVE);
      assertThat(with(reader).evaluate(vm(DAY)).reason()).isEqualTo(Reason.ROLE_NOT_ELIGIBLE);
      AccessGrant jitReaderOther = grant("G2", "X", "Reader", SUB, "2026-03-05T10:00:00Z", null, Assignment.ELIGIBLE);
      assertThat(with(jitReaderOther).evaluate(vm(DAY)).reason()).isEqualTo(Reason.ASSIGNMENT_NOT_ACTIVE);
    }

    @Test
    void aGrantRevokedAtExactlyMidnightDoesNotReachThatDay() {
      AccessGrant g = grant("G", "P", "Owner", SUB, "2026-02-20T08:00:00Z", "2026-03-05T00:00:00Z", Assignment.ACTIVE);
      LineResult r = with(g).evaluate(vm(DAY));
      assertThat(r.reason()).isEqualTo(Reason.NO_ACCESS);
      assertThat(r.verdict().accessEvidence().orElseThrow().steps().get(0).kept()).isEmpty();
      assertThat(with(g).evaluate(vm("2026-03-04")).reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void aGrantRevokedJustAfterMidnightReachesTheDayButDoesNotCoverIt() {
      AccessGrant g = grant("G", "P", "Owner", SUB, "2026-02-20T08:00:00Z", "2026-03-05T00:00:00.000000001Z",
          Assignment.ACTIVE);
      assertThat(with(g).evaluate(vm(DAY)).reason()).isEqualTo(Reason.PARTIAL_DAY);
    }

    @Test
    void aGrantStartingAtTheNextMidnightDoesNotReachTheDay() {
      assertThat(with(grant("G", "P", "Owner", SUB, "2026-03-06T00:00:00Z")).evaluate(vm(DAY)).reason())
          .isEqualTo(Reason.NO_ACCESS);
    }

    @Test
    void aGrantHeldExactlyFromMidnightToMidnightCoversTheDay() {
      AccessGrant g = grant("G", "P", "Owner", SUB, "2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z",
          Assignment.ACTIVE);
      for (CoveragePolicy c : CoveragePolicy.values()) {
        assertThat(PecCalculator.builder().addGrants(g).coverage(c).build().evaluate(vm(DAY)).reason())
            .as("%s", c).isEqualTo(Reason.ELIGIBLE);
      }
      assertThat(with(g).evaluate(vm("2026-03-06")).reason()).isEqualTo(Reason.NO_ACCESS);
    }

    @Test
    void productRulesAndTheAgreementComeBeforeTheFunnel() {
      UsageLine spot = Samples.builder(DAY, "", "P", "").quantity(BigDecimal.ONE).unitPrice(BigDecimal.ONE)
          .billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE).meterName("D2s v3 Spot").build();
      PecCalculator noAgreement = PecCalculator.builder()
          .partners(PartnerDirectory.of(List.of(member("R", "", null, null)))).build();
      Verdict v = noAgreement.verdictOf(spot);
      assertThat(v.reason()).isEqualTo(Reason.SPOT_VM);
      assertThat(v.failures()).containsExactly(Reason.SPOT_VM, Reason.AGREEMENT_INACTIVE, Reason.NO_ACCESS);
      assertThat(noAgreement.evaluate(vm(DAY)).verdict().failures())
          .containsExactly(Reason.AGREEMENT_INACTIVE, Reason.NO_ACCESS);
    }
  }

  @Nested
  class Coverage {
    private final AccessGrant morning = grant("G1", "P", "Owner", SUB, "2026-03-01T00:00:00Z", "2026-03-05T12:00:00Z",
        Assignment.ACTIVE);
    private final AccessGrant afternoon = grant("G2", "P", "Contributor", SUB, "2026-03-05T12:00:00Z");

    @Test
    void unionJoinsAbuttingGrants() {
      assertThat(with(morning, afternoon).evaluate(vm(DAY)).reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(with(morning, afternoon).coverage()).isEqualTo(CoveragePolicy.UNION);
    }

    @Test
    void singleNeedsOneGrantForTheWholeDay() {
      PecCalculator single = PecCalculator.builder().addGrants(morning, afternoon).coverage(CoveragePolicy.SINGLE)
          .build();
      LineResult r = single.evaluate(vm(DAY));
      assertThat(r.reason()).isEqualTo(Reason.PARTIAL_DAY);
      assertThat(r.verdict().accessEvidence().orElseThrow().uncovered().isEmpty())
          .as("together they cover the day").isTrue();
      assertThat(single.evaluate(vm("2026-03-04")).reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(single.evaluate(vm("2026-03-06")).reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void singleIgnoresGrantsThatFailedAnEarlierStep() {
      AccessGrant readerAllDay = grant("G3", "P", "Reader", SUB, "2026-03-01T00:00:00Z");
      PecCalculator single = PecCalculator.builder().addGrants(morning, readerAllDay).coverage(CoveragePolicy.SINGLE)
          .build();
      assertThat(single.evaluate(vm(DAY)).reason()).isEqualTo(Reason.PARTIAL_DAY);
    }
  }

  @Nested
  class ManagementGroups {
    private final AccessGrant groupOwner = grant("G", "P", "Owner",
        "/providers/Microsoft.Management/managementGroups/Contoso", "2026-02-20T08:00:00Z");

    @Test
    void coverNothingWithoutAHierarchyAndAreCountedOnce() {
      PecCalculator pec = with(groupOwner);
      assertThat(pec.evaluate(vm(DAY)).reason()).isEqualTo(Reason.NO_ACCESS);
      assertThat(pec.unresolvedGroupGrants()).isEqualTo(1);
    }

    @Test
    void coverTheSubscriptionsBelowThemAndTheirResources() {
      PecCalculator pec = PecCalculator.builder().addGrants(groupOwner)
          .hierarchy(ManagementHierarchy.of(Map.of(" s ", List.of("Root", "CONTOSO")))).build();
      assertThat(pec.unresolvedGroupGrants()).isZero();
      assertThat(pec.evaluate(vm(DAY)).reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(pec.evaluate(line(DAY, VM_IN_RG1, "P", "")).reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void doNotCoverASubscriptionOutsideThem() {
      PecCalculator pec = PecCalculator.builder().addGrants(groupOwner)
          .hierarchy(ManagementHierarchy.of(Map.of("S", List.of("Root", "Fabrikam"), "T", List.of("Contoso"))))
          .build();
      assertThat(pec.evaluate(vm(DAY)).reason()).isEqualTo(Reason.NO_ACCESS);
    }

    @Test
    void areLookedUpByTheAzureSubscriptionNotThePlan() {
      PecCalculator pec = PecCalculator.builder().addGrants(groupOwner)
          .hierarchy(ManagementHierarchy.of(Map.of("plan-1", List.of("Contoso")))).build();
      assertThat(pec.evaluate(vm(DAY)).reason()).isEqualTo(Reason.NO_ACCESS);
    }

    @Test
    void groupNamesCompareWhole() {
      PecCalculator pec = PecCalculator.builder().addGrants(groupOwner)
          .hierarchy(ManagementHierarchy.of(Map.of("S", List.of("Contoso-EU")))).build();
      assertThat(pec.evaluate(vm(DAY)).reason()).isEqualTo(Reason.NO_ACCESS);
    }
  }

  @Nested
  class Agreements {
    @Test
    void areAssumedActiveWithoutAPartnersFile() {
      assertThat(with(ownerAllMonth()).evaluate(vm("1999-01-01")).verdict().failures())
          .containsExactly(Reason.NO_ACCESS);
      assertThat(with(ownerAllMonth()).evaluate(vm(DAY)).reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void haveInclusiveBounds() {
      PecCalculator pec = PecCalculator.builder().addGrants(ownerAllMonth())
          .partners(PartnerDirectory.of(List.of(member("P", "", "2026-03-02", "2026-03-04")))).build();
      assertThat(pec.evaluate(vm("2026-03-01")).reason()).isEqualTo(Reason.AGREEMENT_INACTIVE);
      assertThat(pec.evaluate(vm("2026-03-02")).reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(pec.evaluate(vm("2026-03-04")).reason()).isEqualTo(Reason.ELIGIBLE);
      LineResult after = pec.evaluate(vm("2026-03-05"));
      assertThat(after.reason()).isEqualTo(Reason.AGREEMENT_INACTIVE);
      assertThat(after.creditLost()).isEqualByComparingTo("1.8");
    }

    @Test
    void mayHaveSeveralPeriods() {
      PecCalculator pec = PecCalculator.builder().addGrants(ownerAllMonth())
          .partners(PartnerDirectory.of(List.of(member("P", "", null, "2026-03-02"), member("P", "", "2026-03-04",
              null)))).build();
      assertThat(pec.evaluate(vm("2026-03-01")).reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(pec.evaluate(vm("2026-03-03")).reason()).isEqualTo(Reason.AGREEMENT_INACTIVE);
      assertThat(pec.evaluate(vm("2026-03-31")).reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void areThoseOfTheBilledPartnerNotTheReseller() {
      PecCalculator pec = PecCalculator.builder().addGrants(owner("G", "R"))
          .partners(PartnerDirectory.of(List.of(member("R", "", null, null)))).build();
      assertThat(pec.evaluate(line(DAY, "", "P", "R")).reason()).isEqualTo(Reason.AGREEMENT_INACTIVE);
    }
  }

  @Nested
  class PartnerOrganisations {
    @Test
    void theProvidersAccessEarns() {
      assertThat(with(owner("G", "P")).evaluate(line(DAY, "", "P", "R")).reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void theResellersAccessEarnsForTheProvider() {
      assertThat(with(owner("G", "R")).evaluate(line(DAY, "", "P", "R")).reason()).isEqualTo(Reason.ELIGIBLE);
    }

    @Test
    void anotherPartnersAccessDoesNot() {
      assertThat(with(owner("G", "X")).evaluate(line(DAY, "", "P", "R")).reason()).isEqualTo(Reason.OTHER_PARTNER);
    }

    @Test
    void locationsOfOneOrganisationShareAccess() {
      PartnerDirectory orgs = PartnerDirectory.of(List.of(member("P-Seattle", "Contoso", null, null),
          member("P-Dublin", "Contoso", null, null), member("R-Lyon", "Fabrikam", null, null),
          member("R-Nice", "fabrikam", null, null)));
      PecCalculator byOtherLocation = PecCalculator.builder().addGrants(owner("G", "P-Dublin")).partners(orgs).build();
      assertThat(byOtherLocation.evaluate(line(DAY, "", "P-Seattle", "")).reason()).isEqualTo(Reason.ELIGIBLE);
      PecCalculator byResellerLocation = PecCalculator.builder().addGrants(owner("G", "R-Nice")).partners(orgs)
          .build();
      assertThat(byResellerLocation.evaluate(line(DAY, "", "P-Seattle", "R-Lyon")).reason())
          .isEqualTo(Reason.ELIGIBLE);
      assertThat(byResellerLocation.evaluate(line(DAY, "", "P-Seattle", "")).reason())
          .isEqualTo(Reason.OTHER_PARTNER);
    }

    @Test
    void withoutAPartnersFileEachIdIsItsOwnOrganisation() {
      assertThat(with(owner("G", "P-Dublin")).evaluate(line(DAY, "", "P-Seattle", "")).reason())
          .isEqualTo(Reason.OTHER_PARTNER);
    }
  }

  @Nested
  class Money {
    @Test
    void theRateComesFromTheScheduleOnTheUsageDay() {
      PecCalculator pec = PecCalculator.builder().addGrants(ownerAllMonth())
          .rates(PecRate.of(Map.of(LocalDate.parse("2026-03-06"), new BigDecimal("0.175")))).build();
      LineResult before = pec.evaluate(vm(DAY));
      assertThat(before.reason()).isEqualTo(Reason.ELIGIBLE);
      assertThat(before.rateInForce()).isEqualByComparingTo("0");
      assertThat(before.amounts().credit()).isEqualByComparingTo("0");
      LineResult from = pec.evaluate(vm("2026-03-06"));
      assertThat(from.rateInForce()).isEqualByComparingTo("0.175");
      assertThat(from.amounts().credit()).isEqualByComparingTo("2.1");
    }

    @Test
    void aRepricedLineTakesItsListCost() {
      LineResult r = with(ownerAllMonth()).evaluate(vm(DAY), new BigDecimal("100.80"));
      assertThat(r.repriced()).isTrue();
      assertThat(r.amounts().listCost()).isEqualByComparingTo("100.80");
      assertThat(r.amounts().credit()).isEqualByComparingTo("15.12");
      assertThat(with(ownerAllMonth()).evaluate(vm(DAY)).repriced()).isFalse();
    }

    @Test
    void creditLostIsListCostTimesRateForAccessLossesOnly() {
      assertThat(with().evaluate(vm(DAY)).creditLost()).isEqualByComparingTo("1.8");
      assertThat(with(ownerAllMonth()).evaluate(vm(DAY)).creditLost()).isEqualByComparingTo("0");
      UsageLine market = Samples.builder(DAY, "", "P", "").quantity(new BigDecimal("24"))
          .unitPrice(new BigDecimal("0.50")).billingCurrency("USD").pcToBcExchangeRate(BigDecimal.ONE)
          .publisherName("Contoso").build();
      assertThat(with().evaluate(market).creditLost()).isEqualByComparingTo("0");
    }

    @Test
    void aStreamOfLinesFoldsIntoAStatement() {
      PecCalculator pec = with(ownerAllMonth());
      CreditStatement s = java.util.stream.Stream.of(vm("2026-03-04"), vm(DAY), vm("2026-02-20"))
          .collect(pec.toStatement());
      assertThat(s.total().lines()).isEqualTo(3);
      assertThat(s.total().credit()).isEqualByComparingTo("3.6");
      assertThat(s.count(Reason.PARTIAL_DAY)).isEqualTo(1);
    }
  }

  @Test
  void factsHoldOnlyTheGrantsThatReachTheLineOnItsDay() {
    AccessGrant before = grant("G1", "P", "Owner", SUB, "2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z",
        Assignment.ACTIVE);
    AccessGrant elsewhere = grant("G2", "P", "Owner", "/subscriptions/T", "2026-03-01T00:00:00Z");
    AccessGrant reaching = grant("G3", "X", "Reader", VM_IN_RG1, "2026-03-05T23:59:59Z");
    PecCalculator pec = with(before, elsewhere, reaching);
    assertThat(pec.factsOf(line(DAY, VM_IN_RG1.toUpperCase(), "P", "")).grants()).containsExactly(reaching);
    assertThat(pec.factsOf(vm(DAY)).grants()).isEmpty();
  }
}
