package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.examples.cli.ReportPage.exact;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.CreditStatement;
import org.openpec.examples.report.HtmlReport;
import org.openpec.examples.report.MonthFigures;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;
import org.openpec.money.Currencies;
import org.openpec.money.Totals;
import org.openpec.rules.CoveragePolicy;
import picocli.CommandLine;

/** {@code pec report} and {@code pec summary}: the page's figures are the statement's, exactly. */
class ReportCommandTest {

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

  /** The four files of a month: usage, grants, prices, partners. */
  record Month(Path usage, Path grants, Path prices, Path partners) {
    static Month in(Path folder) {
      return new Month(folder.resolve("usage.csv"), folder.resolve("grants.csv"), folder.resolve("prices.csv"),
          folder.resolve("partners.csv"));
    }

    List<String> args(String command, String... more) {
      List<String> a = new ArrayList<>(List.of(command, "--usage", usage.toString(), "--grants", grants.toString()));
      if (prices != null) {
        a.addAll(List.of("--prices", prices.toString()));
      }
      if (partners != null) {
        a.addAll(List.of("--partners", partners.toString()));
      }
      a.addAll(List.of(more));
      return a;
    }

    InputOptions options() {
      InputOptions o = new InputOptions();
      o.usage = List.of(usage.toString());
      o.grants = grants;
      o.prices = prices;
      o.partners = partners;
      o.coverage = CoveragePolicy.UNION;
      o.threads = 2;
      return o;
    }

    /** The statement of the month, computed as {@code pec credit} computes it. */
    CreditStatement statement() {
      Inputs in = Inputs.load(options(), new CommandLine(new PecCommand()), new PrintWriter(new StringWriter()));
      try (UsageReader r = in.openUsage()) {
        return UsageRun.run(r, Evaluation.of(in), o -> { });
      }
    }

    /** The figures of the month, as {@code pec report} folds them. */
    MonthFigures figures() {
      Inputs in = Inputs.load(options(), new CommandLine(new PecCommand()), new PrintWriter(new StringWriter()));
      return MonthRun.of(in, new PrintWriter(new StringWriter()));
    }
  }

  /** A small generated month: three billing currencies, losses of most reasons, four malformed records. */
  static Month generated(Path folder) {
    CliRun run = CliRun.of("generate", "--out-dir", folder.toString(), "--customers", "12", "--days", "3",
        "--seed", "5");
    assertThat(run.status()).as(run.err()).isZero();
    return Month.in(folder);
  }

  static ReportPage report(Month m, Path out) throws IOException {
    CliRun run = CliRun.of(m.args("report", "--out", out.toString()).toArray(new String[0]));
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    return new ReportPage(Files.readString(out, StandardCharsets.UTF_8));
  }

  List<NamedCsvRecord> losses(Month m) throws IOException {
    return losses(m, dir);
  }

  /** The episodes of {@code pec losses --out} on the month. */
  static List<NamedCsvRecord> losses(Month m, Path dir) throws IOException {
    Path out = dir.resolve("losses.csv");
    CliRun run = CliRun.of(m.args("losses", "--out", out.toString()).toArray(new String[0]));
    assertThat(run.status()).as(run.err()).isZero();
    return PecCommandTest.rows(Files.readString(out));
  }

  static String key(NamedCsvRecord e) {
    return e.getField("CustomerId") + "|" + e.getField("Scope") + "|" + e.getField("Reason") + "|"
        + e.getField("FirstDay") + "|" + e.getField("BillingCurrency");
  }

