package org.openpec.internal.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.ManagementHierarchy;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.money.PecRate;
import org.openpec.rules.Reason;

class LossTrackerTest {

  private static final String VM1 = "/subscriptions/S/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1";
  private static final String DB2 = "/subscriptions/S/resourceGroups/rg2/providers/Microsoft.Sql/servers/db2";

  /** A grant without partner or channel. */
  private static AccessGrant.Builder bare(String id, String role, String scope, String from) {
    return AccessGrant.builder().grantId(id).roleName(role).scope(Scope.parse(scope)).grantedAt(Instant.parse(from));
  }

  /** A grant of partner P via AOBO. */
  private static AccessGrant.Builder grant(String id, String role, String scope, String from) {
    return bare(id, role, scope, from).partnerId("P").channel("AOBO");
  }

  /** A usage line of customer C on subscription S: 0.50 × 24 USD, FX 1 (list cost 12, 15 % = 1.8). */
  private static Line line(String resource, String day) {
    return new Line(resource, day);
  }

  /** A usage line under construction; its builder is strict, so the defaults live here. */
  private static final class Line {
    private String customer = "C";
    private String entitlement = "S";
    private final String resource;
    private final String day;
    private String meter = "m";
    private String quantity = "24";
    private String unitPrice = "0.50";
    private String currency = "USD";
    private String pricing = "USD";
    private String fx = "1";
    private String publisher = "";

    Line(String resource, String day) {
      this.resource = resource;
      this.day = day;
    }

    Line customerId(String v) {
      customer = v;
      return this;
    }

    Line entitlementId(String v) {
      entitlement = v;
      return this;
    }

    Line meterId(String v) {
      meter = v;
      return this;
    }

    Line quantity(BigDecimal v) {
      quantity = v.toPlainString();
      return this;
    }

    Line unitPrice(BigDecimal v) {
      unitPrice = v.toPlainString();
      return this;
    }

    Line pricingCurrency(String v) {
      pricing = v;
      return this;
    }

    Line billingCurrency(String v) {
      currency = v;
      return this;
    }

    Line pcToBcExchangeRate(BigDecimal v) {
      fx = v.toPlainString();
      return this;
    }

    Line publisherName(String v) {
      publisher = v;
      return this;
    }

    UsageLine build() {
      return UsageLine.builder().customerId(customer).billedPartnerId("P").subscriptionId("plan")
          .entitlementId(entitlement).resourceUri(resource).usageDate(LocalDate.parse(day)).productId("prod")
          .skuId("0001").meterId(meter).quantity(new BigDecimal(quantity)).unitPrice(new BigDecimal(unitPrice))
          .pricingCurrency(pricing).billingCurrency(currency).pcToBcExchangeRate(new BigDecimal(fx))
          .publisherName(publisher).build();
    }
  }

