package org.openpec.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.rules.Reason;

/** The realistic shape: its proportions, determinism, access stories, and what openpec makes of it. */
class RealisticMonthTest {

  private static final long LINES = 100_000;

  @TempDir
  static Path dir;

  static GeneratedMonth month;
  static Stats stats;

  /** What one streaming pass over the usage file finds. */
  static final class Stats {
    final Set<String> customers = new HashSet<>();
    final Map<String, Set<String>> subscriptionsPerCustomer = new HashMap<>();
    final Map<String, Set<String>> groupsPerSubscription = new HashMap<>();
    final Map<String, Set<String>> resourcesPerGroup = new HashMap<>();
    final Map<String, Integer> linesPerResourceDay = new HashMap<>();
    final Map<String, int[]> daysOfResource = new HashMap<>();
    final Set<String> spellings = new HashSet<>();
    final Map<String, Set<String>> databasesPerServer = new HashMap<>();
    final List<Long> unreadable = new ArrayList<>();
    final Set<Long> disagreeing = new TreeSet<>();
    final Set<Reason> reasons = new HashSet<>();
    final Map<Reason, Long> reasonCounts = new HashMap<>();
    long records;
  }

  @BeforeAll
  static void generateAndRead() throws IOException {
    month = MonthGenerator.builder().shape(Shape.REALISTIC).targetLines(LINES).seed(3).build()
        .writeTo(dir.resolve("month"));
    PecCalculator pec = PecCalculator.builder()
        .priceList(PriceList.of(MonthFiles.prices(month.pricesFile())))
        .addAllGrants(MonthFiles.grants(month.grantsFile()))
        .partners(PartnerDirectory.of(MonthFiles.partners(month.partnersFile())))
        .build();
    Stats s = new Stats();
    MonthFiles.forEachUsage(month.usageFile(), row -> {
      s.records++;
      if (row.line().isEmpty()) {
        s.unreadable.add(row.record());
        return;
      }
      String customer = row.field("CustomerId");
      String sub = row.field("EntitlementId");
      String uri = row.field("ResourceURI");
      int day = row.line().get().usageDate().getDayOfMonth();
      s.customers.add(customer);
      s.subscriptionsPerCustomer.computeIfAbsent(customer, k -> new HashSet<>()).add(sub);
      LineResult result = pec.evaluate(row.line().get());
      s.reasons.add(result.reason());
      s.reasonCounts.merge(result.reason(), 1L, Long::sum);
      if (row.field("PartnerEarnedCreditPercentage").equals("15") != result.isEligible()) {
        s.disagreeing.add(row.record());
      }
      if (uri.isEmpty()) {
        return;
      }
      String key = uri.toLowerCase(Locale.ROOT);
      String group = key.split("/")[4];
      s.groupsPerSubscription.computeIfAbsent(sub, k -> new HashSet<>()).add(group);
      s.resourcesPerGroup.computeIfAbsent(sub + "/" + group, k -> new HashSet<>()).add(key);
      s.linesPerResourceDay.merge(key + "@" + day, 1, Integer::sum);
      int[] span = s.daysOfResource.computeIfAbsent(key, k -> new int[] {99, 0});
      span[0] = Math.min(span[0], day);
      span[1] = Math.max(span[1], day);
      if (uri.equals(key)) {
        s.spellings.add("lower case");
      } else if (uri.contains("/resourcegroups/")) {
        s.spellings.add("resourcegroups");
      } else if (uri.contains("/resourceGroups/")) {
        s.spellings.add("canonical");
      }
      int databases = key.indexOf("/databases/");
      if (databases > 0) {
        s.databasesPerServer.computeIfAbsent(key.substring(0, databases), k -> new HashSet<>()).add(key);
      }
    });
    stats = s;
  }

  @Nested
  class Proportions {

    @Test
    void aboutOneCustomerPer4500LinesAndTheRequestedSize() {
      assertThat(month.usageRecords()).isBetween(LINES, LINES + 12_000);
      assertThat(month.customers()).isEqualTo(stats.customers.size())
          .isBetween((int) (LINES / 5_500), (int) (LINES / 3_700));
    }

