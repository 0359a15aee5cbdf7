package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.examples.format.FocusTable;
import org.openpec.examples.format.Xlsx;

/** The usage inputs of issue 13 through the command, and the output formats read back. */
class FormatsCommandTest {

  static Path worked;

  @TempDir
  Path dir;

  @BeforeAll
  static void locate() throws URISyntaxException {
    worked = Path.of(FormatsCommandTest.class.getResource("/worked/usage.csv").toURI()).getParent();
  }

  static String w(String name) {
    return worked.resolve(name).toString();
  }

  static final Set<String> NUMERIC = Set.of("Quantity", "UnitPrice", "PCToBCExchangeRate", "EffectiveUnitPrice",
      "BillingPreTaxTotal", "PartnerEarnedCreditPercentage");

  static String jsonName(String column) {
    if (column.startsWith("PCToBC")) {
      return "pcToBC" + column.substring(6);
    }
    return column.equals("ResourceURI") ? "resourceUri" : Character.toLowerCase(column.charAt(0)) + column.substring(1);
  }

  /** The records of a usage CSV as JSON Lines, in camelCase, numbers as JSON numbers; minus {@code drop}. */
  static String jsonLines(Path csv, Set<String> drop, Map<String, String> extra) throws IOException {
    StringBuilder out = new StringBuilder();
    for (NamedCsvRecord r : CsvReader.builder().ofNamedCsvRecord(csv)) {
      List<String> parts = new ArrayList<>();
      for (String h : r.getHeader()) {
        if (drop.contains(h)) {
          continue;
        }
        String v = r.getField(h);
        parts.add("\"" + jsonName(h) + "\":" + (NUMERIC.contains(h) ? v : "\"" + v + "\""));
      }
      extra.forEach((k, v) -> parts.add("\"" + k + "\":" + v));
      out.append('{').append(String.join(",", parts)).append("}\n");
    }
    return out.toString();
  }

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  Path gzip(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  static String manifest(String attributeSet, String... blobs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < blobs.length; i++) {
      b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(blobs[i]).append("\",\"partitionValue\":\"")
          .append(i + 1).append("\"}");
    }
    return "{\n  \"id\": \"m-1\",\n  \"schemaVersion\": \"2\",\n  \"dataFormat\": \"compressedJSONLines\",\n"
        + "  \"eTag\": \"e1\",\n  \"attributeSet\": \"" + attributeSet + "\",\n  \"blobCount\": " + blobs.length
        + ",\n  \"blobs\": [" + b + "]\n}\n";
  }

  static CliRun credit(String... usage) {
    List<String> args = new ArrayList<>(List.of("credit", "--grants", w("grants.csv")));
    for (String u : usage) {
      args.add("--usage");
      args.add(u);
    }
    return CliRun.of(args.toArray(new String[0]));
  }

  @Nested
  class Inputs {
    @Test
    void everyKindOfInputGivesTheSameCreditTable() throws IOException {
      CliRun csv = credit(w("usage.csv"));
      assertThat(csv.status()).isZero();
      String lines = jsonLines(worked.resolve("usage.csv"), Set.of(), Map.of());
      List<String> all = lines.lines().toList();
      Path jsonl = write("u.jsonl", lines);
      Path jsonlGz = gzip("u.data", lines);
      Path csvGz = gzip("u.csv.gz", Files.readString(worked.resolve("usage.csv")));
      gzip("part-1.json.gz", String.join("\n", all.subList(0, 5)) + "\n");
      gzip("export/part-2.json.gz", String.join("\n", all.subList(5, all.size())) + "\n");
      Path m = write("manifest.json", manifest("full", "reconciliation/2026-03/part-1.json.gz", "part-2.json.gz")
          .replace("part-2", "export/part-2"));
      for (Path p : List.of(jsonl, jsonlGz, csvGz, m)) {
        CliRun run = credit(p.toString());
        assertThat(run.status()).as(p.toString()).isZero();
        assertThat(run.out()).as(p.toString()).isEqualTo(csv.out());
      }
    }

