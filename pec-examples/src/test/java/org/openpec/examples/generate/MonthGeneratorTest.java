package org.openpec.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.examples.generate.MonthFiles.UsageRow;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceList;
import org.openpec.rules.Reason;

class MonthGeneratorTest {

  /** The header of docs/formats.md (usage file), as written there. */
  private static final String SPEC_HEADER = "PartnerId, PartnerName, CustomerId, CustomerName, CustomerDomainName, "
      + "CustomerCountry, MpnId, Tier2MpnId, InvoiceNumber, ProductId, SkuId, AvailabilityId, SkuName, ProductName, "
      + "PublisherName, PublisherId, SubscriptionDescription, SubscriptionId, ChargeStartDate, ChargeEndDate, "
      + "UsageDate, MeterType, MeterCategory, MeterId, MeterSubCategory, MeterName, MeterRegion, Unit, "
      + "ResourceLocation, ConsumedService, ResourceGroup, ResourceURI, ChargeType, UnitPrice, Quantity, UnitType, "
      + "BillingPreTaxTotal, BillingCurrency, PricingPreTaxTotal, PricingCurrency, ServiceInfo1, ServiceInfo2, "
      + "Tags, AdditionalInfo, EffectiveUnitPrice, PCToBCExchangeRate, PCToBCExchangeRateDate, EntitlementId, "
      + "EntitlementDescription, PartnerEarnedCreditPercentage, CreditPercentage, CreditType, BenefitOrderId, "
      + "BenefitId, BenefitType";

  private static final int CUSTOMERS = 13;
  private static final int LINES_PER_CUSTOMER_DAY = 20;
  private static final int DAYS = 30;

  @TempDir
  static Path dir;

  static GeneratedMonth month;
  static List<UsageRow> usage;
  private static List<LineResult> results;

  @BeforeAll
  static void generateSmallMonth() throws IOException {
    month = MonthGenerator.builder().customers(CUSTOMERS).days(DAYS).seed(11)
        .linesPerCustomerDay(LINES_PER_CUSTOMER_DAY).build().writeTo(dir.resolve("month"));
    usage = MonthFiles.usage(month.usageFile());
  }

  private static MonthGenerator small(long seed) {
    return MonthGenerator.builder().customers(4).days(5).seed(seed).linesPerCustomerDay(6).build();
  }

  @Nested
  class Determinism {

    @Test
    void sameSeedWritesIdenticalBytes(@TempDir Path tmp) throws IOException {
      GeneratedMonth a = small(5).writeTo(tmp.resolve("a"));
      GeneratedMonth b = small(5).writeTo(tmp.resolve("b"));
      for (int i = 0; i < a.files().size(); i++) {
        assertThat(Files.mismatch(a.files().get(i), b.files().get(i))).as(a.files().get(i).toString()).isEqualTo(-1L);
      }
      assertThat(a.malformedRecordNumbers()).isEqualTo(b.malformedRecordNumbers());
    }

    @Test
    void differentSeedsWriteDifferentMonths(@TempDir Path tmp) throws IOException {
      GeneratedMonth a = small(5).writeTo(tmp.resolve("a"));
      GeneratedMonth b = small(6).writeTo(tmp.resolve("b"));
      assertThat(Files.mismatch(a.usageFile(), b.usageFile())).isNotEqualTo(-1L);
      assertThat(Files.mismatch(a.grantsFile(), b.grantsFile())).isNotEqualTo(-1L);
    }

    @Test
    void theSameMonthIsTheSameWhateverElseRanBefore(@TempDir Path tmp) throws IOException {
      MonthGenerator g = small(5);
      GeneratedMonth first = g.writeTo(tmp.resolve("a"));
      small(99).writeTo(tmp.resolve("other"));
      GeneratedMonth again = g.writeTo(tmp.resolve("b"));
      assertThat(Files.mismatch(first.usageFile(), again.usageFile())).isEqualTo(-1L);
    }
  }

  @Nested
  class UsageFile {

    @Test
    void headerIsTheFiftyFiveColumnsOfTheSpecInOrder() throws IOException {
      List<String> spec = Arrays.asList(SPEC_HEADER.split(", "));
      assertThat(spec).hasSize(55);
      String firstLine = Files.newBufferedReader(month.usageFile()).readLine();
      assertThat(Arrays.asList(firstLine.split(",", -1))).containsExactlyElementsOf(spec);
      assertThat(MonthGenerator.USAGE_COLUMNS).containsExactlyElementsOf(spec);
    }