  /** Every total, customer and episode of the page equals the statement's and the losses', exactly. */
  static void assertPageIsTheStatement(ReportPage page, CreditStatement s, List<NamedCsvRecord> episodes) {
    assertThat(page.cards()).isEqualTo(s.currencies().size());
    for (Currencies cur : s.currencies()) {
      CreditStatement one = s.inCurrency(cur);
      String card = page.card(cur.billing(), cur.pricing());
      Totals t = one.total();
      assertThat(exact(card, "listCost")).as("list cost, %s", cur).isEqualByComparingTo(t.listCost());
      assertThat(exact(card, "credit")).as("credit, %s", cur).isEqualByComparingTo(t.credit());
      assertThat(exact(card, "billed")).isEqualByComparingTo(t.billingPreTaxTotal());
      assertThat(exact(card, "billingCredit")).isEqualByComparingTo(t.billingCredit());
      assertThat(exact(card, "rate")).as("effective rate, %s", cur).isEqualByComparingTo(one.effectiveRate());
      BigDecimal lost = BigDecimal.ZERO;
      BigDecimal billingLost = BigDecimal.ZERO;
      for (NamedCsvRecord ep : episodes) {
        if (ep.getField("BillingCurrency").equals(cur.billing())) {
          lost = lost.add(new BigDecimal(ep.getField("CreditLost")));
          billingLost = billingLost.add(new BigDecimal(ep.getField("BillingCreditLost")));
        }
      }
      assertThat(exact(card, "creditLost")).as("credit lost, %s", cur).isEqualByComparingTo(lost);
      assertThat(exact(card, "billingCreditLost")).isEqualByComparingTo(billingLost);
      for (Map.Entry<String, Totals> e : one.byCustomer().entrySet()) {
        List<String> rows = page.customerRows(e.getKey(), cur.billing(), cur.pricing());
        assertThat(rows).as("customer %s in %s", e.getKey(), cur).isNotEmpty();
        Totals c = e.getValue();
        assertThat(sum(rows, "listCost")).as("list cost of %s", e.getKey()).isEqualByComparingTo(c.listCost());
        assertThat(sum(rows, "credit")).isEqualByComparingTo(c.credit());
        assertThat(sum(rows, "billed")).isEqualByComparingTo(c.billingPreTaxTotal());
        assertThat(sum(rows, "billingCredit")).isEqualByComparingTo(c.billingCredit());
      }
    }
    int cap = HtmlReport.Limits.defaults().episodes();
    assertThat(page.episodeRowCount()).isEqualTo(Math.min(cap, episodes.size()));
    if (episodes.size() > cap) {
      assertThat(page.html()).contains((episodes.size() - cap) + " more smaller episodes");
    }
    for (NamedCsvRecord ep : episodes.subList(0, Math.min(cap, episodes.size()))) {
      String row = page.episodeRow(key(ep));
      assertThat(exact(row, "creditLost")).isEqualByComparingTo(ep.getField("CreditLost"));
      assertThat(exact(row, "billingCreditLost")).isEqualByComparingTo(ep.getField("BillingCreditLost"));
      assertThat(row).contains(ReportPage.esc(ep.getField("StartEvent")));
    }
  }

