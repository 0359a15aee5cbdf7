package org.openpec.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;
import org.openpec.money.Currencies;
import org.openpec.money.RoundingPolicy;
import org.openpec.money.Totals;
import org.openpec.rules.Reason;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pec demo}: {@code credit} on the bundled sample month, summarised per customer (no arguments, no files).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run credit on the bundled sample month and print a summary per customer.")
final class DemoCommand implements Callable<Integer> {

  static final String[] FILES = {"usage.csv", "grants.csv", "prices.csv", "partners.csv"};

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** One customer's figures. */
  private static final class Customer {
    final String name;
    final String currency;
    Totals totals = Totals.zero();
    Totals productEligible = Totals.zero();
    final Map<Reason, BigDecimal> lost = new TreeMap<>();
    final Map<Reason, LocalDate> since = new TreeMap<>();
    final Map<Reason, Integer> excluded = new TreeMap<>();

    Customer(String name, String currency) {
      this.name = name;
      this.currency = currency;
    }
  }

  @Override
  public Integer call() throws IOException {
    Path dir = extractSample();
    try {
      InputOptions o = new InputOptions();
      o.usage = java.util.List.of(dir.resolve("usage.csv").toString());
      o.grants = dir.resolve("grants.csv");
      o.prices = dir.resolve("prices.csv");
      o.partners = dir.resolve("partners.csv");
      o.coverage = org.openpec.rules.CoveragePolicy.UNION;
      PrintWriter out = spec.commandLine().getOut();
      Inputs in = Inputs.load(o, spec.commandLine(), spec.commandLine().getErr());
      Map<String, Customer> customers = new LinkedHashMap<>();
      CreditStatement statement;
      try (UsageReader reader = in.openUsage()) {
        statement = UsageRun.run(reader, UsageRun.byLine(in.calculator::evaluate), outcome -> {
          LineResult r = outcome.result();
          if (r == null) {
            return;
          }
          Customer c = customers.computeIfAbsent(r.line().customerId(),
              k -> new Customer(outcome.record().field("CustomerName").trim(), r.line().billingCurrency()));
          Currencies money = new Currencies(r.line().pricingCurrency(), r.line().billingCurrency());
          c.totals = c.totals.plus(Totals.of(money, r.amounts()));
          Reason reason = r.reason();
          if (reason.isProductExclusion()) {
            c.excluded.merge(reason, 1, Integer::sum);
            return;
          }
          c.productEligible = c.productEligible.plus(Totals.of(money, r.amounts()));
          if (reason != Reason.ELIGIBLE) {
            c.lost.merge(reason, r.creditLost(), BigDecimal::add);
            c.since.merge(reason, r.line().usageDate(), (a, b) -> a.isBefore(b) ? a : b);
          }
        });
      }
      print(out, customers, statement);
      out.flush();
      return 0;
    } finally {
      deleteSample(dir);
    }
  }

  /** Deletes a folder made by {@link #extractSample()}. */
  static void deleteSample(Path dir) throws IOException {
    for (String f : FILES) {
      Files.deleteIfExists(dir.resolve(f));
    }
    Files.deleteIfExists(dir);
  }

  /** Copies the bundled sample month to a new temporary folder. */
  static Path extractSample() throws IOException {
    Path dir = Files.createTempDirectory("pec-demo");
    for (String f : FILES) {
      try (InputStream in = DemoCommand.class.getResourceAsStream("/org/openpec/examples/demo/" + f)) {
        if (in == null) {
          throw new UncheckedIOException(new IOException("bundled sample file " + f + " is missing"));
        }
        Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }

  private static void print(PrintWriter out, Map<String, Customer> customers, CreditStatement s) {
    out.println("openpec demo: March 2026, partner 6034453 (Contoso Cloud Distribution) and reseller 6048879");
    out.println();
    String fmt = "%-20s %-4s %12s %10s %9s  %s%n";
    out.printf(fmt, "Customer", "Cur", "List cost", "Credit", "Eff. rate", "Credit lost, by reason");
    out.printf(fmt, "-".repeat(20), "---", "-".repeat(12), "-".repeat(10), "-".repeat(9), "-".repeat(40));
    for (Customer c : customers.values()) {
      Totals t = c.totals;
      List<String> notes = new ArrayList<>();
      c.since.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> notes.add(
          e.getKey() + " " + money(c.lost.get(e.getKey())) + " (since " + e.getValue() + ")"));
      c.excluded.forEach((reason, n) -> notes.add(reason + " ×" + n + " (product, not a loss)"));
      BigDecimal rate = c.productEligible.effectiveRate();
      out.printf(fmt, truncate(c.name, 20), "USD", money(t.listCost()), money(t.credit()), percent(rate),
          notes.isEmpty() ? "none" : notes.get(0));
      for (int i = 1; i < notes.size(); i++) {
        out.printf(fmt, "", "", "", "", "", notes.get(i));
      }
      if (!"USD".equals(c.currency)) {
        out.printf(fmt, "", c.currency, money(t.billingPreTaxTotal()), money(t.billingCredit()), "",
            "billed in " + c.currency);
      }
    }
    out.println();
    // Pricing-currency amounts add up across billing currencies, never across pricing currencies.
    Map<String, BigDecimal[]> byPricing = new TreeMap<>();
    for (Currencies c : s.currencies()) {
      CreditStatement one = s.inCurrency(c);
      BigDecimal[] sums = byPricing.computeIfAbsent(c.pricing(), k -> new BigDecimal[] {
          BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      sums[0] = sums[0].add(BigDecimal.valueOf(one.total().lines()));
      sums[1] = sums[1].add(one.total().listCost());
      sums[2] = sums[2].add(one.total().credit());
      sums[3] = sums[3].add(one.productEligible().credit());
      sums[4] = sums[4].add(one.productEligible().listCost());
    }
    if (byPricing.isEmpty()) {
      byPricing.put("USD", new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
          BigDecimal.ZERO});
    }
    byPricing.forEach((currency, sums) -> out.println("Total: " + sums[0] + " lines, list cost " + money(sums[1])
        + " " + currency + ", credit " + money(sums[2]) + " " + currency + ", effective rate on eligible products "
        + percent(RoundingPolicy.displayRate(sums[3], sums[4])) + ", rejected " + s.rejected()));
    out.println("Amounts in pricing currency (" + String.join(", ", byPricing.keySet())
        + ") rounded to cents for display; exact values: pec credit.");
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString() + " %";
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