    @Test
    void recordCountIsCustomersTimesLinesTimesDaysPlusPurchases() {
      long purchases = usage.stream().filter(r -> r.fields().size() >= 33)
          .filter(r -> r.field("ChargeType").equals("Purchase")).count();
      assertThat(purchases).isPositive();
      assertThat(usage).hasSize((int) month.usageRecords());
      assertThat(month.usageRecords())
          .isEqualTo((long) CUSTOMERS * LINES_PER_CUSTOMER_DAY * DAYS + purchases);
    }

    @Test
    void everyRecordHasFiftyFiveFieldsExceptDeliberatelyMalformedOnes() {
      Set<Long> wrongCount = usage.stream().filter(r -> r.fields().size() != 55).map(UsageRow::record)
          .collect(Collectors.toSet());
      assertThat(wrongCount).isNotEmpty().isSubsetOf(month.malformedRecordNumbers());
    }

    @Test
    void reportedMalformedRecordsAreExactlyTheRecordsAReaderMustReject() {
      List<Long> rejected = usage.stream().filter(r -> r.problem().isPresent()).map(UsageRow::record).toList();
      assertThat(rejected).containsExactlyElementsOf(month.malformedRecordNumbers());
      assertThat(month.malformedRecords()).isGreaterThanOrEqualTo(4);
      Set<String> kinds = usage.stream().flatMap(r -> r.problem().stream()).map(p -> p.split(" ")[0] + " "
          + p.split(" ")[1]).collect(Collectors.toSet());
      assertThat(kinds).contains("field count", "bad number", "bad date", "missing UnitPrice");
    }

    @Test
    void malformedRecordsAreRareAndSpreadInLargeMonths() {
      MonthGenerator g = MonthGenerator.builder().targetLines(2_000_000).build();
      long total = g.plannedUsageRecords();
      assertThat(total).isBetween(1_999_900L, 2_000_100L);
      long[] at = g.plannedMalformedRecordNumbers();
      assertThat(at).hasSize((int) (total / 50_000));
      for (int i = 0; i < at.length; i++) {
        // One in each fortieth of the month.
        assertThat(at[i]).isBetween(1 + i * total / at.length, (i + 1) * total / at.length);
      }
    }

    @Test
    void moneyColumnsAreConsistentAndWithinDecimalPrecision() {
      BigDecimal fifteen = new BigDecimal("15");
      for (UsageRow r : usage) {
        if (r.line().isEmpty()) {
          continue;
        }
        String unitText = r.field("UnitPrice");
        String quantityText = r.field("Quantity");
        String fxText = r.field("PCToBCExchangeRate");
        for (String column : List.of("UnitPrice", "Quantity", "PCToBCExchangeRate", "EffectiveUnitPrice",
            "BillingPreTaxTotal", "PricingPreTaxTotal", "PartnerEarnedCreditPercentage")) {
          assertThat(r.field(column)).as(column + " of record " + r.record()).doesNotContainIgnoringCase("e")
              .matches(MonthFiles.NUMBER);
        }
        assertThat(MonthFiles.decimals(unitText)).isLessThanOrEqualTo(10);
        assertThat(MonthFiles.decimals(quantityText)).isLessThanOrEqualTo(6);
        assertThat(MonthFiles.decimals(fxText)).isLessThanOrEqualTo(9);
        BigDecimal unit = new BigDecimal(unitText);
        BigDecimal quantity = new BigDecimal(quantityText);
        BigDecimal fx = new BigDecimal(fxText);
        BigDecimal charged = new BigDecimal(r.field("EffectiveUnitPrice"));
        BigDecimal pec = new BigDecimal(r.field("PartnerEarnedCreditPercentage"));
        if (!r.field("BenefitType").isEmpty()) {
          assertThat(charged).isEqualByComparingTo("0");
        } else if (pec.compareTo(fifteen) == 0) {
          assertThat(charged).isEqualByComparingTo(unit.multiply(new BigDecimal("0.85")));
        } else {
          assertThat(pec).isEqualByComparingTo("0");
          assertThat(charged).isEqualByComparingTo(unit);
        }
        assertThat(new BigDecimal(r.field("PricingPreTaxTotal"))).as("record " + r.record())
            .isEqualByComparingTo(charged.multiply(quantity));
        assertThat(new BigDecimal(r.field("BillingPreTaxTotal"))).as("record " + r.record())
            .isEqualByComparingTo(charged.multiply(quantity).multiply(fx).setScale(2, RoundingMode.FLOOR));
      }
    }

