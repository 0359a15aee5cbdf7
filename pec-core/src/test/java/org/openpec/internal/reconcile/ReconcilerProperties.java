package org.openpec.internal.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openpec.LineResult;
import org.openpec.money.LineAmounts;
import org.openpec.money.PecRate;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ReconcilerProperties {

  private static final List<RoundingMode> MODES = List.of(RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING,
      RoundingMode.FLOOR, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN);

  private static final Gen<Long> SEEDS = Generate.longRange(0, Long.MAX_VALUE);

  /**
   * What Microsoft would write for a line, given openpec's figures: the percentage, possibly with trailing zeros;
   * the effective unit price rounded to some scale with some rounding mode (or exact); the billing total.
   */
  static Reported writtenFrom(LineResult r, Random random) {
    BigDecimal pct = ReconciledLine.expectedPercentageOf(r);
    String pctText = random.nextBoolean() ? pct.toPlainString() : pct.setScale(pct.scale() + 2).toPlainString();
    BigDecimal eup = r.amounts().effectiveUnitPrice();
    String eupText;
    if (eup == null) {
      eupText = "0";
    } else if (random.nextBoolean()) {
      eupText = eup.toPlainString();
    } else {
      eupText = eup.setScale(random.nextInt(17), MODES.get(random.nextInt(MODES.size()))).toPlainString();
    }
    return Reported.of(pctText, eupText, r.amounts().billingPreTaxTotal().toPlainString());
  }

  /** What Microsoft would write had it applied {@code rate} (a fraction) to the line instead. */
  static Reported writtenWithRate(LineResult r, BigDecimal rate) {
    LineAmounts a = r.repriced()
        ? LineAmounts.ofListCost(r.amounts().listCost(), r.line().quantity(), r.line().pcToBcExchangeRate(), rate)
        : LineAmounts.of(r.line().unitPrice(), r.line().quantity(), r.line().pcToBcExchangeRate(), rate);
    return Reported.of(PecRate.toPercentage(rate).toPlainString(),
        a.effectiveUnitPrice() == null ? "0" : a.effectiveUnitPrice().toPlainString(),
        a.billingPreTaxTotal().toPlainString());
  }

  @Test
  void reportedColumnsWrittenFromOpenpecsOwnResultsAlwaysMatch() {
    qt().withExamples(300).forAll(SampleMonths.months(), SEEDS).checkAssert((month, seed) -> {
      Random random = new Random(seed);
      List<LineResult> results = month.results();
      for (int i = 0; i < results.size(); i++) {
        ReconciledLine row = Reconciler.exact().reconcile(i + 1, results.get(i), writtenFrom(results.get(i), random));
        assertThat(row.kind()).as("%s", row).isEqualTo(ReconciliationKind.MATCH);
        assertThat(row.amountAtStake()).hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("0"));
      }
    });
  }

  @Test
  void flippingOneLinesPercentageFlagsExactlyThatLineWithItsKindAndAmount() {
    qt().withExamples(300).forAll(SampleMonths.months(), SEEDS).checkAssert((month, seed) -> {
      Random random = new Random(seed);
      List<LineResult> results = month.results();
      int flipped = random.nextInt(results.size());
      LineResult target = results.get(flipped);
      boolean expectsCredit = ReconciledLine.expectedPercentageOf(target).signum() > 0;
      BigDecimal otherRate = expectsCredit ? BigDecimal.ZERO : PecRate.STANDARD_RATE;
      LineAmounts microsoft = LineAmounts.ofListCost(target.amounts().listCost(), target.line().quantity(),
          target.line().pcToBcExchangeRate(), otherRate);
      BigDecimal stake = microsoft.billingPreTaxTotal().subtract(target.amounts().billingPreTaxTotal());

      List<ReconciledLine> rows = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        LineResult r = results.get(i);
        rows.add(Reconciler.exact().reconcile(i + 1, r, i == flipped ? writtenWithRate(r, otherRate)
            : writtenFrom(r, random)));
      }
      ReconciliationKind kind = expectsCredit ? ReconciliationKind.CREDIT_MISSING : ReconciliationKind.CREDIT_UNEXPECTED;
      for (ReconciledLine row : rows) {
        if (row.recordNumber() == flipped + 1) {
          assertThat(row.kind()).isEqualTo(kind);
          assertThat(row.amountAtStake().orElseThrow()).isEqualByComparingTo(stake);
        } else {
          assertThat(row.kind()).isEqualTo(ReconciliationKind.MATCH);
        }
      }
      ReconciliationSummary summary = rows.stream().collect(ReconciliationSummary.collector());
      assertThat(summary.count(kind)).isEqualTo(1);
      assertThat(summary.count(ReconciliationKind.MATCH)).isEqualTo(results.size() - 1);
      assertThat(summary.total().amountAtStake(kind).get(target.line().billingCurrency())).isEqualByComparingTo(stake);
      summary.total().amountAtStake().forEach((currency, a) -> assertThat(a).as(currency)
          .isEqualByComparingTo(currency.equals(target.line().billingCurrency()) ? stake : BigDecimal.ZERO));
      assertThat(summary.toRaise()).extracting(Claim::recordNumber)
          .containsExactlyElementsOf(expectsCredit ? List.of((long) flipped + 1) : List.of());
    });
  }

  @Test
  void theSummaryIgnoresOrderAndPartitioning() {
    qt().withExamples(200).forAll(SampleMonths.months(), SEEDS).checkAssert((month, seed) -> {
      Random random = new Random(seed);
      List<LineResult> results = month.results();
      List<ReconciledLine> rows = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        LineResult r = results.get(i);
        Reported reported = switch (random.nextInt(4)) {
          case 0 -> writtenFrom(r, random);
          case 1 -> writtenWithRate(r, BigDecimal.ZERO);
          case 2 -> writtenWithRate(r, new BigDecimal("0.12"));
          default -> Reported.of("15", random.nextBoolean() ? "" : "0.5", "1.00");
        };
        rows.add(Reconciler.exact().reconcile(i + 1, r, reported));
      }
      ReconciliationSummary folded = ReconciliationSummary.empty();
      for (ReconciledLine row : rows) {
        folded = folded.add(row);
      }
      List<ReconciledLine> shuffled = new ArrayList<>(rows);
      Collections.shuffle(shuffled, random);
      int cut = random.nextInt(shuffled.size() + 1);
      ReconciliationSummary left = shuffled.subList(0, cut).stream().collect(ReconciliationSummary.collector());
      ReconciliationSummary right = shuffled.subList(cut, shuffled.size()).parallelStream()
          .collect(ReconciliationSummary.collector());
      assertThat(right.merge(left)).isEqualTo(folded);
      assertThat(left.merge(ReconciliationSummary.empty())).isEqualTo(left);
      assertThat(folded.lines()).isEqualTo(rows.size());
      assertThat(folded.toRaise()).extracting(Claim::recordNumber).isSorted();
      long raised = rows.stream().filter(ReconciledLine::isToRaise).count();
      assertThat(folded.toRaise()).hasSize((int) raised);
      assertThat(folded.byCustomer().values().stream().mapToLong(ReconciliationTotals::lines).sum())
          .isEqualTo(rows.size());
    });
  }
}