    @Test
    void severalInputsAreOneFileNumberedOn() throws IOException {
      String text = Files.readString(worked.resolve("usage.csv"));
      String header = text.substring(0, text.indexOf('\n') + 1);
      List<String> records = text.substring(header.length()).lines().toList();
      Path a = write("a.csv", header + String.join("\n", records.subList(0, 4)) + "\n");
      Path b = gzip("b.jsonl.gz", jsonLines(worked.resolve("usage.csv"), Set.of(), Map.of()).lines()
          .skip(4).map(l -> l + "\n").reduce("", String::concat));
      CliRun two = credit(a.toString(), b.toString());
      assertThat(two.status()).isZero();
      assertThat(two.out()).isEqualTo(credit(w("usage.csv")).out());
    }

    @Test
    void rejectedJsonRecordNamesBlobLineAndColumn() throws IOException {
      String lines = jsonLines(worked.resolve("usage.csv"), Set.of(), Map.of());
      String bad = lines.replaceFirst("\"quantity\":24,", "\"quantity\":\"24,5\",");
      gzip("x/part-1.json.gz", bad);
      Path m = write("x/manifest.json", manifest("full", "part-1.json.gz"));
      CliRun run = credit(m.toString());
      int column = bad.lines().findFirst().orElseThrow().indexOf("\"24,5\"") + 1;
      assertThat(run.err()).contains("part-1.json.gz:1:" + column + ": quantity must be a decimal number, was \"24,5\"");
      assertThat(run.out()).contains("REJECTED").contains("part-1.json.gz:1:" + column + ":");
    }

    @Test
    void explainNamesTheBlobAndLineOfTheRecord() throws IOException {
      List<String> all = jsonLines(worked.resolve("usage.csv"), Set.of(), Map.of()).lines().toList();
      gzip("e/part-1.json.gz", String.join("\n", all.subList(0, 5)) + "\n");
      gzip("e/part-2.json.gz", String.join("\n", all.subList(5, all.size())) + "\n");
      Path m = write("e/manifest.json", manifest("full", "part-1.json.gz", "part-2.json.gz"));
      CliRun run = CliRun.of("explain", "--usage", m.toString(), "--grants", w("grants.csv"), "--line", "7");
      assertThat(run.status()).isZero();
      assertThat(run.out()).startsWith("Record 7 (part-2.json.gz line 2)");
    }

    @Test
    void basicAttributeSetIsExitOneNamingFieldsAndTheFix() throws IOException {
      gzip("b/part-1.json.gz", jsonLines(worked.resolve("usage.csv"), Set.of("MpnId", "Tier2MpnId", "MeterId"),
          Map.of()));
      Path m = write("b/manifest.json", manifest("basic", "part-1.json.gz"));
      CliRun run = credit(m.toString());
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).contains("lacks the fields mpnId, meterId that pec needs")
          .contains("attributeSet basic").contains("attributeSet=full");
    }

    @Test
    void reconcileOfJsonWithoutTheReportedFieldsIsExitOne() throws IOException {
      Path p = write("r.jsonl", jsonLines(worked.resolve("usage.csv"), Set.of(), Map.of()));
      CliRun run = CliRun.of("reconcile", "--usage", p.toString(), "--grants", w("grants.csv"));
      assertThat(run.status()).isEqualTo(1);
      assertThat(run.err()).contains("lacks the fields partnerEarnedCreditPercentage, effectiveUnitPrice, "
          + "billingPreTaxTotal that pec needs").contains("full attribute set");
      Path full = write("f.jsonl", jsonLines(worked.resolve("usage.csv"), Set.of(), Map.of(
          "partnerEarnedCreditPercentage", "15", "effectiveUnitPrice", "0.425", "billingPreTaxTotal", "10.2")));
      CliRun ok = CliRun.of("reconcile", "--usage", full.toString(), "--grants", w("grants.csv"));
      assertThat(ok.status()).isZero();
      assertThat(ok.out().lines().skip(1).findFirst().orElseThrow()).contains(",MATCH,");
    }