    @Test
    void monthHasTheShapesOfARealPartner() {
      List<UsageRow> ok = usage.stream().filter(r -> r.line().isPresent()).toList();
      assertThat(ok.stream().map(r -> r.field("BillingCurrency")).collect(Collectors.toSet()))
          .contains("USD", "EUR", "GBP");
      assertThat(ok).anyMatch(r -> r.field("BillingCurrency").equals("EUR")
          && !r.field("PCToBCExchangeRate").equals("1"));
      assertThat(ok).anyMatch(r -> r.field("Tier2MpnId").isEmpty()).anyMatch(r -> !r.field("Tier2MpnId").isEmpty());
      assertThat(ok.stream().map(r -> r.field("MpnId")).collect(Collectors.toSet())).hasSize(3);
      assertThat(ok).anyMatch(r -> r.field("UsageDate").matches("\\d{4}-\\d{2}-\\d{2}"))
          .anyMatch(r -> r.field("UsageDate").matches("\\d{1,2}/\\d{1,2}/\\d{4}"));
      assertThat(ok).anyMatch(r -> r.field("Quantity").startsWith("-"));
      assertThat(ok).anyMatch(r -> !r.field("PublisherName").equals("Microsoft"));
      assertThat(ok).anyMatch(r -> r.field("ResourceURI").isEmpty());
      assertThat(ok).anyMatch(r -> r.field("ResourceURI").contains("/databases/"));
      // Several subscriptions under one Azure plan, several resource groups per subscription.
      Map<String, Set<String>> entitlementsPerPlan = new HashMap<>();
      Map<String, Set<String>> groupsPerEntitlement = new HashMap<>();
      Map<String, Integer> linesPerResourceDay = new HashMap<>();
      for (UsageRow r : ok) {
        entitlementsPerPlan.computeIfAbsent(r.field("SubscriptionId"), k -> new HashSet<>())
            .add(r.field("EntitlementId"));
        groupsPerEntitlement.computeIfAbsent(r.field("EntitlementId"), k -> new HashSet<>())
            .add(r.field("ResourceGroup").toLowerCase());
        linesPerResourceDay.merge(r.field("ResourceURI") + r.line().get().usageDate(), 1, Integer::sum);
      }
      assertThat(entitlementsPerPlan).hasSize(CUSTOMERS);
      assertThat(entitlementsPerPlan.values()).anyMatch(s -> s.size() > 1);
      assertThat(groupsPerEntitlement.values()).anyMatch(s -> s.size() > 2);
      assertThat(linesPerResourceDay.values()).anyMatch(n -> n >= 3);
    }
  }

  @Nested
  class OtherFiles {

    @Test
    void grantsParseIntoAccessGrantsOfEveryKind() {
      List<AccessGrant> grants = MonthFiles.grants(month.grantsFile());
      assertThat(grants).hasSize(month.grantRows());
      assertThat(grants.stream().map(AccessGrant::channel).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("AOBO", "LIGHTHOUSE_OFFER", "LIGHTHOUSE_TEMPLATE", "CUSTOMER_DIRECTORY");
      assertThat(grants).anyMatch(g -> g.assignment() == Assignment.ELIGIBLE)
          .anyMatch(g -> !g.isAttributed())
          .anyMatch(g -> g.partnerId().equals(java.util.Optional.of("7003311")))
          .anyMatch(g -> g.revokedAt().isPresent());
      // Subscription, resource-group and resource scopes.
      Set<Integer> depths = grants.stream().map(g -> g.scope().path().split("/").length).collect(Collectors.toSet());
      assertThat(depths).contains(3, 5, 9);
      // Mid-day revocations and grants.
      assertThat(grants).anyMatch(g -> g.revokedAt().filter(t -> t.toString().endsWith("T14:30:00Z")).isPresent());
    }

    @Test
    void priceListAndPartnersParse() {
      assertThat(MonthFiles.prices(month.pricesFile())).hasSize(month.priceRows());
      List<PartnerDirectory.Membership> partners = MonthFiles.partners(month.partnersFile());
      PartnerDirectory directory = PartnerDirectory.of(partners);
      assertThat(directory.organizationOf("5127807")).isEqualTo(directory.organizationOf("5127806"));
      assertThat(directory.hasAgreementOn("4920581", month.firstDay())).isTrue();
      assertThat(directory.hasAgreementOn("4920581", month.firstDay().plusDays(DAYS / 2))).isFalse();
      assertThat(directory.hasAgreementOn("4920581", month.lastDay())).isTrue();
    }
  }

  @Nested
  class WithTheCalculator {

    private List<LineResult> evaluate() {
      if (results == null) {
        results = evaluateOnce();
      }
      return results;
    }

