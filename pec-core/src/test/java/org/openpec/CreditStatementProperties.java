package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Qt.qt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;
import org.openpec.model.UsageLine;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The statement is a monoid: it depends on the lines, not on their order or how they were grouped. */
class CreditStatementProperties {

  /** Results of 0–12 lines evaluated against 0–4 grants. */
  private static Gen<List<LineResult>> results() {
    return Generators.lineLists(12).zip(Generators.grantLists(), (lines, grants) -> evaluate(lines, grants));
  }

  private static List<LineResult> evaluate(List<UsageLine> lines, List<AccessGrant> grants) {
    PecCalculator pec = PecCalculator.builder().addAllGrants(grants).build();
    return lines.stream().map(pec::evaluate).toList();
  }

  private static CreditStatement fold(List<LineResult> results) {
    CreditStatement s = CreditStatement.empty();
    for (LineResult r : results) {
      s = s.add(r);
    }
    return s;
  }

  private static Gen<Long> seeds() {
    return Generate.longRange(0, Long.MAX_VALUE);
  }

  @Test
  void theStatementDoesNotDependOnLineOrder() {
    qt().forAll(results(), seeds()).checkAssert((results, seed) -> {
      List<LineResult> shuffled = new ArrayList<>(results);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(fold(shuffled)).isEqualTo(fold(results)).hasSameHashCodeAs(fold(results));
    });
  }

  @Test
  void theStatementDoesNotDependOnHowLinesArePartitionedAndMerged() {
    qt().forAll(results(), seeds()).checkAssert((results, seed) -> {
      Random random = new Random(seed);
      List<CreditStatement> parts = new ArrayList<>();
      int from = 0;
      while (from < results.size()) {
        int to = from + 1 + random.nextInt(results.size() - from);
        parts.add(fold(results.subList(from, to)));
        from = to;
      }
      parts.add(CreditStatement.empty());
      Collections.shuffle(parts, random);
      // Merge neighbours pairwise in a random order: any bracketing of the merges gives the same statement.
      while (parts.size() > 1) {
        int i = random.nextInt(parts.size() - 1);
        parts.set(i, parts.get(i).merge(parts.remove(i + 1)));
      }
      assertThat(parts.get(0)).isEqualTo(fold(results));
    });
  }

  @Test
  void addFoldCollectorAndParallelStreamGiveTheSameStatement() {
    qt().forAll(results()).checkAssert(results -> {
      CreditStatement folded = fold(results);
      assertThat(results.stream().collect(CreditStatement.collector())).isEqualTo(folded);
      assertThat(results.parallelStream().collect(CreditStatement.collector())).isEqualTo(folded);
      assertThat(results.stream().map(CreditStatement::of).reduce(CreditStatement.empty(), CreditStatement::merge))
          .isEqualTo(folded);
    });
  }

  @Test
  void evaluatingThroughTheCalculatorsCollectorMatchesFoldingItsResults() {
    qt().forAll(Generators.lineLists(12), Generators.grantLists()).checkAssert((lines, grants) -> {
      PecCalculator pec = PecCalculator.builder().addAllGrants(grants).build();
      assertThat(lines.parallelStream().collect(pec.toStatement())).isEqualTo(fold(evaluate(lines, grants)));
    });
  }

  @Test
  void emptyIsTheIdentityOfMerge() {
    qt().forAll(results()).checkAssert(results -> {
      CreditStatement s = fold(results);
      assertThat(s.merge(CreditStatement.empty())).isEqualTo(s);
      assertThat(CreditStatement.empty().merge(s)).isEqualTo(s);
    });
  }

  @Test
  void leavingOutALineWithMoneyChangesTheStatement() {
    // Guards the other properties against an equals that cannot tell statements apart.
    qt().forAll(results()).checkAssert(results -> {
      for (int i = 0; i < results.size(); i++) {
        if (results.get(i).amounts().listCost().signum() != 0) {
          List<LineResult> fewer = new ArrayList<>(results);
          fewer.remove(i);
          assertThat(fold(fewer)).isNotEqualTo(fold(results));
          return;
        }
      }
    });
  }

  @Test
  void everyBreakdownSumsToTheTotal() {
    qt().forAll(results()).checkAssert(results -> {
      CreditStatement all = fold(results);
      assertThat(all.lines()).isEqualTo(results.size());
      assertThat(all.byCurrency().values().stream().mapToLong(t -> t.lines()).sum()).isEqualTo(results.size());
      long eligibleProducts = 0;
      for (var c : all.currencies()) {
        CreditStatement s = all.inCurrency(c);
        for (var breakdown : List.of(s.byCustomer(), s.bySubscription())) {
          assertThat(breakdown.values().stream().map(t -> t.credit()).reduce(java.math.BigDecimal.ZERO,
              java.math.BigDecimal::add)).isEqualByComparingTo(s.total().credit());
          assertThat(breakdown.values().stream().mapToLong(t -> t.lines()).sum()).isEqualTo(s.lines());
        }
        assertThat(s.byReason().values().stream().map(t -> t.listCost()).reduce(java.math.BigDecimal.ZERO,
            java.math.BigDecimal::add)).isEqualByComparingTo(s.total().listCost());
        eligibleProducts += s.productEligible().lines();
      }
      assertThat(eligibleProducts).isEqualTo(results.stream().filter(r -> !r.reason().isProductExclusion()).count());
    });
  }
}
