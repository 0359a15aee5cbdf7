package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Generators.DAY;
import static org.openpec.Generators.day;
import static org.openpec.Generators.minute;
import static org.openpec.Qt.qt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;
import org.openpec.model.PriceList;
import org.openpec.model.UsageLine;
import org.openpec.money.PecRate;
import org.openpec.rules.AccessEvidence;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.Reason;
import org.openpec.rules.Verdict;
import org.openpec.time.Interval;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the calculator over the tiny generated domain ({@link Generators}). */
class PecCalculatorProperties {

  private static PecCalculator calculator(List<AccessGrant> grants) {
    return PecCalculator.builder().addAllGrants(grants).build();
  }

  private static PecCalculator calculator(List<AccessGrant> grants, Optional<PriceList> prices,
      CoveragePolicy coverage) {
    return PecCalculator.builder().addAllGrants(grants).priceList(prices).coverage(coverage).build();
  }

  private static Gen<CoveragePolicy> coverages() {
    return Generate.enumValues(CoveragePolicy.class);
  }

  @Test
  void everyLineGetsTheReasonOfTheSpecRestatedMinuteByMinute() {
    qt().forAll(Generators.lines(), Generators.grantLists(), Generators.priceLists(), coverages())
        .checkAssert((line, grants, prices, coverage) ->
            assertThat(calculator(grants, prices, coverage).evaluate(line).reason())
                .isEqualTo(ReferenceModel.reasonOf(line, grants, prices, coverage)));
  }

  @Test
  void grantsOnTheQualifyingPathAloneDecideByTheWholeDayRule() {
    // Qualifying grants only: the reason is ELIGIBLE or PARTIAL_DAY or NO_ACCESS, as the minute model says.
    qt().forAll(Generators.firstPartyLines(), Generators.listsOf(Generators.qualifyingGrants(), 4), coverages())
        .checkAssert((line, grants, coverage) ->
            assertThat(calculator(grants, Optional.empty(), coverage).evaluate(line).reason())
                .isEqualTo(ReferenceModel.reasonOf(line, grants, Optional.empty(), coverage)));
  }

  private static Gen<List<AccessGrant>> revokedGrantLists() {
    Gen<Integer> extra = Generate.range(1, DAY);
    Gen<AccessGrant> revoked = Generators.grants().zip(extra, (g, more) -> g.revokedAt().isPresent() ? g
        : Generators.copy(g, g.grantId(), g.grantedAt(), Optional.of(g.grantedAt().plusSeconds(60L * more))));
    return Generators.listsOf(revoked, 4);
  }

  @Test
  void revokedAccessNeverEarnsCreditOnAnyDayAfterTheLastCoveringRevocation() {
    qt().forAll(revokedGrantLists(), Generators.firstPartyLines(), Generate.range(0, 5))
        .checkAssert((grants, line, later) -> {
          Instant lastRevocation = grants.stream().filter(g -> g.scope().covers(line.resource()))
              .map(g -> g.revokedAt().orElseThrow()).max(Instant::compareTo).orElse(Generators.EPOCH);
          // The first day that starts at or after the last revocation, and a few after it.
          java.time.LocalDate first = lastRevocation.atOffset(ZoneOffset.UTC).toLocalDate();
          if (!Interval.utcDay(first).start().equals(lastRevocation)) {
            first = first.plusDays(1);
          }
          UsageLine onLaterDay = Generators.onDay(line, first.plusDays(later));
          LineResult r = calculator(grants).evaluate(onLaterDay);
          assertThat(r.reason()).isEqualTo(Reason.NO_ACCESS);
          assertThat(r.amounts().credit()).isEqualByComparingTo("0");
          assertThat(r.amounts().billingCredit()).isEqualByComparingTo("0");
        });
  }

  @Test
  void aPartialDayNeverEarns() {
    // Whatever the roles and partners: if the union of every grant that covers the scope leaves a minute of
    // the day uncovered, the line does not earn.
    qt().forAll(Generators.lines(), Generators.grantLists(), coverages()).checkAssert((line, grants, coverage) -> {
      Interval day = Interval.utcDay(line.usageDate());
      List<Interval> covering = new ArrayList<>();
      for (AccessGrant g : grants) {
        if (g.scope().covers(line.resource())) {
          covering.add(g.interval());
        }
      }
      boolean wholeDay = org.openpec.time.Timeline.of(covering).encloses(day);
      LineResult r = calculator(grants, Optional.empty(), coverage).evaluate(line);
      if (!wholeDay) {
        assertThat(r.isEligible()).isFalse();
        assertThat(r.amounts().credit()).isEqualByComparingTo("0");
      }
    });
  }