  static BigDecimal sum(List<String> rows, String field) {
    return rows.stream().map(r -> exact(r, field)).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void theDemoPageShowsTheStatementExactly() throws IOException {
    Month m = Month.in(demo);
    ReportPage page = report(m, dir.resolve("report.html"));
    List<NamedCsvRecord> episodes = losses(m);
    assertThat(episodes).hasSize(9);
    assertPageIsTheStatement(page, m.statement(), episodes);
    String eur = page.card("EUR");
    assertThat(eur).contains("priced in USD").contains("78.74 EUR").contains("13.95 EUR");
    assertThat(page.html()).contains("Contoso GmbH").contains("Northwind Traders").contains("Wingtip Partners")
        .contains("grant G-NW-AOBO (Owner, AOBO, /subscriptions/2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6b) revoked "
            + "2026-03-10T14:30:00Z");
  }

  @Test
  void theDemoPageListsTheTwoLinesToRaiseWithMicrosoft() throws IOException {
    ReportPage page = report(Month.in(demo), dir.resolve("report.html"));
    assertThat(page.html()).contains("id=\"reconcile\"").contains("data-kind=\"CREDIT_MISSING\" data-count=\"2\"")
        .contains("data-kind=\"CREDIT_UNEXPECTED\" data-count=\"1\"").contains("data-kind=\"MATCH\" data-count=\"333\"")
        .contains("<tr data-claim=\"232\"").contains("<tr data-claim=\"233\"");
    assertThat(page.count("<tr data-claim=")).isEqualTo(2);
    assertThat(page.html()).contains("data-field=\"amountToRaise\" data-currency=\"USD\" data-exact=\"0.49\"");
  }

  @Test
  void aGeneratedMonthShowsTheStatementExactly() throws IOException {
    Month m = generated(dir.resolve("month"));
    ReportPage page = report(m, dir.resolve("report.html"));
    List<NamedCsvRecord> episodes = losses(m);
    assertThat(episodes).hasSizeGreaterThan(20);
    CreditStatement s = m.statement();
    assertThat(s.currencies()).hasSizeGreaterThan(1);
    assertPageIsTheStatement(page, s, episodes);
    assertThat(page.html()).contains("id=\"rejected\"").contains("4 records of the usage file could not be read");
  }

  @Test
  void anOutputThatNamesAnInputIsRefusedAndTheInputIsIntact() throws IOException {
    Month m = generated(dir.resolve("month"));
    byte[] before = Files.readAllBytes(m.usage());
    CliRun run = CliRun.of(m.args("report", "--out", m.usage().toString()).toArray(new String[0]));
    assertThat(run.status()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("names the input");
    assertThat(Files.readAllBytes(m.usage())).isEqualTo(before);
  }

  @Test
  void maxRejectedFailsTheRunLikeCredit() throws IOException {
    Month m = generated(dir.resolve("month"));
    Path out = dir.resolve("out").resolve("report.html");
    Files.createDirectories(out.getParent());
    CliRun tooMany = CliRun.of(m.args("report", "--out", out.toString(), "--max-rejected", "3")
        .toArray(new String[0]));
    assertThat(tooMany.status()).as(tooMany.err()).isEqualTo(1);
    assertThat(tooMany.err()).contains("4");
    CliRun enough = CliRun.of(m.args("report", "--out", out.toString(), "--max-rejected", "4")
        .toArray(new String[0]));
    assertThat(enough.status()).as(enough.err()).isZero();
    assertThat(Files.readString(out)).contains("id=\"rejected\"");
    try (var files = Files.list(out.getParent())) {
      assertThat(files.map(f -> f.getFileName().toString())).as("no temporary file is left")
          .containsExactly("report.html");
    }
  }

  @Test
  void thePageNeedsNothingFromTheNetwork() throws IOException {
    String html = report(Month.in(demo), dir.resolve("report.html")).html();
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
        .doesNotContain(" src=").doesNotContain("@import").doesNotContain("url(");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg").endsWith("</html>\n");
  }

  @Test
  void longListsAreCappedAndThePageSaysSo() throws IOException {
    MonthFigures month = Month.in(demo).figures();
    StringWriter w = new StringWriter();
    HtmlReport.write(month, "usage.csv", new HtmlReport.Limits(2, 3, 2, 10, 1, 2), w);
    ReportPage page = new ReportPage(w.toString());
    assertThat(page.customerRowCount()).isEqualTo(2);
    assertThat(page.episodeRowCount()).isEqualTo(3);
    assertThat(page.count("<g data-subscription=")).isEqualTo(2);
    assertThat(page.count("<tr data-claim=")).isEqualTo(1);
    assertThat(page.html()).contains("3 more customer rows are not shown here")
        .contains("6 more smaller episodes").contains("Showing the 2 subscriptions that lost the most credit, of 5")
        .contains("Only the last 10 usage days are drawn").contains("1 more lines to raise");
    assertThat(page.count("<rect x=\"250\" y=\"34\"")).as("first day drawn is 22 March").isEqualTo(1);
    assertThat(page.html()).contains(">22</text>").doesNotContain(">21</text>");
  }

  @Test
  void theCalendarSaysWhyADayLostCredit() throws IOException {
    String html = report(Month.in(demo), dir.resolve("report.html")).html();
    assertThat(html).contains("2026-03-11&#10;NO_ACCESS: 2 lines, 0.49 USD lost — ");
    assertThat(html).contains("since 2026-03-11 (virtualMachines/vm-erp-01): grant G-NW-AOBO");
    assertThat(html).contains("2026-03-10&#10;PARTIAL_DAY: 2 lines, 0.49 USD lost — held 00:00:00–14:30:00Z only");
  }

  @Test
  void rawSourcesAddTheUncertainWindows() throws IOException {
    Path out = dir.resolve("report.html");
    CliRun run = GrantsCommandTest.run(GrantsCommandTest.LOGS, "report", "--usage", GrantsCommandTest.a("usage.csv"),
        "--out", out.toString());
    assertThat(run.status()).as(run.err()).isZero();
    String html = Files.readString(out);
    assertThat(html).contains("id=\"uncertain\"").contains("<tr data-window=\"")
        .contains("3f1e2d4c-0002-4a5b-8c6d-7e8f9a0b1c2d").contains("assumed held from the window start");
    assertThat(new ReportPage(html).count("class=\"doubt\"")).as("1 and 2 March in the calendar").isEqualTo(2);
    assertThat(html).contains("uncertain: Azure&#39;s records cannot say whether role assignment "
        + "3f1e2d4c-0002-4a5b-8c6d-7e8f9a0b1c2d was held");
    Month withGrants = new Month(Path.of(GrantsCommandTest.a("usage.csv")),
        Path.of(GrantsCommandTest.a("grants.csv")), null, null);
    ReportPage page = report(withGrants, out);
    assertThat(page.html()).doesNotContain("id=\"uncertain\"").doesNotContain("class=\"doubt\"");
    assertPageIsTheStatement(page, withGrants.statement(), losses(withGrants));
  }

  @Test
  void summaryLabelsEveryAmountWithItsCurrency() {
    CliRun run = CliRun.of(Month.in(demo).args("summary").toArray(new String[0]));
    assertThat(run.status()).as(run.err()).isZero();
    String contoso = run.out().lines().filter(l -> l.startsWith("Contoso GmbH")).findFirst().orElseThrow();
    assertThat(contoso.split(" {2,}")).containsExactly("Contoso GmbH", "101.42 USD", "15.21 USD", "15.00 %",
        "0.00 USD", "78.74 EUR", "13.95 EUR", "none");
    String northwind = run.out().lines().filter(l -> l.startsWith("Northwind")).findFirst().orElseThrow();
    assertThat(northwind.split(" {2,}")).containsExactly("Northwind Traders", "101.42 USD", "9.82 USD", "9.68 %",
        "5.40 USD", "91.26 USD", "9.80 USD", "PARTIAL_DAY 0.98 USD since 2026-03-10");
    assertThat(run.out()).contains("Total, billed in EUR").contains("Total, billed in USD")
        .contains("336 lines, 0 rejected");
  }

  @Test
  void demoAndSummaryPrintTheSameTable() {
    String demoOut = CliRun.of("demo").out();
    String summary = CliRun.of(Month.in(demo).args("summary").toArray(new String[0])).out();
    assertThat(demoOut).endsWith(summary);
  }

  @Test
  void aUsageFileWithoutLinesGivesAPageThatSaysSo() throws IOException {
    Path usage = dir.resolve("usage.csv");
    Files.writeString(usage, Files.readAllLines(demo.resolve("usage.csv")).get(0) + "\n");
    Month m = new Month(usage, demo.resolve("grants.csv"), null, null);
    ReportPage page = report(m, dir.resolve("report.html"));
    assertThat(page.cards()).isZero();
    assertThat(page.customerRowCount()).isZero();
    assertThat(page.html()).contains("No usage line was evaluated.").contains("no loss episode")
        .contains("No usage day.").contains("0 lines");
    CliRun summary = CliRun.of(m.args("summary").toArray(new String[0]));
    assertThat(summary.status()).isZero();
    assertThat(summary.out()).contains("0 lines, 0 rejected");
  }

  @Test
  void reportWantsItsOutputFile() {
    CliRun run = CliRun.of(Month.in(demo).args("report").toArray(new String[0]));
    assertThat(run.status()).isEqualTo(PecCommand.EXIT_USAGE);
    assertThat(run.err()).contains("--out");
  }

  @Test
  void anOutputFileThatCannotBeWrittenIsAnInputError() {
    Path out = dir.resolve("no-such-folder").resolve("report.html");
    CliRun run = CliRun.of(Month.in(demo).args("report", "--out", out.toString()).toArray(new String[0]));
    assertThat(run.status()).isEqualTo(PecCommand.EXIT_INPUT);
    assertThat(run.err()).contains(out.toString()).contains("cannot write");
  }

  @Test
  void namesFromTheUsageFileCannotOpenMarkup() throws IOException {
    Path usage = dir.resolve("usage.csv");
    String text = Files.readString(demo.resolve("usage.csv")).replace("Wingtip Partners",
        "<script>document.title='x'</script>");
    Files.writeString(usage, text);
    Month m = new Month(usage, demo.resolve("grants.csv"), demo.resolve("prices.csv"), demo.resolve("partners.csv"));
    String html = report(m, dir.resolve("report.html")).html();
    assertThat(html).doesNotContain("<script>document").contains("&lt;script&gt;document.title=&#39;x&#39;");
  }
}
