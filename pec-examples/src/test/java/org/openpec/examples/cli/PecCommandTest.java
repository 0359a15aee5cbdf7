package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PecCommandTest {

  static Path worked;

  @TempDir
  Path dir;

  @BeforeAll
  static void locateWorkedExamples() throws URISyntaxException {
    worked = Path.of(PecCommandTest.class.getResource("/worked/usage.csv").toURI()).getParent();
  }

  static String w(String name) {
    return worked.resolve(name).toString();
  }

  static List<NamedCsvRecord> rows(String csv) {
    List<NamedCsvRecord> out = new ArrayList<>();
    CsvReader.builder().ofNamedCsvRecord(csv).forEach(out::add);
    return out;
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Nested
  class Credit {
    @Test
    void workedExamplesGiveTheSpecsNumbers() {
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--prices",
          w("prices.csv"));
      assertThat(run.status()).isZero();
      List<NamedCsvRecord> rows = rows(run.out());
      assertThat(rows).extracting(r -> r.getField("Reason")).containsExactly(
          "ELIGIBLE", "PARTIAL_DAY", "NO_ACCESS", "NO_ACCESS", "PARTIAL_DAY", "ELIGIBLE", "ELIGIBLE", "PARTIAL_DAY",
          "ROLE_NOT_ELIGIBLE", "ELIGIBLE", "PARTNER_NOT_LINKED", "THIRD_PARTY", "ELIGIBLE");
      NamedCsvRecord first = rows.get(0);
      assertThat(first.getField("PecPercentage")).isEqualTo("15");
      assertValue(first, "EffectiveUnitPrice", "0.425");
      assertValue(first, "ListCost", "12");
      assertValue(first, "Credit", "1.8");
      assertValue(first, "BillingPreTaxTotal", "10.20");
      assertValue(first, "BillingCredit", "1.80");
      NamedCsvRecord fx = rows.get(12);
      assertValue(fx, "EffectiveUnitPrice", "0.017845836214383695");
      assertValue(fx, "BillingPreTaxTotal", "0.35");
      assertValue(fx, "BillingCredit", "0.06");
      NamedCsvRecord lost = rows.get(1);
      assertThat(lost.getField("PecPercentage")).isEqualTo("0");
      assertValue(lost, "Credit", "0");
      assertValue(lost, "BillingPreTaxTotal", "12");
      assertThat(rows).extracting(r -> r.getField("Line")).containsExactly(
          "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
      assertThat(rows).allSatisfy(r -> assertThat(r.getField("ListCost")).doesNotContain("E"));
    }

    @Test
    void writesTheSummaryAndTheCsvToFiles() throws IOException {
      Path out = dir.resolve("credit.csv");
      Path summary = dir.resolve("summary.json");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out", out.toString(),
          "--summary", summary.toString());
      assertThat(run.status()).isZero();
      assertThat(run.out()).isEmpty();
      assertThat(rows(Files.readString(out))).hasSize(13);
      assertThat(Files.readString(summary)).contains("\"records\" : 13").contains("\"rejected\" : 0");
    }

    @Test
    void theSummaryKeepsEveryPairOfCurrenciesApartAndNamesItsCurrencies() throws IOException {
      Path summary = dir.resolve("summary.json");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out",
          dir.resolve("c.csv").toString(), "--summary", summary.toString());
      assertThat(run.status()).isZero();
      Json json = Json.read(summary);
      Json currencies = json.get("currencies");
      assertThat(currencies.size()).isEqualTo(2);
      // EUR (priced in USD) first: sections in billing-currency order
      assertThat(currencies.at(0).get("billingCurrency").asText()).isEqualTo("EUR");
      assertThat(currencies.at(0).get("pricingCurrency").asText()).isEqualTo("USD");
      assertThat(currencies.at(0).get("total").get("lines").asLong()).isEqualTo(1);
      assertThat(currencies.at(1).get("billingCurrency").asText()).isEqualTo("USD");
      assertThat(currencies.at(1).get("total").get("lines").asLong()).isEqualTo(12);
      long counted = 0;
      for (String reason : List.of("ELIGIBLE", "NO_ACCESS", "PARTIAL_DAY", "MARKETPLACE", "SPOT_VM", "BENEFIT_COVERED",
          "ROLE_NOT_ELIGIBLE", "ASSIGNMENT_NOT_ACTIVE", "PARTNER_NOT_LINKED", "OTHER_PARTNER", "RESERVATION",
          "THIRD_PARTY", "NOT_IN_PRICE_LIST", "AGREEMENT_INACTIVE")) {
        counted += json.get("linesByReason").has(reason) ? json.get("linesByReason").get(reason).asLong() : 0;
      }
      assertThat(counted).isEqualTo(json.get("evaluated").asLong()).isEqualTo(13);
    }

    @Test
    void rejectedRecordsAreReportedAndStrictExitsThree() throws IOException {
      Path usage = file("u.csv", Files.readString(worked.resolve("usage.csv")) + "C1,P,,plan,S1,2026-13-01,prod,0001,m,,1,1,USD,USD,1\n");
      CliRun run = CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"));
      assertThat(run.status()).isZero();
      NamedCsvRecord last = rows(run.out()).get(13);
      assertThat(last.getField("Reason")).isEqualTo("REJECTED");
      assertThat(last.getField("Detail")).isEqualTo("u.csv:15:6: UsageDate must be a date (yyyy-MM-dd, M/d/yyyy or ISO date-time), was \"2026-13-01\"");
      assertThat(run.err()).contains("u.csv:15:6:");
      CliRun strict = CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"), "--strict");
      assertThat(strict.status()).isEqualTo(3);
      assertThat(rows(strict.out())).hasSize(14);
    }

    @Test
    void badSideFileRowsAreReportedAndCountForStrict() throws IOException {
      Path grants = file("g.csv", Files.readString(worked.resolve("grants.csv")) + "Gx,P,AOBO,,,,Owner,/subscriptions/S1,,yesterday,\n");
      assertThat(CliRun.of("credit", "--usage", w("usage.csv"), "--grants", grants.toString()).err())
          .contains("g.csv:12:10: GrantedAt must be an ISO-8601 instant");
      assertThat(CliRun.of("credit", "--usage", w("usage.csv"), "--grants", grants.toString(), "--strict").status())
          .isEqualTo(3);
    }

    @Test
    void headerOnlyUsageIsANormalRunWithZeroRecords() throws IOException {
      Path usage = file("h.csv", Files.readAllLines(worked.resolve("usage.csv")).get(0) + "\n");
      CliRun run = CliRun.of("credit", "--usage", usage.toString(), "--grants", w("grants.csv"));
      assertThat(run.status()).isZero();
      assertThat(run.out().strip()).isEqualTo(org.openpec.internal.io.CreditCsv.HEADER_TEXT);
    }

    @Test
    void coverageSingleRefusesAHandover() {
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--coverage", "single");
      assertThat(rows(run.out()).get(6).getField("Reason")).isEqualTo("PARTIAL_DAY");
    }
  }

  @Nested
  class Reprice {
    String t(String name) {
      return worked.resolve("../tiers/" + name).normalize().toString();
    }

    @Test
    void graduatedTiersPriceTheMonthInUsageDayOrder() {
      CliRun run = CliRun.of("credit", "--usage", t("usage.csv"), "--grants", w("grants.csv"), "--prices",
          t("prices.csv"), "--reprice");
      assertThat(run.status()).as(run.err()).isZero();
      List<NamedCsvRecord> rows = rows(run.out());
      // The 5th comes first: 60 units at 1.00; then the 6th: 40 more at 1.00 and 1 at 0.80 = 40.80.
      assertValue(rows.get(1), "ListCost", "60");
      assertValue(rows.get(0), "ListCost", "40.80");
      assertValue(rows.get(0), "Credit", "6.12");
      assertValue(rows.get(0), "UnitPrice", "0.9951219512195122");
      assertValue(rows.get(0), "EffectiveUnitPrice", "0.8458536585365854");
      CliRun plain = CliRun.of("credit", "--usage", t("usage.csv"), "--grants", w("grants.csv"), "--prices",
          t("prices.csv"));
      assertValue(rows(plain.out()).get(0), "ListCost", "40.59");
    }

    @Test
    void conflictingEntriesMakeTheInputUnusable() {
      CliRun run = CliRun.of("credit", "--usage", t("usage.csv"), "--grants", w("grants.csv"), "--prices",
          t("conflict.csv"), "--reprice");
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("conflict.csv:2").contains("conflict.csv:3");
    }

    @Test
    void repriceNeedsAPriceListAndAFile() {
      assertThat(CliRun.of("credit", "--usage", t("usage.csv"), "--grants", w("grants.csv"), "--reprice").status())
          .isEqualTo(2);
      CliRun stdin = CliRun.of("credit", "--usage", "-", "--grants", w("grants.csv"), "--prices", t("prices.csv"),
          "--reprice");
      assertThat(stdin.status()).isEqualTo(2);
      assertThat(stdin.err()).contains("standard input");
    }
  }

  @Nested
  class ExitStatus {
    @Test
    void unusableInputsExitOneNamingFileAndColumn() throws IOException {
      Path empty = file("empty.csv", "");
      CliRun run = CliRun.of("credit", "--usage", empty.toString(), "--grants", w("grants.csv"));
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains(empty.toString());
      Path noColumn = file("nocol.csv", "CustomerId,MpnId\nC,P\n");
      CliRun missing = CliRun.of("credit", "--usage", noColumn.toString(), "--grants", w("grants.csv"));
      assertThat(missing.status()).isEqualTo(1);
      assertThat(missing.err()).contains("nocol.csv").contains("SubscriptionId");
      assertThat(CliRun.of("credit", "--usage", dir.resolve("absent.csv").toString(), "--grants", w("grants.csv"))
          .status()).isEqualTo(1);
    }

    @Test
    void usageErrorsExitTwoNamingTheOption() {
      CliRun noGrants = CliRun.of("credit", "--usage", w("usage.csv"));
      assertThat(noGrants.status()).isEqualTo(2);
      assertThat(noGrants.err()).contains("--grants");
      assertThat(CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--bogus").status())
          .isEqualTo(2);
      CliRun badCoverage = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--coverage",
          "half");
      assertThat(badCoverage.status()).isEqualTo(2);
      assertThat(badCoverage.err()).contains("--coverage");
      assertThat(CliRun.of("nosuchcommand").status()).isEqualTo(2);
      assertThat(CliRun.of().status()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "credit", "explain", "generate"})
    void everyCommandHasHelp(String command) {
      CliRun run = CliRun.of(command, "--help");
      assertThat(run.status()).isZero();
      assertThat(run.out()).contains("Usage: pec " + command);
    }
  }

  @Nested
  class Explain {
    @Test
    void explainsTheFunnelAndTheUncoveredPartOfTheDay() {
      CliRun run = CliRun.of("explain", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--line", "2");
      assertThat(run.status()).isZero();
      assertThat(run.out()).contains("PARTIAL_DAY").contains("G2").contains("covered:   00:00:00–10:00:00Z")
          .contains("uncovered: 10:00:00–24:00:00Z").contains("BillingPreTaxTotal");
    }

    @Test
    void lineOutOfRangeIsAUsageError() {
      CliRun run = CliRun.of("explain", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--line", "99");
      assertThat(run.status()).isEqualTo(2);
      assertThat(run.err()).contains("--line").contains("13 records");
      assertThat(CliRun.of("explain", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--line", "0")
          .status()).isEqualTo(2);
    }
  }

  @Nested
  class Demo {
    @Test
    void demoMatchesItsGoldenOutput() throws IOException {
      CliRun run = CliRun.of("demo");
      assertThat(run.status()).isZero();
      String golden = new String(PecCommandTest.class.getResourceAsStream("/golden/demo.txt").readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(run.out()).isEqualTo(golden);
    }
  }

  static void assertValue(NamedCsvRecord row, String column, String expected) {
    assertThat(new BigDecimal(row.getField(column))).as(column).isEqualByComparingTo(expected);
  }
}