  @Test
  void splittingAGrantIntoAbuttingPiecesChangesNothing() {
    Gen<Integer> which = Generate.range(0, 3);
    Gen<Integer> cut = Generators.minutes();
    qt().forAll(Generators.lineLists(4), Generators.grantLists(), which, cut)
        .checkAssert((lines, grants, index, at) -> {
          if (grants.isEmpty()) {
            return;
          }
          AccessGrant g = grants.get(index % grants.size());
          Instant split = minute(at);
          if (!g.interval().contains(split) || split.equals(g.grantedAt())) {
            split = g.grantedAt().plusSeconds(60);
            if (!g.interval().contains(split)) {
              return;
            }
          }
          List<AccessGrant> pieces = new ArrayList<>(grants);
          pieces.remove(index % grants.size());
          pieces.add(Generators.copy(g, g.grantId() + "a", g.grantedAt(), Optional.of(split)));
          pieces.add(0, Generators.copy(g, g.grantId() + "b", split, g.revokedAt()));
          PecCalculator whole = calculator(grants);
          PecCalculator split2 = calculator(pieces);
          for (UsageLine line : lines) {
            LineResult before = whole.evaluate(line);
            LineResult after = split2.evaluate(line);
            assertThat(after.reason()).as("%s", line).isEqualTo(before.reason());
            assertThat(after.amounts().credit()).isEqualByComparingTo(before.amounts().credit());
          }
          assertThat(lines.stream().collect(split2.toStatement()))
              .isEqualTo(lines.stream().collect(whole.toStatement()));
        });
  }

  @Test
  void addingAGrantNeverTurnsAnEligibleLineIntoANonEligibleOne() {
    qt().forAll(Generators.lines(), Generators.grantLists(), Generators.grants(), coverages())
        .checkAssert((line, grants, extra, coverage) -> {
          List<AccessGrant> more = new ArrayList<>(grants);
          more.add(extra);
          if (calculator(grants, Optional.empty(), coverage).evaluate(line).isEligible()) {
            assertThat(calculator(more, Optional.empty(), coverage).evaluate(line).reason())
                .isEqualTo(Reason.ELIGIBLE);
          }
        });
  }

  @Test
  void removingAGrantNeverTurnsANonEligibleLineEligible() {
    qt().forAll(Generators.lines(), Generators.grantLists(), Generate.range(0, 3), coverages())
        .checkAssert((line, grants, index, coverage) -> {
          if (grants.isEmpty()) {
            return;
          }
          List<AccessGrant> fewer = new ArrayList<>(grants);
          fewer.remove(index % grants.size());
          if (!calculator(grants, Optional.empty(), coverage).evaluate(line).isEligible()) {
            assertThat(calculator(fewer, Optional.empty(), coverage).evaluate(line).isEligible()).isFalse();
          }
        });
  }

  @Test
  void everyLineEligibleUnderSingleCoverageIsEligibleUnderUnion() {
    // Coverage SINGLE is stricter than UNION: every line eligible under SINGLE is eligible under UNION.
    qt().forAll(Generators.lines(), Generators.grantLists()).checkAssert((line, grants) -> {
      if (calculator(grants, Optional.empty(), CoveragePolicy.SINGLE).evaluate(line).isEligible()) {
        assertThat(calculator(grants, Optional.empty(), CoveragePolicy.UNION).evaluate(line).isEligible()).isTrue();
      }
    });
  }

  @Test
  void excludedProductsEarnNothingWhateverTheAccess() {
    Gen<List<AccessGrant>> anyAccess = Generators.listsOf(Generators.mixedGrants(50),
        4);
    qt().forAll(Generators.excludedLines(), anyAccess, Generators.priceLists()).checkAssert((line, grants, prices) -> {
      LineResult r = calculator(grants, prices, CoveragePolicy.UNION).evaluate(line);
      assertThat(r.reason().isProductExclusion()).as("%s", r.reason()).isTrue();
      assertThat(r.amounts().credit()).isEqualByComparingTo("0");
      assertThat(r.amounts().billingCredit()).isEqualByComparingTo("0");
      assertThat(r.creditLost()).isEqualByComparingTo("0");
    });
  }

  @Test
  void creditIsExactlyRateTimesListCostOnEligibleLinesAndZeroOnTheOthers() {
    qt().forAll(Generators.lines(), Generators.listsOf(Generators.mixedGrants(50), 4),
        Generators.rates()).checkAssert((line, grants, rates) -> {
          LineResult r = PecCalculator.builder().addAllGrants(grants).rates(rates).build().evaluate(line);
          // benefit-covered usage is prepaid: every amount is 0 (rules §8)
          BigDecimal listCost = r.reason() == org.openpec.rules.Reason.BENEFIT_COVERED ? BigDecimal.ZERO
              : line.unitPrice().multiply(line.quantity());
          BigDecimal rate = rates.rateOn(line.usageDate());
          assertThat(r.rateInForce()).isEqualByComparingTo(rate);
          assertThat(r.amounts().listCost()).isEqualByComparingTo(listCost);
          if (r.isEligible()) {
            assertThat(r.amounts().credit()).isEqualByComparingTo(listCost.multiply(rate));
            assertThat(r.amounts().rate()).isEqualByComparingTo(rate);
          } else {
            assertThat(r.amounts().credit()).isEqualByComparingTo("0");
            assertThat(r.amounts().rate()).isEqualByComparingTo("0");
            assertThat(r.amounts().pricingPreTaxTotal()).isEqualByComparingTo(listCost);
          }
        });
  }

