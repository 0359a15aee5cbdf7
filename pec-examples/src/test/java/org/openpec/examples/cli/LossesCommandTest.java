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
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpec.internal.io.LossesCsv;
import org.openpec.rules.Reason;

class LossesCommandTest {

  static final String NORTHWIND = ReconcileCommandTest.NORTHWIND;
  static final String WINGTIP = ReconcileCommandTest.WINGTIP;
  static final String NW_VM = "/subscriptions/2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6b/resourceGroups/rg-erp/providers/"
      + "Microsoft.Compute/virtualMachines/vm-erp-01";
  static final String AOBO_REVOKED = "grant G-NW-AOBO (Owner, AOBO, /subscriptions/2c3d4e5f-6071-4b8c-9dae-1f2a3b4c5d6b)"
      + " revoked 2026-03-10T14:30:00Z";

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

  static List<String> demoInputs(String command, String usage, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--usage", usage, "--grants", d("grants.csv"),
        "--prices", d("prices.csv"), "--partners", d("partners.csv")));
    args.addAll(Arrays.asList(more));
    return args;
  }

  /** {@code pec losses} on the demo month, as CSV. */
  List<NamedCsvRecord> demoLosses(String... more) throws IOException {
    Path out = dir.resolve("losses.csv");
    List<String> args = demoInputs("losses", d("usage.csv"), more);
    args.addAll(List.of("--out", out.toString()));
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    String csv = Files.readString(out);
    assertThat(csv).startsWith(LossesCsv.HEADER_TEXT + "\n");
    return rows(csv);
  }

  static NamedCsvRecord episode(List<NamedCsvRecord> rows, String customer, String scope, String reason,
      String firstDay) {
    return rows.stream().filter(r -> r.getField("CustomerId").equals(customer) && r.getField("Scope").equals(scope)
        && r.getField("Reason").equals(reason) && r.getField("FirstDay").equals(firstDay)).findFirst()
        .orElseThrow(() -> new AssertionError("no episode " + reason + " " + firstDay + " of " + scope));
  }

  @Test
  void theDemoMonthsEpisodesAndWhatBeganThem() throws IOException {
    assertThat(LossesCsv.HEADER_TEXT).isEqualTo("CustomerId,EntitlementId,Scope,Reason,FirstDay,LastDay,Days,Lines,"
        + "ListCost,CreditLost,BillingCurrency,BillingCreditLost,StartEvent");
    List<NamedCsvRecord> rows = demoLosses();
    assertThat(rows).hasSize(9);
    assertThat(rows).extracting(r -> r.getField("CustomerId")).containsOnly(NORTHWIND, WINGTIP);

    NamedCsvRecord wingtip = rows.get(0);
    assertThat(wingtip.getField("CustomerId")).isEqualTo(WINGTIP);
    assertThat(wingtip.getField("Reason")).isEqualTo("ROLE_NOT_ELIGIBLE");
    assertThat(wingtip.getField("FirstDay")).isEqualTo("2026-03-01");
    assertThat(wingtip.getField("LastDay")).isEqualTo("2026-03-31");
    assertThat(wingtip.getField("Days")).isEqualTo("31");
    assertThat(wingtip.getField("Lines")).isEqualTo("31");
    assertThat(wingtip.getField("StartEvent")).isEqualTo("only read-only roles (Reader)");
    assertValue(wingtip, "CreditLost", new BigDecimal(wingtip.getField("ListCost")).multiply(new BigDecimal("0.15"))
        .toPlainString());

    NamedCsvRecord revoked = episode(rows, NORTHWIND, NW_VM, "PARTIAL_DAY", "2026-03-10");
    assertThat(revoked.getField("LastDay")).isEqualTo("2026-03-10");
    assertThat(revoked.getField("StartEvent")).isEqualTo(AOBO_REVOKED);
    NamedCsvRecord none = episode(rows, NORTHWIND, NW_VM, "NO_ACCESS", "2026-03-11");
    assertThat(none.getField("LastDay")).isEqualTo("2026-03-11");
    assertThat(none.getField("StartEvent")).isEqualTo(AOBO_REVOKED);
    NamedCsvRecord unlinked = episode(rows, NORTHWIND, NW_VM, "PARTNER_NOT_LINKED", "2026-03-12");
    assertThat(unlinked.getField("LastDay")).isEqualTo("2026-03-19");
    assertThat(unlinked.getField("Days")).isEqualTo("8");
    assertThat(unlinked.getField("StartEvent")).isEqualTo("grant G-NW-LH not linked to a partner ID");
    NamedCsvRecord handover = episode(rows, NORTHWIND, NW_VM, "PARTIAL_DAY", "2026-03-20");
    assertThat(handover.getField("LastDay")).isEqualTo("2026-03-20");
    // the same four episodes on Northwind's database
    assertThat(rows.stream().filter(r -> r.getField("CustomerId").equals(NORTHWIND)))
        .extracting(r -> r.getField("Reason") + " " + r.getField("FirstDay") + ".." + r.getField("LastDay"))
        .containsOnly("PARTIAL_DAY 2026-03-10..2026-03-10", "NO_ACCESS 2026-03-11..2026-03-11",
            "PARTNER_NOT_LINKED 2026-03-12..2026-03-19", "PARTIAL_DAY 2026-03-20..2026-03-20")
        .hasSize(8);

    // most credit lost first, ties by customer, scope, first day
    Comparator<NamedCsvRecord> order = Comparator.<NamedCsvRecord, BigDecimal>comparing(
        r -> new BigDecimal(r.getField("CreditLost")), Comparator.reverseOrder())
        .thenComparing(r -> r.getField("CustomerId")).thenComparing(r -> r.getField("Scope").toLowerCase())
        .thenComparing(r -> r.getField("FirstDay"));
    assertThat(rows).isSortedAccordingTo(order);
    assertThat(rows).allSatisfy(r -> assertThat(r.getField("ListCost") + r.getField("CreditLost")).doesNotContain("E"));
  }

  @Test
  void episodesLoseExactlyTheCreditThatCreditLoses() throws IOException {
    List<NamedCsvRecord> episodes = demoLosses();
    CliRun credit = CliRun.of(demoInputs("credit", d("usage.csv")).toArray(new String[0]));
    assertThat(credit.status()).isZero();
    BigDecimal expected = BigDecimal.ZERO;
    long lines = 0;
    for (NamedCsvRecord r : rows(credit.out())) {
      Reason reason = Reason.valueOf(r.getField("Reason"));
      if (reason != Reason.ELIGIBLE && reason != Reason.REJECTED && !reason.isProductExclusion()) {
        expected = expected.add(new BigDecimal(r.getField("ListCost")).multiply(new BigDecimal("0.15")));
        lines++;
      }
    }
    assertThat(expected).isPositive();
    BigDecimal lost = episodes.stream().map(r -> new BigDecimal(r.getField("CreditLost")))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(lost).isEqualByComparingTo(expected);
    assertThat(episodes.stream().mapToLong(r -> Long.parseLong(r.getField("Lines"))).sum()).isEqualTo(lines);
  }

  @Test
  void withoutOutTheTableShowsEpisodesThenRollUps() {
    CliRun run = CliRun.of(demoInputs("losses", d("usage.csv")).toArray(new String[0]));
    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    String out = run.out();
    assertThat(out).startsWith("Loss episodes, most credit lost first: 9\n");
    assertThat(out).contains("Wingtip Partners", "Northwind Traders", "ROLE_NOT_ELIGIBLE", "PARTNER_NOT_LINKED",
        "began:    only read-only roles (Reader)", "began:    " + AOBO_REVOKED, "resource: " + NW_VM);
    int bySubscription = out.indexOf("By subscription");
    int byCustomer = out.indexOf("By customer");
    assertThat(bySubscription).isGreaterThan(out.lastIndexOf("began:"));
    assertThat(byCustomer).isGreaterThan(bySubscription);
    assertThat(out.substring(byCustomer)).contains(NORTHWIND).contains(WINGTIP).contains("Total");
    assertThat(out.lines().filter(l -> l.startsWith("  1  "))).singleElement().satisfies(l ->
        assertThat(l).contains("Wingtip Partners").contains("2026-03-01").contains("2026-03-31"));
  }

  @Test
  void repricingUsesTheRepricedListCost() throws IOException {
    // Reader only on S5: every line loses credit; 60 then 41 units on graduated tiers 1.00 (1-100), 0.80 above
    Path worked = Path.of(toUri("/worked/grants.csv")).getParent();
    Path usage = dir.resolve("u.csv");
    Files.writeString(usage, "CustomerId,MpnId,Tier2MpnId,SubscriptionId,EntitlementId,UsageDate,ProductId,SkuId,"
        + "MeterId,ResourceURI,Quantity,UnitPrice,PricingCurrency,BillingCurrency,PCToBCExchangeRate\n"
        + "C5,P,,plan,S5,2026-03-06,stor,0001,mt,,41,0.99,USD,USD,1\n"
        + "C5,P,,plan,S5,2026-03-05,stor,0001,mt,,60,0.99,USD,USD,1\n", StandardCharsets.UTF_8);
    String prices = worked.resolve("../tiers/prices.csv").normalize().toString();
    Path out = dir.resolve("l.csv");
    CliRun repriced = CliRun.of("losses", "--usage", usage.toString(), "--grants", worked.resolve("grants.csv")
        .toString(), "--prices", prices, "--reprice", "--out", out.toString());
    assertThat(repriced.status()).as(repriced.err()).isZero();
    NamedCsvRecord e = rows(Files.readString(out)).get(0);
    assertThat(e.getField("Reason")).isEqualTo("ROLE_NOT_ELIGIBLE");
    assertThat(e.getField("FirstDay") + ".." + e.getField("LastDay")).isEqualTo("2026-03-05..2026-03-06");
    assertValue(e, "ListCost", "100.80");
    assertValue(e, "CreditLost", "15.12");
    CliRun plain = CliRun.of("losses", "--usage", usage.toString(), "--grants", worked.resolve("grants.csv")
        .toString(), "--prices", prices, "--out", out.toString());
    assertThat(plain.status()).isZero();
    assertValue(rows(Files.readString(out)).get(0), "ListCost", "99.99");
  }

  @Test
  void rejectedRecordsAreReportedAndMakeNoEpisode() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(demo.resolve("usage.csv")));
    int wingtipFirst = 0;
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).contains(WINGTIP) && lines.get(i).contains(",2026-03-01,2026-03-31,2026-03-01,")) {
        wingtipFirst = i;
      }
    }
    assertThat(wingtipFirst).isPositive();
    lines.set(wingtipFirst, lines.get(wingtipFirst).replace(",2026-03-01,2026-03-31,2026-03-01,",
        ",2026-03-01,2026-03-31,someday,"));
    Path usage = dir.resolve("usage.csv");
    Files.write(usage, lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("l.csv");
    List<String> args = demoInputs("losses", usage.toString(), "--out", out.toString());
    CliRun run = CliRun.of(args.toArray(new String[0]));
    assertThat(run.status()).isZero();
    assertThat(run.err()).contains("usage.csv:" + (wingtipFirst + 1) + ":21: UsageDate must be a date");
    NamedCsvRecord wingtip = rows(Files.readString(out)).stream()
        .filter(r -> r.getField("CustomerId").equals(WINGTIP)).findFirst().orElseThrow();
    assertThat(wingtip.getField("FirstDay")).isEqualTo("2026-03-02");
    assertThat(wingtip.getField("Lines")).isEqualTo("30");
  }

  @Test
  void exitStatuses() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    CliRun unusable = CliRun.of(demoInputs("losses", empty.toString()).toArray(new String[0]));
    assertThat(unusable.status()).isEqualTo(1);
    assertThat(unusable.err()).contains(empty.toString());
    CliRun noGrants = CliRun.of("losses", "--usage", d("usage.csv"));
    assertThat(noGrants.status()).isEqualTo(2);
    assertThat(noGrants.err()).contains("--grants");
    CliRun help = CliRun.of("losses", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("Usage: pec losses").contains("--out");
  }

  @Test
  void parallelAndSequentialRunsAgree() throws IOException {
    List<NamedCsvRecord> one = demoLosses("--threads", "1");
    List<NamedCsvRecord> many = demoLosses("--threads", "3");
    assertThat(many).extracting(NamedCsvRecord::getFields).containsExactlyElementsOf(
        one.stream().map(NamedCsvRecord::getFields).toList());
  }

  private static java.net.URI toUri(String resource) {
    try {
      return LossesCommandTest.class.getResource(resource).toURI();
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
  }
}
