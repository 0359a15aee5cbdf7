package org.openpec.internal.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.model.AccessGrant;
import org.openpec.money.RoundingPolicy;
import org.openpec.internal.reconcile.SampleMonths;
import org.openpec.rules.Reason;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class LossTrackerProperties {

  private static final Gen<Long> SEEDS = Generate.longRange(0, Long.MAX_VALUE);

  @Test
  void episodesPartitionTheLostLinesExactly() {
    qt().withExamples(300).forAll(SampleMonths.months()).checkAssert(month -> {
      List<LineResult> results = month.results();
      LossReport report = results.stream().collect(LossTracker.collector(month.calculator()));

      BigDecimal creditLost = BigDecimal.ZERO;
      BigDecimal listCost = BigDecimal.ZERO;
      long lines = 0;
      Map<String, BigDecimal> billing = new TreeMap<>();
      for (LineResult r : results) {
        creditLost = creditLost.add(r.creditLost());
        if (LossTracker.isLoss(r)) {
          lines++;
          listCost = listCost.add(r.amounts().listCost());
          BigDecimal fx = r.line().pcToBcExchangeRate();
          BigDecimal lost = RoundingPolicy.billed(r.amounts().listCost().multiply(fx)).subtract(RoundingPolicy.billed(
              r.amounts().listCost().multiply(BigDecimal.ONE.subtract(r.rateInForce())).multiply(fx)));
          billing.merge(r.line().billingCurrency(), lost, BigDecimal::add);
        }
      }
      assertThat(report.total().creditLost()).isEqualByComparingTo(creditLost);
      assertThat(report.total().listCost()).isEqualByComparingTo(listCost);
      assertThat(report.total().lines()).isEqualTo(lines);
      assertThat(report.total().billingCreditLost().keySet()).isEqualTo(billing.keySet());
      billing.forEach((c, a) -> assertThat(report.total().billingCreditLost().get(c)).isEqualByComparingTo(a));

      // the same credit lost as the statement: Σ over product-eligible lines of listCost × rate − credit
      CreditStatement statement = results.stream().collect(CreditStatement.collector());
      assertThat(statement.lines()).isEqualTo(results.size());
      assertThat(report.episodes().stream().map(LossEpisode::creditLost).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo(creditLost);
    });
  }

  @Test
  void everyLostLineIsInExactlyOneMaximalEpisode() {
    qt().withExamples(300).forAll(SampleMonths.months()).checkAssert(month -> {
      List<LineResult> results = month.results();
      List<LossEpisode> episodes = results.stream().collect(LossTracker.collector(month.calculator())).episodes();
      for (LineResult r : results) {
        long holding = episodes.stream().filter(e -> e.customerId().equals(r.line().customerId())
            && e.billingCurrency().equals(r.line().billingCurrency())
            && e.scope().equals(r.line().resource()) && e.reason() == r.reason()
            && !r.line().usageDate().isBefore(e.firstDay()) && !r.line().usageDate().isAfter(e.lastDay())).count();
        assertThat(holding).as("%s", r.line()).isEqualTo(LossTracker.isLoss(r) ? 1 : 0);
      }
      for (LossEpisode e : episodes) {
        // every day of the run has a lost line of that reason, and the days around it have none
        for (LocalDate d = e.firstDay().minusDays(1); !d.isAfter(e.lastDay().plusDays(1)); d = d.plusDays(1)) {
          LocalDate day = d;
          boolean lost = results.stream().anyMatch(r -> LossTracker.isLoss(r) && r.reason() == e.reason()
              && r.line().customerId().equals(e.customerId()) && r.line().resource().equals(e.scope())
              && r.line().billingCurrency().equals(e.billingCurrency())
              && r.line().usageDate().equals(day));
          boolean inside = !d.isBefore(e.firstDay()) && !d.isAfter(e.lastDay());
          assertThat(lost).as("%s on %s", e, d).isEqualTo(inside);
        }
        assertThat(e.days()).isEqualTo(e.lastDay().toEpochDay() - e.firstDay().toEpochDay() + 1);
      }
      assertThat(episodes).isSortedAccordingTo(LossEpisode.ORDER);
    });
  }

  @Test
  void episodesIgnoreInputOrderAndPartitioning() {
    qt().withExamples(200).forAll(SampleMonths.months(), SEEDS).checkAssert((month, seed) -> {
      List<LineResult> results = month.results();
      List<LossEpisode> inOrder = results.stream().collect(LossTracker.collector(month.calculator())).episodes();
      List<LineResult> shuffled = new ArrayList<>(results);
      Random random = new Random(seed);
      Collections.shuffle(shuffled, random);
      int cut = random.nextInt(shuffled.size() + 1);
      LossTracker left = LossTracker.of(month.calculator());
      shuffled.subList(0, cut).forEach(left::add);
      LossTracker right = LossTracker.of(month.grants(), month.calculator().hierarchy());
      shuffled.subList(cut, shuffled.size()).forEach(right::add);
      assertThat(right.merge(left).toReport().episodes()).isEqualTo(inOrder);
      assertThat(shuffled.parallelStream().collect(LossTracker.collector(month.calculator())).episodes())
          .isEqualTo(inOrder);
    });
  }

  @Test
  void aRevocationNamedAsTheStartCoversTheResourceAndIsTheLatestBeforeTheGap() {
    qt().withExamples(300).forAll(SampleMonths.months(1, 4, 1, 30)).checkAssert(month -> {
      List<LossEpisode> episodes = month.results().stream().collect(LossTracker.collector(month.calculator()))
          .episodes();
      for (LossEpisode e : episodes) {
        if (e.reason() != Reason.NO_ACCESS) {
          continue;
        }
        Instant dayStart = e.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<AccessGrant> covering = month.grants().stream().filter(g -> g.scope().covers(e.scope())).toList();
        if (e.startEvent().startsWith("no grant before ")) {
          assertThat(e.startEvent()).isEqualTo("no grant before " + e.firstDay());
          assertThat(covering).as("%s", e).allSatisfy(g -> assertThat(g.grantedAt()).isAfterOrEqualTo(dayStart));
        } else {
          String id = e.startEvent().substring("grant ".length(), e.startEvent().indexOf(' ', "grant ".length()));
          AccessGrant named = covering.stream().filter(g -> g.grantId().equals(id)).findFirst().orElseThrow();
          Instant revoked = named.revokedAt().orElseThrow();
          assertThat(revoked).isBeforeOrEqualTo(dayStart);
          assertThat(e.startEvent()).endsWith(" revoked " + revoked);
          assertThat(covering).allSatisfy(g -> assertThat(g.revokedAt().filter(t -> t.isAfter(revoked)
              && !t.isAfter(dayStart))).as("%s revoked later than %s", g.grantId(), id).isEmpty());
        }
      }
    });
  }
}