  /** One line (list cost 12) per day from {@code first} to {@code last}, inclusive. */
  private static List<UsageLine> daily(String resource, String first, String last) {
    List<UsageLine> out = new ArrayList<>();
    for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
      out.add(line(resource, d.toString()).build());
    }
    return out;
  }

  private static LossReport losses(PecCalculator pec, List<UsageLine> lines) {
    return lines.stream().map(pec::evaluate).collect(LossTracker.collector(pec));
  }

  private static LossReport losses(List<AccessGrant> grants, List<UsageLine> lines) {
    return losses(PecCalculator.builder().addAllGrants(grants).build(), lines);
  }

  @Nested
  class StartEvents {
    @Test
    void aRevocationMidDayOpensAPartialDayThenANoAccessEpisode() {
      AccessGrant owner = grant("G17", "Owner", "/subscriptions/S", "2026-02-20T08:00:00Z")
          .revokedAt(Instant.parse("2026-03-05T10:00:00Z")).build();
      LossReport r = losses(List.of(owner), daily(VM1, "2026-03-03", "2026-03-08"));

      assertThat(r.episodes()).extracting(LossEpisode::reason, LossEpisode::firstDay, LossEpisode::lastDay,
          LossEpisode::days, LossEpisode::lines).containsExactly(
              org.assertj.core.groups.Tuple.tuple(Reason.NO_ACCESS, LocalDate.parse("2026-03-06"),
                  LocalDate.parse("2026-03-08"), 3L, 3L),
              org.assertj.core.groups.Tuple.tuple(Reason.PARTIAL_DAY, LocalDate.parse("2026-03-05"),
                  LocalDate.parse("2026-03-05"), 1L, 1L));
      String revoked = "grant G17 (Owner, AOBO, /subscriptions/S) revoked 2026-03-05T10:00:00Z";
      assertThat(r.episodes()).extracting(LossEpisode::startEvent).containsOnly(revoked);
      LossEpisode noAccess = r.episodes().get(0);
      assertThat(noAccess.listCost()).isEqualByComparingTo("36");
      assertThat(noAccess.creditLost()).isEqualByComparingTo("5.4");
      assertThat(noAccess.billingCreditLost()).isEqualByComparingTo("5.40");
      assertThat(noAccess.scope()).isEqualTo(Scope.parse(VM1));
      assertThat(noAccess.entitlementId()).isEqualTo("S");
      assertThat(noAccess.billingCurrency()).isEqualTo("USD");
    }

    @Test
    void theLaterOfTwoRevocationsOpensTheGapOfTheResourceItCovered() {
      AccessGrant owner = grant("G1", "Owner", "/subscriptions/S", "2026-02-01T00:00:00Z")
          .revokedAt(Instant.parse("2026-03-03T08:00:00Z")).build();
      AccessGrant contributor = bare("G2", "Contributor", "/subscriptions/S/resourceGroups/rg1",
          "2026-02-01T00:00:00Z").partnerId("P").channel("LIGHTHOUSE_OFFER").revokedAt(Instant.parse("2026-03-06T14:30:00Z")).build();
      List<UsageLine> lines = new ArrayList<>(daily(VM1, "2026-03-01", "2026-03-08"));
      lines.addAll(daily(DB2, "2026-03-01", "2026-03-08"));
      LossReport r = losses(List.of(owner, contributor), lines);

      String g1 = "grant G1 (Owner, AOBO, /subscriptions/S) revoked 2026-03-03T08:00:00Z";
      String g2 = "grant G2 (Contributor, LIGHTHOUSE_OFFER, /subscriptions/S/resourceGroups/rg1) revoked "
          + "2026-03-06T14:30:00Z";
      assertThat(r.episodes()).extracting(e -> e.scope().path() + " " + e.reason() + " " + e.firstDay() + ".."
          + e.lastDay() + " " + e.startEvent()).containsExactly(
              DB2 + " NO_ACCESS 2026-03-04..2026-03-08 " + g1,
              VM1 + " NO_ACCESS 2026-03-07..2026-03-08 " + g2,
              VM1 + " PARTIAL_DAY 2026-03-06..2026-03-06 " + g2,   // same money: rg1 sorts before rg2
              DB2 + " PARTIAL_DAY 2026-03-03..2026-03-03 " + g1);
    }

    @Test
    void aGrantRevokedAtMidnightEndsAccessFromThatDay() {
      AccessGrant owner = grant("G3", "Owner", "/subscriptions/S", "2026-02-01T00:00:00Z")
          .revokedAt(Instant.parse("2026-03-04T00:00:00Z")).build();
      LossReport r = losses(List.of(owner), daily(VM1, "2026-03-03", "2026-03-05"));
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(Reason.NO_ACCESS);
        assertThat(e.firstDay()).isEqualTo("2026-03-04");
        assertThat(e.startEvent()).isEqualTo("grant G3 (Owner, AOBO, /subscriptions/S) revoked 2026-03-04T00:00:00Z");
      });
    }

    @Test
    void withoutAnyEarlierGrantTheStartIsTheFirstDayWithoutGrant() {
      AccessGrant late = grant("G4", "Owner", "/subscriptions/S", "2026-03-05T10:00:00Z").build();
      LossReport r = losses(List.of(late), daily(VM1, "2026-03-01", "2026-03-06"));
      assertThat(r.episodes()).extracting(LossEpisode::reason, LossEpisode::firstDay, LossEpisode::startEvent)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Reason.NO_ACCESS, LocalDate.parse("2026-03-01"),
                  "no grant before 2026-03-01"),
              org.assertj.core.groups.Tuple.tuple(Reason.PARTIAL_DAY, LocalDate.parse("2026-03-05"),
                  "no grant before 2026-03-05T10:00:00Z"));
    }

    @Test
    void aReadOnlyRoleIsNamed() {
      AccessGrant reader = grant("G5", "Reader", "/subscriptions/S", "2026-02-01T00:00:00Z").build();
      LossReport r = losses(List.of(reader), daily(VM1, "2026-03-01", "2026-03-02"));
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(Reason.ROLE_NOT_ELIGIBLE);
        assertThat(e.startEvent()).isEqualTo("only read-only roles (Reader)");
      });
    }

    @Test
    void anUnlinkedGrantIsNamed() {
      AccessGrant user = AccessGrant.builder().grantId("G20").channel("CUSTOMER_DIRECTORY").roleName("Owner")
          .scope(Scope.parse("/subscriptions/S")).grantedAt(Instant.parse("2026-02-01T00:00:00Z")).build();
      LossReport r = losses(List.of(user), daily(VM1, "2026-03-01", "2026-03-01"));
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(Reason.PARTNER_NOT_LINKED);
        assertThat(e.startEvent()).isEqualTo("grant G20 not linked to a partner ID");
      });
    }

    @Test
    void justInTimeAssignmentsAndOtherPartnersAreNamed() {
      AccessGrant jit = grant("G6", "Owner", VM1, "2026-02-01T00:00:00Z").assignment(Assignment.ELIGIBLE).build();
      AccessGrant other = bare("G7", "Owner", DB2, "2026-02-01T00:00:00Z").partnerId("Q").channel("AOBO").build();
      List<UsageLine> lines = new ArrayList<>(daily(VM1, "2026-03-01", "2026-03-01"));
      lines.addAll(daily(DB2, "2026-03-01", "2026-03-01"));
      LossReport r = losses(List.of(jit, other), lines);
      assertThat(r.episodes()).extracting(LossEpisode::reason, LossEpisode::startEvent).containsExactlyInAnyOrder(
          org.assertj.core.groups.Tuple.tuple(Reason.ASSIGNMENT_NOT_ACTIVE,
              "only just-in-time (eligible) assignments, none active: grant G6 (Owner, AOBO, " + VM1 + ")"),
          org.assertj.core.groups.Tuple.tuple(Reason.OTHER_PARTNER,
              "held only by other partners: grant G7 of partner Q, not the billed partner P"));
    }

    @Test
    void anInactiveAgreementIsNamed() {
      AccessGrant owner = grant("G1", "Owner", "/subscriptions/S", "2026-02-01T00:00:00Z").build();
      PartnerDirectory partners = PartnerDirectory.of(List.of(new PartnerDirectory.Membership("P", "",
          Optional.empty(), Optional.of(LocalDate.parse("2026-03-01")))));
      PecCalculator pec = PecCalculator.builder().addGrants(owner).partners(partners).build();
      LossReport r = losses(pec, daily(VM1, "2026-03-01", "2026-03-03"));
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.reason()).isEqualTo(Reason.AGREEMENT_INACTIVE);
        assertThat(e.firstDay()).isEqualTo("2026-03-02");
        assertThat(e.startEvent()).isEqualTo("partner P has no active partner agreement on 2026-03-02");
      });
    }

    @Test
    void aRevokedManagementGroupGrantIsFoundThroughTheHierarchy() {
      AccessGrant group = grant("G8", "Owner", "/providers/Microsoft.Management/managementGroups/prod",
          "2026-02-01T00:00:00Z").revokedAt(Instant.parse("2026-03-02T00:00:00Z")).build();
      PecCalculator pec = PecCalculator.builder().addGrants(group)
          .hierarchy(ManagementHierarchy.of(Map.of("S", List.of("root", "prod")))).build();
      LossReport r = losses(pec, daily(VM1, "2026-03-01", "2026-03-03"));
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.firstDay()).isEqualTo("2026-03-02");
        assertThat(e.startEvent()).startsWith("grant G8 (Owner, AOBO, /providers/Microsoft.Management/managementGroups/prod)");
      });
    }
  }

  @Nested
  class Runs {
    @Test
    void aDayWithoutUsageEndsAnEpisode() {
      List<UsageLine> lines = new ArrayList<>(daily(VM1, "2026-03-01", "2026-03-02"));
      lines.addAll(daily(VM1, "2026-03-04", "2026-03-04"));
      LossReport r = losses(List.of(), lines);
      assertThat(r.episodes()).extracting(LossEpisode::firstDay, LossEpisode::days).containsExactly(
          org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-01"), 2L),
          org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-03-04"), 1L));
      assertThat(r.episodes().get(1).startEvent()).isEqualTo("no grant before 2026-03-04");
    }

    @Test
    void aDayWithOnlyProductExcludedUsageEndsAnEpisodeAndIsNoLoss() {
      List<UsageLine> lines = new ArrayList<>(daily(VM1, "2026-03-01", "2026-03-01"));
      lines.add(line(VM1, "2026-03-02").publisherName("Contoso").build());
      lines.addAll(daily(VM1, "2026-03-03", "2026-03-03"));
      LossReport r = losses(List.of(), lines);
      assertThat(r.episodes()).hasSize(2).allSatisfy(e -> assertThat(e.days()).isEqualTo(1));
      assertThat(r.total().lines()).isEqualTo(2);
    }

    @Test
    void aDifferentReasonEndsAnEpisode() {
      AccessGrant reader = grant("G5", "Reader", "/subscriptions/S", "2026-03-02T00:00:00Z")
          .revokedAt(Instant.parse("2026-03-03T00:00:00Z")).build();
      LossReport r = losses(List.of(reader), daily(VM1, "2026-03-01", "2026-03-04"));
      assertThat(r.episodes()).extracting(e -> e.reason() + " " + e.firstDay() + ".." + e.lastDay())
          .containsExactlyInAnyOrder("NO_ACCESS 2026-03-01..2026-03-01", "ROLE_NOT_ELIGIBLE 2026-03-02..2026-03-02",
              "NO_ACCESS 2026-03-03..2026-03-04");
      assertThat(r.episodes()).filteredOn(e -> e.firstDay().toString().equals("2026-03-03"))
          .extracting(LossEpisode::startEvent)
          .containsExactly("grant G5 (Reader, AOBO, /subscriptions/S) revoked 2026-03-03T00:00:00Z");
    }

    @Test
    void resourcesCompareAsScopesIgnoringCase() {
      List<UsageLine> lines = List.of(line(VM1, "2026-03-01").build(),
          line(VM1.toUpperCase(java.util.Locale.ROOT), "2026-03-02").build(),
          line(VM1 + "/", "2026-03-03").meterId("m2").build());
      LossReport r = losses(List.of(), lines);
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.days()).isEqualTo(3);
        assertThat(e.lines()).isEqualTo(3);
        assertThat(e.scope().path()).isEqualTo(VM1.toUpperCase(java.util.Locale.ROOT)); // the smallest spelling
      });
    }

    @Test
    void aLineWithoutResourceIsItsSubscription() {
      LossReport r = losses(List.of(), List.of(line("", "2026-03-01").build(),
          line("/subscriptions/s", "2026-03-02").build()));
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.scope()).isEqualTo(Scope.subscription("S"));
        assertThat(e.days()).isEqualTo(2);
      });
    }

    @Test
    void severalLinesOfOneDayAreOneDayOfTheEpisode() {
      List<UsageLine> lines = List.of(line(VM1, "2026-03-01").build(), line(VM1, "2026-03-01").meterId("m2").build(),
          line(VM1, "2026-03-02").build());
      LossReport r = losses(List.of(), lines);
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.days()).isEqualTo(2);
        assertThat(e.lines()).isEqualTo(3);
        assertThat(e.creditLost()).isEqualByComparingTo("5.4");
      });
    }

    @Test
    void customersAreApart() {
      LossReport r = losses(List.of(), List.of(line(VM1, "2026-03-01").build(),
          line(VM1, "2026-03-02").customerId("D").build()));
      assertThat(r.episodes()).extracting(LossEpisode::customerId).containsExactly("C", "D");
    }
  }

  @Nested
  class Money {
    @Test
    void theBillingCreditLostIsTheDifferenceOfTwoFlooredAmounts() {
      // worked example 9: FLOOR(list × FX) = 0.41, FLOOR(list × 0.85 × FX) = 0.35
      UsageLine l = line(VM1, "2026-03-01").unitPrice(new BigDecimal("0.0209951014286867"))
          .quantity(new BigDecimal("23.350007")).pcToBcExchangeRate(new BigDecimal("0.846202666"))
          .billingCurrency("EUR").build();
      LossEpisode e = losses(List.of(), List.of(l)).episodes().get(0);
      assertThat(e.billingCreditLost()).isEqualByComparingTo("0.06");
      assertThat(e.billingCurrency()).isEqualTo("EUR");
      assertThat(e.creditLost()).isEqualByComparingTo(l.listCost().multiply(new BigDecimal("0.15")));
    }

    @Test
    void aRepricedLineLosesTheRateOfItsRepricedCost() {
      PecCalculator pec = PecCalculator.builder().build();
      LineResult repriced = pec.evaluate(line(VM1, "2026-03-01").build(), new BigDecimal("100.80"));
      LossReport r = List.of(repriced).stream().collect(LossTracker.collector(pec));
      assertThat(r.episodes().get(0).listCost()).isEqualByComparingTo("100.80");
      assertThat(r.episodes().get(0).creditLost()).isEqualByComparingTo("15.12");
      assertThat(r.episodes().get(0).billingCreditLost()).isEqualByComparingTo("15.12");
    }

    @Test
    void eachLineLosesTheRateInForceOnItsDay() {
      PecCalculator pec = PecCalculator.builder().rates(PecRate.of(Map.of(LocalDate.parse("2026-03-01"),
          new BigDecimal("0.15"), LocalDate.parse("2026-03-02"), new BigDecimal("0.175")))).build();
      LossReport r = losses(pec, daily(VM1, "2026-02-28", "2026-03-02"));
      // 0 % before the schedule, then 12 × 0.15 + 12 × 0.175
      assertThat(r.episodes()).singleElement().satisfies(e -> {
        assertThat(e.lines()).isEqualTo(3);
        assertThat(e.creditLost()).isEqualByComparingTo("3.9");
        assertThat(e.billingCreditLost()).isEqualByComparingTo("3.90");
      });
    }
  }

  @Test
  void episodesAreSortedByCreditLostThenCustomerScopeAndFirstDay() {
    List<UsageLine> lines = List.of(
        line(DB2, "2026-03-01").customerId("B").build(),
        line(VM1, "2026-03-01").customerId("B").build(),
        line(VM1, "2026-03-01").customerId("A").build(),
        line(VM1, "2026-03-03").customerId("A").build(),
        line(DB2, "2026-03-05").customerId("Z").quantity(new BigDecimal("48")).build());
    LossReport r = losses(List.of(), lines);
    assertThat(r.episodes()).extracting(e -> e.customerId() + " " + e.scope().path() + " " + e.firstDay())
        .containsExactly("Z " + DB2 + " 2026-03-05", "A " + VM1 + " 2026-03-01", "A " + VM1 + " 2026-03-03",
            "B " + VM1 + " 2026-03-01", "B " + DB2 + " 2026-03-01");
  }

  @Test
  void oneResourceSpelledTwoWaysSortsByFirstDayNotBySpelling() {
    // two episodes of one resource (a day without usage between them), each spelled its own way: the
    // upper-case spelling sorts first as text, but the scope is one, so the first day decides
    String lower = VM1.toLowerCase(java.util.Locale.ROOT);
    String upper = VM1.toUpperCase(java.util.Locale.ROOT);
    LossReport r = losses(List.of(), List.of(line(lower, "2026-03-01").build(), line(upper, "2026-03-03").build()));
    assertThat(r.episodes()).extracting(e -> e.firstDay() + " " + e.scope().path())
        .containsExactly("2026-03-01 " + lower, "2026-03-03 " + upper);
  }

  @Test
  void scopesSortSegmentBySegment() {
    // as text "rg-b" < "rg/…" ('-' < '/'); as scopes rg1's child comes right after rg1
    String rg = "/subscriptions/S/resourceGroups/rg";
    LossReport r = losses(List.of(), List.of(line(rg + "-b", "2026-03-01").build(),
        line(rg + "/providers/X/y/z", "2026-03-01").build(), line(rg, "2026-03-01").build()));
    assertThat(r.episodes()).extracting(e -> e.scope().path())
        .containsExactly(rg, rg + "/providers/X/y/z", rg + "-b");
  }

  @Test
  void rollUpsSumTheEpisodesPerCustomerSubscriptionAndReason() {
    List<UsageLine> lines = new ArrayList<>(daily(VM1, "2026-03-01", "2026-03-03"));
    lines.add(line("", "2026-03-01").customerId("D").entitlementId("T").billingCurrency("EUR")
        .pcToBcExchangeRate(new BigDecimal("0.9")).build());
    lines.add(line(VM1, "2026-03-05").build());
    LossReport r = losses(List.of(), lines);
    assertThat(r.total().episodes()).isEqualTo(3);
    assertThat(r.total().days()).isEqualTo(5);
    assertThat(r.total().lines()).isEqualTo(5);
    assertThat(r.total().creditLost()).isEqualByComparingTo("9");
    assertThat(r.total().billingCreditLost()).hasEntrySatisfying("USD", a -> assertThat(a).isEqualByComparingTo("7.20"))
        .hasEntrySatisfying("EUR", a -> assertThat(a).isEqualByComparingTo("1.62"));
    assertThat(r.byCustomer()).containsOnlyKeys("C", "D");
    assertThat(r.byCustomer().get("C").episodes()).isEqualTo(2);
    assertThat(r.bySubscription()).containsOnlyKeys("S", "T");
    assertThat(r.bySubscription().get("T").creditLost()).isEqualByComparingTo("1.8");
    assertThat(r.byReason()).containsOnlyKeys(Reason.NO_ACCESS);
  }

  @Test
  void noLineNoEpisode() {
    LossReport r = List.<LineResult>of().stream().collect(LossTracker.collector(PecCalculator.builder().build()));
    assertThat(r.episodes()).isEmpty();
    assertThat(r.total()).isEqualTo(LossTotals.zero());
  }

  @Test
  void linesOfAnotherPricingCurrencyMakeAnotherEpisodeAndTheirSumsStayApart() {
    List<UsageLine> lines = List.of(line(VM1, "2026-03-03").build(),
        line(VM1, "2026-03-04").pricingCurrency("EUR").build(),
        line(VM1, "2026-03-05").build());
    LossReport r = losses(List.of(), lines);

    assertThat(r.episodes()).extracting(LossEpisode::pricingCurrency, LossEpisode::lines)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("USD", 1L),
            org.assertj.core.groups.Tuple.tuple("EUR", 1L), org.assertj.core.groups.Tuple.tuple("USD", 1L));
    assertThat(r.total().creditLostByCurrencies()).containsOnly(
        Map.entry(new org.openpec.money.Currencies("EUR", "USD"), new BigDecimal("1.8000")),
        Map.entry(new org.openpec.money.Currencies("USD", "USD"), new BigDecimal("3.6000")));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.total().creditLost())
        .isInstanceOf(org.openpec.money.CurrencyMismatchException.class);
  }
}
