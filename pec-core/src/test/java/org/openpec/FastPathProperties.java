package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Qt.qt;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;
import org.openpec.model.PriceList;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.Rules;
import org.openpec.rules.Verdict;
import org.quicktheories.generators.Generate;

/**
 * The calculator decides common lines of the standard rule from a memo (its fast path); these properties hold
 * it to the full rule, evaluated verdict by verdict.
 */
class FastPathProperties {

  private static PecCalculator standard(List<AccessGrant> grants, Optional<PriceList> prices, CoveragePolicy c) {
    return PecCalculator.builder().addAllGrants(grants).priceList(prices).coverage(c).build();
  }

  /** The same rules, as a different rule object: the calculator then never takes the fast path. */
  private static PecCalculator full(List<AccessGrant> grants, Optional<PriceList> prices, CoveragePolicy c) {
    return PecCalculator.builder().addAllGrants(grants).priceList(prices).coverage(c)
        .rule(Rules.allOf(Rules.standardRules())).build();
  }

  @Test
  void theFastPathGivesTheResultOfTheFullRule() {
    qt().forAll(Generators.lines(), Generators.grantLists(), Generators.priceLists(),
            Generate.enumValues(CoveragePolicy.class))
        .checkAssert((line, grants, prices, coverage) -> {
          LineResult fast = standard(grants, prices, coverage).evaluate(line);
          LineResult slow = full(grants, prices, coverage).evaluate(line);
          assertThat(fast).isEqualTo(slow);
        });
  }

  @Test
  void askingForTheVerdictOfAFastResultYieldsTheSameReasonAndDetail() {
    qt().forAll(Generators.lines(), Generators.grantLists(), Generators.priceLists(),
            Generate.enumValues(CoveragePolicy.class))
        .checkAssert((line, grants, prices, coverage) -> {
          LineResult r = standard(grants, prices, coverage).evaluate(line);
          Verdict v = r.verdict();
          assertThat(v.reason()).isEqualTo(r.reason());
          assertThat(v.detail()).isEqualTo(r.detail());
          assertThat(v.isEligible()).isEqualTo(r.isEligible());
        });
  }

  @Test
  void memoisedDecisionsDoNotDependOnWhichLineCameFirst() {
    qt().forAll(Generators.lines(), Generators.lines(), Generators.grantLists(), Generators.priceLists())
        .checkAssert((a, b, grants, prices) -> {
          PecCalculator pec = standard(grants, prices, CoveragePolicy.UNION);
          LineResult aFirst = pec.evaluate(a);
          LineResult bThen = pec.evaluate(b);
          PecCalculator fresh = standard(grants, prices, CoveragePolicy.UNION);
          LineResult bFirst = fresh.evaluate(b);
          LineResult aThen = fresh.evaluate(a);
          assertThat(bThen).isEqualTo(bFirst);
          assertThat(aThen).isEqualTo(aFirst);
        });
  }

  @Test
  void productRulesPassTogetherExactlyWhenEachStandardProductRuleHolds() {
    qt().forAll(Generators.lines(), Generators.priceLists()).checkAssert((line, prices) -> {
      PecCalculator pec = PecCalculator.builder().priceList(prices).build();
      Verdict full = pec.verdictOf(line);
      boolean productRulesHold = full.children().subList(0, 6).stream().allMatch(Verdict::isEligible);
      assertThat(Rules.passesProductRules(line,
          prices.map(p -> p.entriesForMeter(line.productId(), line.skuId(), line.meterId())).orElse(null)))
          .isEqualTo(productRulesHold);
    });
  }
}
