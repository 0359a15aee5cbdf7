package org.openpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.Samples.RG1;
import static org.openpec.Samples.SUB;
import static org.openpec.Samples.VM_IN_RG1;
import static org.openpec.Samples.VM_IN_RG2;
import static org.openpec.Samples.grant;
import static org.openpec.Samples.line;
import static org.openpec.Samples.ownerAllMonth;
import static org.openpec.Samples.vm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.UsageLine;
import org.openpec.money.PecRate;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.Reason;

/** The worked examples 1–9 of docs/rules.md §13, with the numbers given there. */
class WorkedExamplesTest {

  private static PecCalculator with(AccessGrant... grants) {
    return PecCalculator.builder().addGrants(grants).build();
  }

  @Test
  void example1WholeMonthOwnerViaAoboEarnsFifteenPercent() {
    LineResult r = with(ownerAllMonth()).evaluate(vm("2026-03-05"));
    assertThat(r.reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(PecRate.toPercentage(r.amounts().rate())).isEqualByComparingTo("15");
    assertThat(r.amounts().effectiveUnitPrice()).isEqualByComparingTo("0.425");
    assertThat(r.amounts().listCost()).isEqualByComparingTo("12");
    assertThat(r.amounts().credit()).isEqualByComparingTo("1.8");
    assertThat(r.amounts().billingPreTaxTotal()).isEqualByComparingTo("10.20");
    assertThat(r.amounts().billingCredit()).isEqualByComparingTo("1.80");
  }

  @Test
  void example1EveryDayOfTheMonthEarns() {
    PecCalculator pec = with(ownerAllMonth());
    for (int d = 1; d <= 31; d++) {
      assertThat(pec.evaluate(vm(String.format("2026-03-%02d", d))).reason()).isEqualTo(Reason.ELIGIBLE);
    }
    assertThat(pec.evaluate(vm("2026-02-20")).reason()).as("granted at 08:00 that day").isEqualTo(Reason.PARTIAL_DAY);
    assertThat(pec.evaluate(vm("2026-02-21")).reason()).isEqualTo(Reason.ELIGIBLE);
  }

  @Test
  void example2RevokedMidDayIsPartialThenNoAccessOnEveryLaterDay() {
    PecCalculator pec = with(grant("G1", "P", "Owner", SUB, "2026-02-20T08:00:00Z", "2026-03-05T10:00:00Z",
        Assignment.ACTIVE));
    assertThat(pec.evaluate(vm("2026-03-04")).reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(pec.evaluate(vm("2026-03-05")).reason()).isEqualTo(Reason.PARTIAL_DAY);
    for (int d = 6; d <= 31; d++) {
      LineResult r = pec.evaluate(vm(String.format("2026-03-%02d", d)));
      assertThat(r.reason()).isEqualTo(Reason.NO_ACCESS);
      assertThat(r.amounts().credit()).isEqualByComparingTo("0");
    }
  }

  @Test
  void example3GrantedMidDayIsPartialThenEligibleFromTheNextDay() {
    PecCalculator pec = with(grant("G1", "P", "Owner", SUB, "2026-03-05T10:00:00Z"));
    assertThat(pec.evaluate(vm("2026-03-04")).reason()).isEqualTo(Reason.NO_ACCESS);
    LineResult fifth = pec.evaluate(vm("2026-03-05"));
    assertThat(fifth.reason()).isEqualTo(Reason.PARTIAL_DAY);
    assertThat(fifth.amounts().credit()).isEqualByComparingTo("0");
    assertThat(fifth.amounts().billingPreTaxTotal()).isEqualByComparingTo("12.00");
    LineResult sixth = pec.evaluate(vm("2026-03-06"));
    assertThat(sixth.reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(sixth.amounts().credit()).isEqualByComparingTo("1.8");
  }

  private static final AccessGrant HANDOVER_OWNER = grant("G1", "P", "Owner", SUB, "2026-02-01T00:00:00Z",
      "2026-03-05T10:00:00Z", Assignment.ACTIVE);
  private static final AccessGrant HANDOVER_CONTRIBUTOR = grant("G2", "P", "Contributor", RG1,
      "2026-03-05T09:00:00Z");

  @Test
  void example4HandoverUnionCoversAResourceInRg1ButNotOneInRg2() {
    PecCalculator pec = with(HANDOVER_OWNER, HANDOVER_CONTRIBUTOR);
    assertThat(pec.evaluate(line("2026-03-05", VM_IN_RG1, "P", "")).reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(pec.evaluate(line("2026-03-05", VM_IN_RG2, "P", "")).reason()).isEqualTo(Reason.PARTIAL_DAY);
    assertThat(pec.evaluate(line("2026-03-06", VM_IN_RG1, "P", "")).reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(pec.evaluate(line("2026-03-06", VM_IN_RG2, "P", "")).reason()).isEqualTo(Reason.NO_ACCESS);
  }

  @Test
  void example4HandoverUnderSingleCoverageIsPartial() {
    PecCalculator single = PecCalculator.builder().addGrants(HANDOVER_OWNER, HANDOVER_CONTRIBUTOR)
        .coverage(CoveragePolicy.SINGLE).build();
    LineResult r = single.evaluate(line("2026-03-05", VM_IN_RG1, "P", ""));
    assertThat(r.reason()).isEqualTo(Reason.PARTIAL_DAY);
    assertThat(r.verdict().detail()).contains("no single grant");
    assertThat(single.evaluate(line("2026-03-06", VM_IN_RG1, "P", "")).reason()).isEqualTo(Reason.ELIGIBLE);
  }

  @Test
  void example5ReaderOnlyIsRoleNotEligible() {
    LineResult r = with(grant("G1", "P", "Reader", SUB, "2026-02-20T08:00:00Z")).evaluate(vm("2026-03-05"));
    assertThat(r.reason()).isEqualTo(Reason.ROLE_NOT_ELIGIBLE);
    assertThat(r.amounts().credit()).isEqualByComparingTo("0");
  }

  @Test
  void example6IndirectResellerAccessEarnsForTheProvider() {
    UsageLine indirect = line("2026-03-05", "", "P", "R");
    LineResult r = with(grant("G1", "R", "Owner", SUB, "2026-02-20T08:00:00Z")).evaluate(indirect);
    assertThat(r.reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(r.line().billedPartnerId()).isEqualTo("P");
    assertThat(r.amounts().credit()).isEqualByComparingTo("1.8");
  }

  @Test
  void example6AccessHeldByBothProviderAndResellerEarnsOneCredit() {
    UsageLine indirect = line("2026-03-05", "", "P", "R");
    LineResult r = with(grant("G1", "R", "Owner", SUB, "2026-02-20T08:00:00Z"), ownerAllMonth()).evaluate(indirect);
    assertThat(r.reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(r.amounts().credit()).isEqualByComparingTo("1.8");
  }

  @Test
  void example7UnlinkedDirectoryUserIsPartnerNotLinked() {
    AccessGrant directoryUser = grant("G1", null, "Owner", SUB, "2026-02-20T08:00:00Z", null, Assignment.ACTIVE);
    assertThat(directoryUser.channel()).isEqualTo("CUSTOMER_DIRECTORY");
    assertThat(with(directoryUser).evaluate(vm("2026-03-05")).reason()).isEqualTo(Reason.PARTNER_NOT_LINKED);
    AccessGrant blank = AccessGrant.builder().grantId("G2").partnerId(" ").channel("CUSTOMER_DIRECTORY")
        .roleName("Owner").scope(org.openpec.model.Scope.parse(SUB)).grantedAt(Samples.at("2026-02-20T08:00:00Z"))
        .build();
    assertThat(with(blank).evaluate(vm("2026-03-05")).reason()).as("a blank PartnerId is none")
        .isEqualTo(Reason.PARTNER_NOT_LINKED);
  }

  @Test
  void example8ThirdPartyEvenWithOwnerAllMonth() {
    PriceList prices = PriceList.of(List.of(PriceListEntry.builder().productId("DZH318Z0BQ4L").skuId("0001")
        .tags("Third Party").unitPrice(new BigDecimal("0.50")).build()));
    LineResult r = PecCalculator.builder().addGrants(ownerAllMonth()).priceList(prices).build()
        .evaluate(vm("2026-03-05"));
    assertThat(r.reason()).isEqualTo(Reason.THIRD_PARTY);
    assertThat(r.amounts().credit()).isEqualByComparingTo("0");
    assertThat(r.creditLost()).as("a product exclusion is not a loss").isEqualByComparingTo("0");
  }

  @Test
  void example9FxAndFloor() {
    UsageLine line = Samples.builder("2026-03-05", "", "P", "").unitPrice(new BigDecimal("0.0209951014286867"))
        .quantity(new BigDecimal("23.350007")).pcToBcExchangeRate(new BigDecimal("0.846202666"))
        .billingCurrency("EUR").build();
    LineResult r = with(ownerAllMonth()).evaluate(line);
    assertThat(r.reason()).isEqualTo(Reason.ELIGIBLE);
    assertThat(r.amounts().effectiveUnitPrice()).isEqualByComparingTo("0.017845836214383695");
    assertThat(r.amounts().effectiveUnitPrice().multiply(line.quantity()).multiply(line.pcToBcExchangeRate())
        .toPlainString()).startsWith("0.35261298");
    assertThat(r.amounts().billingPreTaxTotal()).isEqualByComparingTo("0.35");
    assertThat(line.unitPrice().multiply(line.quantity()).multiply(line.pcToBcExchangeRate()).toPlainString())
        .startsWith("0.41483881");
    assertThat(r.amounts().billingCredit()).isEqualByComparingTo("0.06");
  }

  @Test
  void theOverviewExampleRunsAsDocumented() {
    LineResult r = with(ownerAllMonth()).evaluate(vm("2026-03-05"));
    assertThat(r.amounts().credit().toPlainString()).isEqualTo("1.8000");
    assertThat(r.amounts().billingPreTaxTotal().toPlainString()).isEqualTo("10.20");
    assertThat(LocalDate.parse("2026-03-05")).isEqualTo(r.line().usageDate());
  }
}
