package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Qt.qt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;
import org.openpec.model.PriceList;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.Decision;
import org.openpec.rules.EligibilityRule;
import org.openpec.rules.LineFacts;
import org.openpec.rules.Reason;
import org.openpec.rules.Rules;
import org.openpec.rules.Verdict;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every rule answers {@code decide} and {@code explain} from the same objects: over random rule trees (the
 * standard rules, with rules added, removed and reordered, negations, empty and non-empty {@code anyOf}, nested
 * {@code allOf}, callers' rules with their own reasons) the cheap decision always equals the reason and detail of
 * the full verdict, and the calculator's facts (looked up on demand, the access funnel remembered) decide exactly
 * as facts given in full.
 */
class RuleTreeProperties {

  private static final Reason CALLER_EXCLUSION = Reason.productExclusion("TREE_CALLER_EXCLUDED");
  private static final Reason CALLER_LOSS = Reason.loss("TREE_CALLER_LOSS");

  /** A rule tree and a coverage policy. */
  private record Case(EligibilityRule tree, CoveragePolicy coverage) {
    @Override
    public String toString() {
      return coverage + " " + tree.description();
    }
  }

  /** Rule trees built from a seed, so that a failure names the tree it found. */
  private static Gen<Case> trees() {
    return Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).map(seed -> {
      Random r = new Random(seed);
      return new Case(tree(r, 3), CoveragePolicy.values()[r.nextInt(CoveragePolicy.values().length)]);
    });
  }

  private static EligibilityRule tree(Random r, int depth) {
    int pick = r.nextInt(depth == 0 ? 3 : 9);
    switch (pick) {
      case 0:
        return Rules.standardRules().get(r.nextInt(8));
      case 1:
        return callerRule(r);
      case 2:
        return Rules.standard();
      case 3: {
        // The standard list with rules removed, reordered and added.
        List<EligibilityRule> parts = new ArrayList<>(Rules.standardRules());
        parts.removeIf(p -> r.nextInt(5) == 0);
        java.util.Collections.shuffle(parts, r);
        for (int i = r.nextInt(3); i > 0; i--) {
          parts.add(r.nextInt(parts.size() + 1), tree(r, depth - 1));
        }
        return Rules.allOf(parts);
      }
      case 4:
        return Rules.anyOf(children(r, depth));
      case 5:
        return Rules.allOf(children(r, depth));
      case 6:
        return Rules.not(tree(r, depth - 1), r.nextBoolean() ? Reason.RULE_NOT_MET : CALLER_LOSS);
      case 7:
        return Rules.anyOf(List.of());
      default:
        return Rules.rememberedByAccess(Rules.heldAllDay());
    }
  }

  private static List<EligibilityRule> children(Random r, int depth) {
    List<EligibilityRule> out = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      out.add(tree(r, depth - 1));
    }
    return out;
  }

  /** A caller's rule on the line alone, failing with a code of its own. */
  private static EligibilityRule callerRule(Random r) {
    int modulus = 2 + r.nextInt(3);
    Reason reason = r.nextBoolean() ? CALLER_EXCLUSION : CALLER_LOSS;
    String name = "customer hash not divisible by " + modulus;
    return Rules.named(name, f -> Math.floorMod(f.line().customerId().hashCode(), modulus) == 0
        ? Verdict.fail(name, reason, "customer " + f.line().customerId() + " is excluded")
        : Verdict.pass(name, "customer not excluded"));
  }

  private static PecCalculator calculator(EligibilityRule rule, List<AccessGrant> grants, Optional<PriceList> prices,
      CoveragePolicy coverage) {
    return PecCalculator.builder().rule(rule).addAllGrants(grants).priceList(prices).coverage(coverage).build();
  }

  @Test
  void decideAlwaysEqualsTheReasonAndDetailOfExplain() {
    qt().forAll(trees(), Generators.lines(), Generators.grantLists(), Generators.priceLists())
        .checkAssert((c, line, grants, prices) -> {
          EligibilityRule tree = c.tree();
          CoveragePolicy coverage = c.coverage();
          PecCalculator pec = calculator(tree, grants, prices, coverage);
          LineFacts given = LineFacts.of(line, prices.map(p -> p.entriesFor(line)),
              pec.factsOf(line).grants(), pec.roles(), pec.partners(), coverage);
          Verdict explained = tree.explain(given);
          Decision decided = tree.decide(given);
          assertThat(decided).as(tree.description()).isEqualTo(explained.decision());
          assertThat(decided.reason()).isEqualTo(explained.reason());
          assertThat(decided.detail()).isEqualTo(explained.detail());
          assertThat(decided.isEligible()).isEqualTo(explained.isEligible());
          // The calculator's lazy, remembering facts decide as the given ones, twice (the second from memory).
          assertThat(tree.decide(pec.factsOf(line))).isEqualTo(decided);
          LineResult r = pec.evaluate(line);
          assertThat(pec.evaluate(line)).isEqualTo(r);
          assertThat(r.reason()).isEqualTo(decided.reason());
          assertThat(r.detail()).isEqualTo(decided.detail());
          assertThat(r.verdict().decision()).isEqualTo(decided);
        });
  }

  @Test
  void theStandardRuleAndItsPartsComposedAgainGiveTheSameResults() {
    qt().forAll(Generators.lines(), Generators.grantLists(), Generators.priceLists(),
            Generate.enumValues(CoveragePolicy.class))
        .checkAssert((line, grants, prices, coverage) -> {
          LineResult standard = calculator(Rules.standard(), grants, prices, coverage).evaluate(line);
          LineResult composed = calculator(Rules.allOf(Rules.standardRules()), grants, prices, coverage)
              .evaluate(line);
          assertThat(composed).isEqualTo(standard);
          assertThat(composed.verdict().toTreeString()).isEqualTo(standard.verdict().toTreeString());
        });
  }

  @Test
  void rememberedDecisionsDoNotDependOnWhichLineCameFirst() {
    qt().forAll(Generators.lines(), Generators.lines(), Generators.grantLists(), Generators.priceLists())
        .checkAssert((a, b, grants, prices) -> {
          PecCalculator pec = calculator(Rules.standard(), grants, prices, CoveragePolicy.UNION);
          LineResult aFirst = pec.evaluate(a);
          LineResult bThen = pec.evaluate(b);
          PecCalculator fresh = calculator(Rules.standard(), grants, prices, CoveragePolicy.UNION);
          LineResult bFirst = fresh.evaluate(b);
          LineResult aThen = fresh.evaluate(a);
          assertThat(bThen).isEqualTo(bFirst);
          assertThat(aThen).isEqualTo(aFirst);
        });
  }
}