    @Test
    void europeanCsvReadsWithTheOptionsAndIsRefusedWithoutThem() throws IOException {
      StringBuilder eu = new StringBuilder("\uFEFF");
      for (String line : Files.readAllLines(worked.resolve("usage.csv"))) {
        String[] f = line.split(",", -1);
        for (int i = 10; i <= 14; i++) {
          f[i] = f[i].replace('.', ',');
        }
        eu.append(String.join(";", f)).append("\r\n");
      }
      Path p = write("eu.csv", eu.toString());
      CliRun refused = credit(p.toString());
      assertThat(refused.status()).isEqualTo(1);
      assertThat(refused.err()).contains("eu.csv: the header is separated by ';', not ','")
          .contains("--delimiter ';'").contains("--decimal-comma").doesNotContain("required column");
      CliRun read = CliRun.of("credit", "--usage", p.toString(), "--delimiter", ";", "--decimal-comma", "--grants",
          w("grants.csv"));
      assertThat(read.status()).isZero();
      assertThat(read.out()).isEqualTo(credit(w("usage.csv")).out());
      CliRun noComma = CliRun.of("credit", "--usage", p.toString(), "--delimiter", ";", "--grants", w("grants.csv"));
      assertThat(noComma.err()).contains("(a decimal comma: read the file with --decimal-comma)");
      assertThat(CliRun.of("credit", "--usage", p.toString(), "--delimiter", ";;", "--grants", w("grants.csv"))
          .status()).isEqualTo(2);
      assertThat(CliRun.of("credit", "--usage", p.toString(), "--decimal-comma", "--grants", w("grants.csv"))
          .status()).isEqualTo(2);
    }
  }

  @Nested
  class Outputs {
    @Test
    void creditXlsxReadsBackAsNumbersDatesAndExactText() throws Exception {
      Path out = dir.resolve("credit.xlsx");
      CliRun run = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--format", "xlsx",
          "--out", out.toString());
      assertThat(run.status()).isZero();
      Xlsx x = Xlsx.read(out);
      assertThat(x.sheetNames()).containsExactly("credit");
      assertThat(x.sheets().get(0)).hasSize(14);
      assertThat(x.cell(0, 1, "Line")).isEqualTo(new Xlsx.Cell("n", "1", ""));
      assertThat(x.cell(0, 1, "UsageDate").isNumber()).isTrue();
      assertThat(x.numberFormat(x.cell(0, 1, "UsageDate"))).isEqualTo("yyyy-mm-dd");
      assertThat(x.cell(0, 1, "BillingPreTaxTotal").isNumber()).isTrue();
      // record 13: 23.350007 × 0.0209951014286867 has more digits than Excel holds
      List<String> csv = credit(w("usage.csv")).out().lines().toList();
      String exactListCost = csv.get(13).split(",")[11];
      assertThat(new BigDecimal(exactListCost).precision()).isGreaterThan(15);
      assertThat(x.cell(0, 13, "ListCostExact").value()).isEqualTo(exactListCost);
      assertThat(new BigDecimal(x.cell(0, 13, "ListCost").value()))
          .isEqualByComparingTo(new BigDecimal(exactListCost).round(new java.math.MathContext(15)));
      assertThat(x.cell(0, 1, "ListCostExact")).isNull();
    }

    @Test
    void xlsxNeedsOutAndFocusIsForCreditOnly() {
      assertThat(CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--format", "xlsx")
          .err()).contains("--format xlsx writes a binary workbook: give --out");
      CliRun focus = CliRun.of("losses", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--format",
          "focus");
      assertThat(focus.status()).isEqualTo(2);
      assertThat(focus.err()).contains("--format focus is for pec credit only");
    }

    @Test
    void lossesAndReconcileWriteWorkbooks() throws Exception {
      Path losses = dir.resolve("l.xlsx");
      assertThat(CliRun.of("losses", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--format", "xlsx",
          "--out", losses.toString()).status()).isZero();
      Xlsx l = Xlsx.read(losses);
      assertThat(l.sheetNames()).containsExactly("losses");
      assertThat(l.cell(0, 1, "FirstDay").style()).isEqualTo("2");
      assertThat(l.cell(0, 1, "Days").isNumber()).isTrue();
      Path rec = dir.resolve("r.xlsx");
      assertThat(CliRun.of("reconcile", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--format", "xlsx",
          "--out", rec.toString()).status()).isZero();
      assertThat(Xlsx.read(rec).cell(0, 1, "Kind").value()).isEqualTo("REJECTED");
    }

    @Test
    void excelCsvOnStandardOutput() {
      CliRun run = CliRun.of("losses", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--excel-csv");
      assertThat(run.status()).isZero();
      assertThat(run.out()).startsWith("\uFEFFCustomerId;EntitlementId;Scope;Reason;");
      String first = run.out().lines().skip(1).findFirst().orElseThrow();
      assertThat(first.split(";")[8]).contains(",");
    }

    @Test
    void focusColumnsAgreeWithTheCreditTable() {
      CliRun focus = CliRun.of("credit", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--format",
          "focus");
      assertThat(focus.status()).isZero();
      List<NamedCsvRecord> rows = new ArrayList<>();
      CsvReader.builder().ofNamedCsvRecord(focus.out()).forEach(rows::add);
      List<NamedCsvRecord> credit = new ArrayList<>();
      CsvReader.builder().ofNamedCsvRecord(credit(w("usage.csv")).out()).forEach(credit::add);
      assertThat(rows.get(0).getHeader()).containsAll(List.of("BilledCost", "EffectiveCost", "ListCost",
          "ListUnitPrice", "PricingCurrency", "ChargeCategory", "BillingCurrency", "SubAccountId", "ResourceId",
          "ChargePeriodStart", "ChargePeriodEnd", "x_PartnerCreditApplied", "x_PartnerCreditRate", "x_PecReason",
          "x_PecCreditLost"));
      assertThat(rows).hasSize(credit.size());
      BigDecimal lost = BigDecimal.ZERO;
      for (int i = 0; i < rows.size(); i++) {
        NamedCsvRecord f = rows.get(i);
        NamedCsvRecord c = credit.get(i);
        assertThat(f.getField("x_PecReason")).isEqualTo(c.getField("Reason"));
        assertThat(f.getField("BilledCost")).isEqualTo(c.getField("BillingPreTaxTotal"));
        assertThat(new BigDecimal(f.getField("ListCost")).subtract(new BigDecimal(f.getField("BilledCost"))))
            .isEqualByComparingTo(c.getField("BillingCredit"));
        assertThat(f.getField("x_PartnerCreditApplied")).isEqualTo(
            c.getField("Reason").equals("ELIGIBLE") ? "true" : "false");
        assertThat(f.getField("ChargePeriodStart")).isEqualTo(c.getField("UsageDate") + "T00:00:00Z");
        assertThat(f.getField("SubAccountId")).isEqualTo(c.getField("EntitlementId"));
        lost = lost.add(new BigDecimal(f.getField("x_PecCreditLost")));
      }
      assertThat(rows.get(0).getField("x_PartnerCreditRate")).isEqualTo("0.15");
      assertThat(rows.get(0).getField("ChargePeriodEnd")).isEqualTo("2026-03-06T00:00:00Z");
      CliRun losses = CliRun.of("losses", "--usage", w("usage.csv"), "--grants", w("grants.csv"), "--out",
          dir.resolve("l.csv").toString());
      assertThat(losses.status()).isZero();
      BigDecimal episodes = BigDecimal.ZERO;
      List<NamedCsvRecord> l = new ArrayList<>();
      try {
        CsvReader.builder().ofNamedCsvRecord(dir.resolve("l.csv")).forEach(l::add);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      for (NamedCsvRecord e : l) {
        episodes = episodes.add(new BigDecimal(e.getField("BillingCreditLost")));
      }
      assertThat(lost).isEqualByComparingTo(episodes).isPositive();
      assertThat(FocusTable.SPEC.header()).doesNotHaveDuplicates();
    }
  }
}
