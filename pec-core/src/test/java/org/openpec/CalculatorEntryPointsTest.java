package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Samples.ownerAllMonth;
import static org.openpec.Samples.vm;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.UsageLine;
import org.openpec.pricing.Repricing;
import org.openpec.rules.LineFacts;
import org.openpec.rules.Reason;

/** The calculator's stream and repricing entry points, and the price-list facts it hands the rules. */
class CalculatorEntryPointsTest {

  private static final String DAY = "2026-03-05";

  private static final PriceListEntry VM_ENTRY = PriceListEntry.builder().productId("DZH318Z0BQ4L").skuId("0001")
      .unitPrice(new BigDecimal("0.40")).build();

  @Test
  void aStreamOfLinesIsEvaluatedLineByLineInOrder() {
    PecCalculator pec = PecCalculator.builder().addGrants(ownerAllMonth()).build();
    UsageLine benefit = vm(DAY).withBenefitId("ri-1");
    List<LineResult> results = pec.evaluate(Stream.of(vm(DAY), benefit)).toList();
    assertThat(results).extracting(LineResult::reason).containsExactly(Reason.ELIGIBLE, Reason.BENEFIT_COVERED);
    assertThat(results.get(0).line()).isEqualTo(vm(DAY));
    assertThat(results.get(0).amounts()).isEqualTo(pec.evaluate(vm(DAY)).amounts());
  }

  @Test
  void aRepricingPlanPricesTheLineFromThePriceList() {
    PecCalculator pec = PecCalculator.builder().addGrants(ownerAllMonth()).build();
    UsageLine line = vm(DAY);
    Repricing.Plan plan = Repricing.of(PriceList.of(List.of(VM_ENTRY))).planner().add(1, line).plan();
    LineResult repriced = pec.evaluate(line, 1, plan);
    assertThat(repriced.repriced()).isTrue();
    assertThat(repriced.amounts().listCost()).isEqualByComparingTo("9.60");
    assertThat(pec.evaluate(line).amounts().listCost()).as("24 × 0.50 unrepriced").isEqualByComparingTo("12.00");
  }

  @Test
  void theRulesSeeThePriceListEntriesOfTheLine() {
    UsageLine line = vm(DAY);
    LineFacts with = PecCalculator.builder().priceList(PriceList.of(List.of(VM_ENTRY))).build().factsOf(line);
    assertThat(with.hasPriceList()).isTrue();
    assertThat(with.priceEntries()).hasValueSatisfying(e -> assertThat(e).containsExactly(VM_ENTRY));
    assertThat(with.priceEntries()).isSameAs(with.priceEntries());
    assertThat(with.priceEntriesAnyDay()).containsExactly(VM_ENTRY);
    LineFacts otherSku = PecCalculator.builder().priceList(PriceList.of(List.of(VM_ENTRY))).build()
        .factsOf(line.withSkuId("0002"));
    assertThat(otherSku.priceEntries()).hasValueSatisfying(e -> assertThat(e).isEmpty());
    LineFacts without = PecCalculator.builder().build().factsOf(line);
    assertThat(without.hasPriceList()).isFalse();
    assertThat(without.priceEntries()).isEmpty();
    assertThat(without.priceEntriesAnyDay()).isEmpty();
  }
}