    private List<LineResult> evaluateOnce() {
      PecCalculator pec = PecCalculator.builder()
          .priceList(PriceList.of(MonthFiles.prices(month.pricesFile())))
          .addAllGrants(MonthFiles.grants(month.grantsFile()))
          .partners(PartnerDirectory.of(MonthFiles.partners(month.partnersFile())))
          .build();
      return usage.stream().flatMap(r -> r.line().stream()).map(pec::evaluate).toList();
    }

    @Test
    void aSmallMonthShowsEveryReason() {
      Set<Reason> reasons = evaluate().stream().map(LineResult::reason)
          .collect(Collectors.toCollection(java.util.TreeSet::new));
      Set<Reason> expected = new java.util.TreeSet<>(Reason.values());
      expected.removeAll(Set.of(Reason.RULE_NOT_MET, Reason.REJECTED));
      assertThat(reasons).containsAll(expected);
    }

    @Test
    void mostLinesAreEligible() {
      Map<Reason, Long> counts = evaluate().stream()
          .collect(Collectors.groupingBy(LineResult::reason, Collectors.counting()));
      assertThat(counts.get(Reason.ELIGIBLE)).isGreaterThan(usage.size() / 4L);
    }

    @Test
    void reportedCreditMatchesTheScenarioOpenpecSees() {
      List<UsageRow> ok = usage.stream().filter(r -> r.line().isPresent()).toList();
      List<LineResult> results = evaluate();
      Set<Long> disagreeing = new TreeSet<>();
      for (int i = 0; i < ok.size(); i++) {
        boolean reported = ok.get(i).field("PartnerEarnedCreditPercentage").equals("15");
        if (reported != results.get(i).isEligible()) {
          disagreeing.add(ok.get(i).record());
        }
      }
      assertThat(disagreeing).isEmpty();
    }
  }

  @Nested
  class Parameters {

    @Test
    void linesPerCustomerDayFixesTheDailyTotal() {
      MonthGenerator g = MonthGenerator.builder().customers(7).days(3).linesPerCustomerDay(10).build();
      long purchases = java.util.stream.IntStream.range(0, 7).filter(c -> Tenant.hasPurchase(1, c)).count();
      assertThat(g.plannedUsageRecords()).isEqualTo(7 * 10 * 3 + purchases);
    }

    @Test
    void targetLinesScalesTheMonth() {
      long planned = MonthGenerator.builder().customers(50).days(30).targetLines(20_000_000).build()
          .plannedUsageRecords();
      assertThat(planned).isBetween(19_999_950L, 20_000_100L);
    }

    @Test
    void aTinyMonthStillWorks(@TempDir Path tmp) throws IOException {
      GeneratedMonth m = MonthGenerator.builder().customers(1).days(1).linesPerCustomerDay(1).build()
          .writeTo(tmp);
      assertThat(m.usageRecords()).isEqualTo(1);
      assertThat(MonthFiles.usage(m.usageFile())).hasSize(1);
    }

    @Test
    void malformedEveryZeroWritesNoMalformedRecord(@TempDir Path tmp) throws IOException {
      GeneratedMonth m = MonthGenerator.builder().customers(3).days(4).linesPerCustomerDay(5).malformedEvery(0)
          .build().writeTo(tmp);
      assertThat(m.malformedRecords()).isZero();
      assertThat(MonthFiles.usage(m.usageFile())).allMatch(r -> r.problem().isEmpty());
    }

    @Test
    void progressIsReportedUpToTheLastRecord(@TempDir Path tmp) throws IOException {
      List<Long> seen = new java.util.ArrayList<>();
      GeneratedMonth m = small(3).writeTo(tmp, seen::add);
      assertThat(seen).isNotEmpty().last().isEqualTo(m.usageRecords());
    }

    @Test
    void nonsenseIsRefused() {
      assertThatIllegalArgumentException().isThrownBy(() -> MonthGenerator.builder().customers(0))
          .withMessageContaining("customers");
      assertThatIllegalArgumentException().isThrownBy(() -> MonthGenerator.builder().days(0))
          .withMessageContaining("days");
      assertThatIllegalArgumentException().isThrownBy(() -> MonthGenerator.builder().linesPerCustomerDay(0))
          .withMessageContaining("linesPerCustomerDay");
      assertThatIllegalArgumentException().isThrownBy(() -> MonthGenerator.builder().targetLines(0))
          .withMessageContaining("targetLines");
      assertThatIllegalArgumentException().isThrownBy(() -> MonthGenerator.builder().malformedEvery(-1))
          .withMessageContaining("malformedEvery");
    }
  }
}