    @Test
    void oneToFourSubscriptionsTwoToSixGroupsFiveToEighteenResources() {
      assertThat(stats.subscriptionsPerCustomer.values()).allSatisfy(s -> assertThat(s.size()).isBetween(1, 4));
      assertThat(stats.subscriptionsPerCustomer.values().stream().map(Set::size).collect(Collectors.toSet()))
          .contains(1, 2, 3, 4);
      assertThat(stats.groupsPerSubscription.values()).allSatisfy(g -> assertThat(g.size()).isBetween(2, 6));
      // A group's resources: 5–18 drawn (a SQL server counts its databases), fewer seen only if some never ran.
      assertThat(stats.resourcesPerGroup.values()).allSatisfy(r -> assertThat(r.size()).isBetween(1, 18));
      double meanResources = stats.resourcesPerGroup.values().stream().mapToInt(Set::size).average().orElseThrow();
      assertThat(meanResources).isBetween(9.0, 13.0);
    }

    @Test
    void oneToThreeMetersPerResourceAndDay() {
      assertThat(stats.linesPerResourceDay.values()).allSatisfy(n -> assertThat(n).isBetween(1, 3));
      assertThat(new HashSet<>(stats.linesPerResourceDay.values())).contains(1, 2, 3);
    }

    @Test
    void resourcesAreCreatedAndDeletedMidMonth() {
      int days = month.days();
      assertThat(stats.daysOfResource.values()).anyMatch(span -> span[0] > 1 && span[1] == days)
          .anyMatch(span -> span[0] == 1 && span[1] < days);
      long wholeMonth = stats.daysOfResource.values().stream().filter(s -> s[0] == 1 && s[1] == days).count();
      assertThat((double) wholeMonth / stats.daysOfResource.size()).isBetween(0.75, 0.95);
    }

    @Test
    void resourceIdsComeInEverySpellingAndDatabasesSitUnderTheirServer() {
      assertThat(stats.spellings).containsExactlyInAnyOrder("canonical", "lower case", "resourcegroups");
      assertThat(stats.databasesPerServer.values()).anyMatch(d -> d.size() > 1);
    }

    @Test
    void aboutEightHundredBytesPerRecord() {
      assertThat((double) month.usageBytes() / month.usageRecords()).isBetween(700.0, 950.0);
    }

    @Test
    void aboutOnePointFourGrantsPerThousandLines() {
      assertThat(month.grantRows() * 1000.0 / month.usageRecords()).isBetween(1.0, 2.0);
    }

    @Test
    void thePriceListHoldsAbout2300MetersWithEveryKindOfEntry() {
      assertThat(new RealisticCatalog().meterCount()).isBetween(2_200, 2_450);
      List<PriceListEntry> prices = MonthFiles.prices(month.pricesFile());
      assertThat(prices).hasSize(month.priceRows()).hasSizeGreaterThan(1_900);
      assertThat(prices).anyMatch(p -> p.meterIds().size() > 2).anyMatch(p -> p.meterIds().isEmpty())
          .anyMatch(p -> p.tierMin().isPresent()).anyMatch(p -> p.skuTitle().contains("Spot"))
          .anyMatch(p -> p.tags().contains("Third Party")).anyMatch(p -> p.tags().contains("Reservations"))
          .anyMatch(p -> !p.publisher().equals("Microsoft"))
          .anyMatch(p -> p.effectiveEnd().filter(e -> e.isAfter(month.firstDay())
              && e.isBefore(month.lastDay())).isPresent());
    }
  }

  @Nested
  class Access {

    @Test
    void everyAccessStoryIsTold() {
      RealisticCatalog catalog = new RealisticCatalog();
      Partner.Set partners = new Partner.Set();
      Set<RealisticTenant.Story> stories = EnumSet.noneOf(RealisticTenant.Story.class);
      for (int c = 0; c < month.customers(); c++) {
        stories.add(new RealisticTenant(c, 3, catalog, partners, month.firstDay(), month.days()).story);
      }
      assertThat(stories).containsExactlyInAnyOrder(RealisticTenant.Story.values());
    }