  @Test
  void listCostIsPricingPreTaxTotalPlusCreditOnEveryLineAndInEveryTotal() {
    qt(3).forAll(Generators.lineLists(6), Generators.grantLists(), Generators.rates())
        .checkAssert((lines, grants, rates) -> {
          PecCalculator pec = PecCalculator.builder().addAllGrants(grants).rates(rates).build();
          for (UsageLine line : lines) {
            LineResult r = pec.evaluate(line);
            assertThat(r.amounts().pricingPreTaxTotal().add(r.amounts().credit()))
                .isEqualByComparingTo(r.amounts().listCost());
          }
          CreditStatement all = lines.stream().collect(pec.toStatement());
          List<org.openpec.money.Totals> every = new ArrayList<>(all.byCurrency().values());
          for (var c : all.currencies()) {
            CreditStatement s = all.inCurrency(c);
            every.add(s.total());
            every.add(s.productEligible());
            every.addAll(s.byCustomer().values());
            every.addAll(s.bySubscription().values());
            every.addAll(s.byReason().values());
          }
          for (org.openpec.money.Totals t : every) {
            assertThat(t.pricingPreTaxTotal().add(t.credit())).isEqualByComparingTo(t.listCost());
          }
          assertThat(all.lines()).isEqualTo(lines.size());
        });
  }

  @Test
  void creditLiesBetweenZeroAndRateTimesCostForPositiveAmounts() {
    Gen<UsageLine> positive = Generators.lines(Generators.products(), Generators.positiveQuantities(),
        Generators.positiveUnitPrices());
    qt().forAll(positive, Generators.listsOf(Generators.mixedGrants(50), 4),
        Generators.rates()).checkAssert((line, grants, rates) -> {
          LineResult r = PecCalculator.builder().addAllGrants(grants).rates(rates).build().evaluate(line);
          BigDecimal cap = r.rateInForce().multiply(line.unitPrice()).multiply(line.quantity());
          assertThat(r.amounts().credit()).isBetween(BigDecimal.ZERO, cap);
          assertThat(r.amounts().billingCredit()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
          assertThat(r.amounts().billingPreTaxTotal()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
          assertThat(r.amounts().pricingPreTaxTotal()).isLessThanOrEqualTo(r.amounts().listCost());
        });
  }

  @Test
  void theEvidenceNeverDisagreesWithTheVerdict() {
    qt().forAll(Generators.firstPartyLines(), Generators.grantLists(), coverages())
        .checkAssert((line, grants, coverage) -> {
          Verdict v = calculator(grants, Optional.empty(), coverage).verdictOf(line);
          AccessEvidence e = v.accessEvidence().orElseThrow();
          Interval day = Interval.utcDay(line.usageDate());
          assertThat(e.day()).isEqualTo(day);
          assertThat(e.covered().union(e.uncovered()).encloses(day)).isTrue();
          assertThat(e.covered().intersection(e.uncovered()).isEmpty()).isTrue();
          if (v.isEligible()) {
            assertThat(e.survivors()).isNotEmpty();
            assertThat(e.uncovered().isEmpty()).isTrue();
          } else {
            assertThat(e.steps().get(e.steps().size() - 1).reasonWhenEmpty()).isEqualTo(v.reason());
            assertThat(e.steps().get(e.steps().size() - 1).kept()).isEmpty();
            if (v.reason() == Reason.PARTIAL_DAY && coverage == CoveragePolicy.UNION) {
              assertThat(e.uncovered().isEmpty()).isFalse();
            }
          }
          // Each step keeps a subset of the previous one.
          for (int i = 1; i < e.steps().size(); i++) {
            assertThat(e.steps().get(i - 1).kept()).containsAll(e.steps().get(i).kept());
          }
          assertThat(grants).containsAll(e.steps().get(0).kept());
        });
  }

  @Test
  void everyInputLineYieldsExactlyOneOutcomeInInputOrder() {
    qt(3).forAll(Generators.lineLists(8), Generators.grantLists()).checkAssert((lines, grants) -> {
      List<LineResult> out = calculator(grants).evaluate(lines.stream()).toList();
      assertThat(out).extracting(LineResult::line).containsExactlyElementsOf(lines);
    });
  }

  @Test
  void theRateInForceComesFromTheScheduleOnTheUsageDay() {
    PecRate rates = PecRate.of(java.util.Map.of(day(1), new BigDecimal("0.175")));
    qt().forAll(Generators.firstPartyLines()).checkAssert(line -> {
      LineResult r = PecCalculator.builder().rates(rates).build().evaluate(line);
      assertThat(r.rateInForce()).isEqualByComparingTo(line.usageDate().isBefore(day(1)) ? "0" : "0.175");
    });
  }
}
