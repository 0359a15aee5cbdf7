package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.examples.cli.PecCommandTest.assertValue;
import static org.openpec.examples.cli.PecCommandTest.rows;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.internal.io.ReconcileCsv;

class ReconcileCommandTest {

  static final String NORTHWIND = "5a2c3d4e-bbbb-4000-8000-00000000000b";
  static final String WINGTIP = "7c4e5f60-dddd-4000-8000-00000000000d";

  static Path demo;

  @TempDir
  Path dir;

  @BeforeAll
  static void extractDemo() throws IOException {
    demo = DemoCommand.extractSample();
  }

  @AfterAll
  static void deleteDemo() throws IOException {
    DemoCommand.deleteSample(demo);
  }

  static String d(String name) {
    return demo.resolve(name).toString();
  }

  /** {@code pec reconcile} on the demo month with {@code usage} and the extra arguments. */
  static CliRun reconcile(String usage, String... more) {
    List<String> args = new ArrayList<>(List.of("reconcile", "--usage", usage, "--grants", d("grants.csv"),
        "--prices", d("prices.csv"), "--partners", d("partners.csv")));
    args.addAll(Arrays.asList(more));
    return CliRun.of(args.toArray(new String[0]));
  }

  /** The demo usage file with one field of record {@code record} (1-based) replaced. */
  Path demoWith(int record, String column, String value) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(demo.resolve("usage.csv")));
    int at = Arrays.asList(lines.get(0).split(",", -1)).indexOf(column);
    assertThat(at).as(column).isNotNegative();
    String[] fields = lines.get(record).split(",", -1);
    fields[at] = value;
    lines.set(record, String.join(",", fields));
    Path p = dir.resolve("usage.csv");
    Files.write(p, lines, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void theDemoMonthShowsMicrosoftsTwoSurprises() {
    CliRun run = reconcile(d("usage.csv"));
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith(ReconcileCsv.HEADER_TEXT + "\n");
    assertThat(ReconcileCsv.HEADER_TEXT).isEqualTo("Line,CustomerId,EntitlementId,ResourceURI,UsageDate,MeterId,"
        + "Kind,ExpectedPercentage,ReportedPercentage,ExpectedEffectiveUnitPrice,ReportedEffectiveUnitPrice,"
        + "ExpectedBillingPreTaxTotal,ReportedBillingPreTaxTotal,AmountAtStake,Reason");
    List<NamedCsvRecord> rows = rows(run.out());
    assertThat(rows).hasSize(336);
    assertThat(rows).extracting(r -> Long.parseLong(r.getField("Line")))
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 336).boxed().toList());
    Map<String, Long> kinds = rows.stream().collect(Collectors.groupingBy(r -> r.getField("Kind"),
        Collectors.counting()));
    assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("MATCH", 333L, "CREDIT_MISSING", 2L,
        "CREDIT_UNEXPECTED", 1L));

    // Northwind got 0 % on 2026-03-22 although openpec expects 15: Microsoft billed more
    List<NamedCsvRecord> missing = rows.stream().filter(r -> r.getField("Kind").equals("CREDIT_MISSING")).toList();
    assertThat(missing).allSatisfy(r -> {
      assertThat(r.getField("CustomerId")).isEqualTo(NORTHWIND);
      assertThat(r.getField("UsageDate")).isEqualTo("2026-03-22");
      assertThat(r.getField("Reason")).isEqualTo("ELIGIBLE");
      assertThat(r.getField("ExpectedPercentage")).isEqualTo("15");
      assertThat(r.getField("ReportedPercentage")).isEqualTo("0");
      assertThat(new BigDecimal(r.getField("AmountAtStake"))).isPositive();
    });
    assertThat(missing).extracting(r -> r.getField("Line")).containsExactly("232", "233");
    assertValue(missing.get(0), "ExpectedBillingPreTaxTotal", "1.95");
    assertThat(missing.get(0).getField("ReportedBillingPreTaxTotal")).isEqualTo("2.30");
    assertValue(missing.get(0), "AmountAtStake", "0.35");
    assertValue(missing.get(1), "AmountAtStake", "0.14");

    // Wingtip got 15 % on 2026-03-05 although it holds only Reader: Microsoft billed less
    NamedCsvRecord unexpected = rows.stream().filter(r -> r.getField("Kind").equals("CREDIT_UNEXPECTED"))
        .findFirst().orElseThrow();
    assertThat(unexpected.getField("Line")).isEqualTo("52");
    assertThat(unexpected.getField("CustomerId")).isEqualTo(WINGTIP);
    assertThat(unexpected.getField("UsageDate")).isEqualTo("2026-03-05");
    assertThat(unexpected.getField("Reason")).isEqualTo("ROLE_NOT_ELIGIBLE");
    assertThat(unexpected.getField("ExpectedPercentage")).isEqualTo("0");
    assertThat(unexpected.getField("ReportedPercentage")).isEqualTo("15");
    assertValue(unexpected, "AmountAtStake", "-0.18");

    assertThat(rows.stream().filter(r -> r.getField("Kind").equals("MATCH")))
        .allSatisfy(r -> assertValue(r, "AmountAtStake", "0"));
    assertThat(rows).allSatisfy(r -> assertThat(r.getField("ExpectedEffectiveUnitPrice")).doesNotContain("E"));
  }

  @Test
  void theSummaryCountsKindsPerCustomerAndListsTheLinesToRaise() throws IOException {
    Path out = dir.resolve("r.csv");
    Path summary = dir.resolve("r.json");
    CliRun run = reconcile(d("usage.csv"), "--out", out.toString(), "--summary", summary.toString());
    assertThat(run.status()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(rows(Files.readString(out))).hasSize(336);
    Json json = Json.read(summary);
    assertThat(json.get("records").asLong()).isEqualTo(336);
    assertThat(json.get("rejected").asLong()).isZero();
    Json byKind = json.get("total").get("byKind");
    assertThat(byKind.get("MATCH").get("lines").asLong()).isEqualTo(333);
    assertThat(byKind.get("CREDIT_MISSING").get("lines").asLong()).isEqualTo(2);
    assertThat(new BigDecimal(byKind.get("CREDIT_MISSING").get("amountAtStake").get("USD").asText()))
        .isEqualByComparingTo("0.49");
    assertThat(new BigDecimal(byKind.get("CREDIT_UNEXPECTED").get("amountAtStake").get("USD").asText()))
        .isEqualByComparingTo("-0.18");
    assertThat(byKind.get("REJECTED").get("lines").asLong()).isZero();
    Json northwind = json.get("byCustomer").get(NORTHWIND).get("byKind");
    assertThat(northwind.get("CREDIT_MISSING").get("lines").asLong()).isEqualTo(2);
    assertThat(northwind.get("MATCH").get("lines").asLong()).isEqualTo(60);
    assertThat(json.get("byCustomer").get(WINGTIP).get("byKind").get("CREDIT_UNEXPECTED").get("lines").asLong())
        .isEqualTo(1);
    Json raise = json.get("toRaise");
    assertThat(raise.get("lines").asLong()).isEqualTo(2);
    assertThat(raise.get("claims").size()).isEqualTo(2);
    assertThat(raise.get("claims").at(0).get("line").asLong()).isEqualTo(232);
    assertThat(raise.get("claims").at(1).get("line").asLong()).isEqualTo(233);
    assertThat(raise.get("claims").at(0).get("kind").asText()).isEqualTo("CREDIT_MISSING");
    assertThat(new BigDecimal(raise.get("amountAtStake").get("USD").asText())).isEqualByComparingTo("0.49");
  }

  @Test
  void toleranceOptionsWidenTheMatch() throws IOException {
    // record 1: expected 0.0816 / 1.95; reported 0.0817 is one unit of its last place away
    Path price = demoWith(1, "EffectiveUnitPrice", "0.0817");
    assertThat(kindOf(reconcile(price.toString()), 1)).isEqualTo("PRICE_MISMATCH");
    assertThat(kindOf(reconcile(price.toString(), "--price-tolerance", "0.0001"), 1)).isEqualTo("MATCH");
    Path total = demoWith(1, "BillingPreTaxTotal", "1.98");
    CliRun strictTotal = reconcile(total.toString());
    assertThat(kindOf(strictTotal, 1)).isEqualTo("TOTAL_MISMATCH");
    assertValue(rows(strictTotal.out()).get(0), "AmountAtStake", "0.03");
    assertThat(kindOf(reconcile(total.toString(), "--total-tolerance", "0.03"), 1)).isEqualTo("MATCH");
    assertThat(kindOf(reconcile(total.toString(), "--total-tolerance", "0.02"), 1)).isEqualTo("TOTAL_MISMATCH");
  }

  @Test
  void reportedTextIsEchoedAsWrittenAndComparedByValue() throws IOException {
    Path usage = demoWith(1, "PartnerEarnedCreditPercentage", "15.00");
    NamedCsvRecord row = rows(reconcile(usage.toString()).out()).get(0);
    assertThat(row.getField("Kind")).isEqualTo("MATCH");
    assertThat(row.getField("ReportedPercentage")).isEqualTo("15.00");
  }

  @Test
  void anUnusableReportedValueRejectsTheLineButKeepsTheExpectation() throws IOException {
    Path usage = demoWith(1, "PartnerEarnedCreditPercentage", "=1+1");
    CliRun run = reconcile(usage.toString());
    assertThat(run.status()).isZero();
    NamedCsvRecord row = rows(run.out()).get(0);
    assertThat(row.getField("Kind")).isEqualTo("REJECTED");
    assertThat(row.getField("Reason")).isEqualTo("ELIGIBLE");
    assertThat(row.getField("ReportedPercentage")).isEqualTo("'=1+1");
    assertThat(row.getField("ExpectedPercentage")).isEqualTo("15");
    assertValue(row, "ExpectedBillingPreTaxTotal", "1.95");
    assertThat(row.getField("AmountAtStake")).isEmpty();
    assertThat(run.err()).contains("usage.csv:2:").contains("PartnerEarnedCreditPercentage is not a number");
    assertThat(reconcile(usage.toString(), "--strict").status()).isEqualTo(3);
    Path empty = demoWith(1, "BillingPreTaxTotal", "");
    assertThat(kindOf(reconcile(empty.toString()), 1)).isEqualTo("REJECTED");
  }

  @Test
  void anUnreadableRecordShowsItsRawTextAndNoExpectation() throws IOException {
    Path usage = demoWith(3, "UsageDate", "2026-03-32");
    CliRun run = reconcile(usage.toString());
    assertThat(run.status()).isZero();
    NamedCsvRecord row = rows(run.out()).get(2);
    assertThat(row.getField("Kind")).isEqualTo("REJECTED");
    assertThat(row.getField("Reason")).isEqualTo("REJECTED");
    assertThat(row.getField("UsageDate")).isEqualTo("2026-03-32");
    assertThat(row.getField("CustomerId")).isEqualTo("4f1b2c3d-aaaa-4000-8000-00000000000a");
    assertThat(row.getField("ReportedPercentage")).isEqualTo("0");
    assertThat(List.of("ExpectedPercentage", "ExpectedEffectiveUnitPrice", "ExpectedBillingPreTaxTotal",
        "AmountAtStake")).allSatisfy(c -> assertThat(row.getField(c)).as(c).isEmpty());
    assertThat(run.err()).contains("usage.csv:4:21: UsageDate must be a date");
    CliRun strict = reconcile(usage.toString(), "--strict");
    assertThat(strict.status()).isEqualTo(3);
    assertThat(rows(strict.out())).hasSize(336);
  }

  @Test
  void aFileWithoutThePecColumnsRejectsEveryLineWithOneWarningPerColumn() {
    Path worked;
    try {
      worked = Path.of(ReconcileCommandTest.class.getResource("/worked/usage.csv").toURI()).getParent();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
    CliRun run = CliRun.of("reconcile", "--usage", worked.resolve("usage.csv").toString(), "--grants",
        worked.resolve("grants.csv").toString());
    assertThat(run.status()).isZero();
    List<NamedCsvRecord> rows = rows(run.out());
    assertThat(rows).hasSize(13).allSatisfy(r -> {
      assertThat(r.getField("Kind")).isEqualTo("REJECTED");
      assertThat(r.getField("Reason")).isNotEqualTo("REJECTED");
      assertThat(r.getField("ExpectedPercentage")).isNotEmpty();
    });
    assertThat(run.err().lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("has no column"));
  }

  @Test
  void badToleranceValuesAreUsageErrorsNamingTheOption() {
    for (String bad : List.of("abc", "-0.01", "1,5", "")) {
      CliRun price = reconcile(d("usage.csv"), "--price-tolerance", bad);
      assertThat(price.status()).as(bad).isEqualTo(2);
      assertThat(price.err()).contains("--price-tolerance");
      CliRun total = reconcile(d("usage.csv"), "--total-tolerance", bad);
      assertThat(total.status()).as(bad).isEqualTo(2);
      assertThat(total.err()).contains("--total-tolerance");
    }
  }

  @Test
  void unusableInputExitsOne() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    CliRun run = reconcile(empty.toString());
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains(empty.toString());
    assertThat(reconcile(dir.resolve("absent.csv").toString()).status()).isEqualTo(1);
  }

  @Test
  void parallelAndSequentialRunsWriteTheSameRows() {
    CliRun one = reconcile(d("usage.csv"), "--threads", "1");
    CliRun many = reconcile(d("usage.csv"), "--threads", "3");
    assertThat(many.out()).isEqualTo(one.out());
  }

  @Test
  void helpNamesTheOptions() {
    CliRun run = CliRun.of("reconcile", "--help");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: pec reconcile").contains("--price-tolerance").contains("--total-tolerance")
        .contains("--summary").contains("--strict");
  }

  private static String kindOf(CliRun run, int record) {
    Function<NamedCsvRecord, String> kind = r -> r.getField("Kind");
    return kind.apply(rows(run.out()).get(record - 1));
  }
}