    @Test
    void grantsShowEveryKindOfAccess() {
      List<AccessGrant> grants = MonthFiles.grants(month.grantsFile());
      assertThat(grants).hasSize(month.grantRows());
      assertThat(grants.stream().map(AccessGrant::channel).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("AOBO", "LIGHTHOUSE_OFFER", "LIGHTHOUSE_TEMPLATE", "CUSTOMER_DIRECTORY");
      assertThat(grants).anyMatch(g -> g.assignment() == Assignment.ELIGIBLE)
          .anyMatch(g -> g.channel().equals("LIGHTHOUSE_TEMPLATE") && !g.isAttributed())
          .anyMatch(g -> g.partnerId().equals(Optional.of("7003311")))
          .anyMatch(g -> g.partnerId().equals(Optional.of("5127807")))
          .anyMatch(g -> g.channel().equals("AOBO") && g.partnerId().filter(p -> p.startsWith("60")).isPresent())
          .anyMatch(g -> g.revokedAt().filter(t -> t.toString().endsWith("T14:30:00Z")).isPresent());
      Set<Integer> depths = grants.stream().map(g -> g.scope().path().split("/").length).collect(Collectors.toSet());
      assertThat(depths).contains(3, 5, 9);
    }

    @Test
    void everyReasonOfTheRulesAppears() {
      assertThat(stats.reasons).containsAll(Reason.values().stream()
          .filter(r -> r != Reason.RULE_NOT_MET && r != Reason.REJECTED).toList());
      assertThat(stats.reasonCounts.get(Reason.ELIGIBLE)).isGreaterThan(stats.records / 2);
    }

    @Test
    void onlyTheDeliberatelyMalformedRecordsAreUnreadable() {
      assertThat(stats.records).isEqualTo(month.usageRecords());
      assertThat(stats.unreadable).containsExactlyElementsOf(month.malformedRecordNumbers());
      assertThat(stats.reasons).doesNotContain(Reason.REJECTED);
    }

    @Test
    void theReportedCreditIsWhatOpenpecFinds() {
      assertThat(stats.disagreeing).isEmpty();
    }
  }

  @Nested
  class Determinism {

    private MonthGenerator small(long seed) {
      return MonthGenerator.builder().shape(Shape.REALISTIC).customers(2).days(6).seed(seed).build();
    }

    @Test
    void sameSeedWritesIdenticalBytes(@TempDir Path tmp) throws IOException {
      GeneratedMonth a = small(5).writeTo(tmp.resolve("a"));
      GeneratedMonth b = small(5).writeTo(tmp.resolve("b"));
      for (int i = 0; i < a.files().size(); i++) {
        assertThat(Files.mismatch(a.files().get(i), b.files().get(i))).as(a.files().get(i).toString()).isEqualTo(-1L);
      }
      assertThat(a.malformedRecordNumbers()).isEqualTo(b.malformedRecordNumbers());
      assertThat(a.usageRecords()).isEqualTo(small(5).plannedUsageRecords());
    }

    @Test
    void differentSeedsWriteDifferentMonths(@TempDir Path tmp) throws IOException {
      GeneratedMonth a = small(5).writeTo(tmp.resolve("a"));
      GeneratedMonth b = small(6).writeTo(tmp.resolve("b"));
      assertThat(Files.mismatch(a.usageFile(), b.usageFile())).isNotEqualTo(-1L);
      assertThat(Files.mismatch(a.grantsFile(), b.grantsFile())).isNotEqualTo(-1L);
      assertThat(Files.mismatch(a.pricesFile(), b.pricesFile())).as("the catalogue is the same for every seed")
          .isEqualTo(-1L);
    }

    @Test
    void plannedMalformedRecordsAreTheOnesWritten() {
      long[] planned = MonthGenerator.builder().shape(Shape.REALISTIC).targetLines(LINES).seed(3).build()
          .plannedMalformedRecordNumbers();
      assertThat(planned).hasSize(4);
      assertThat(month.malformedRecordNumbers()).containsExactly(Arrays.stream(planned).boxed().toArray(Long[]::new));
    }
  }
}
