package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.openpec.LineResult;
import org.openpec.examples.format.FormatOptions;
import org.openpec.examples.format.RowSink;
import org.openpec.examples.format.TableSinks;
import org.openpec.examples.format.Tables;
import org.openpec.io.InputProblem;
import org.openpec.internal.io.LossesCsv;
import org.openpec.io.UsageOutcome;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;
import org.openpec.internal.losses.LossEpisode;
import org.openpec.internal.losses.LossReport;
import org.openpec.internal.losses.LossTotals;
import org.openpec.internal.losses.LossTracker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pec losses}: the loss episodes of a usage file (docs/cli.md, rules §12), most credit lost first — a CSV with
 * {@code --out}, else a readable table on standard output (episodes, then roll-ups per subscription and per
 * customer). Records that could not be read are reported on standard error and make no episode.
 */
@Command(name = "losses", mixinStandardHelpOptions = true,
    description = "Loss episodes: runs of consecutive usage days on which a resource lost credit for one reason, "
        + "with the event that began each, most credit lost first.")
final class LossesCommand implements Callable<Integer> {

  @Mixin
  InputOptions inputs = new InputOptions();

  @Option(names = "--out", paramLabel = "F",
      description = "Write the episodes here, as CSV or in the --format given (default: a readable table on "
          + "standard output, unless --format or --excel-csv asks for a table).")
  Path out;

  @Mixin
  FormatOptions formats = new FormatOptions();

  @Mixin
  Rejections.Options rejectedOptions = new Rejections.Options();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    formats.validate(cl, out, false);
    Rejections rejections = Rejections.of(rejectedOptions, cl);
    Outputs outputs = Outputs.of(cl, inputs.files(), new Outputs.Named("--out", out));
    Inputs in = Inputs.load(inputs, cl, err);
    LossTracker tracker = LossTracker.of(in.calculator);
    Map<String, String> names = new HashMap<>();
    try (Progress progress = Progress.of(inputs.usage); UsageReader reader = in.openUsage(progress)) {
      boolean hasNames = reader.hasColumn("CustomerName");
      UsageRun.run(reader, Evaluation.of(in), Function.identity(), (UsageOutcome o) -> {
        progress.step();
        LineResult r = o.result();
        rejections.record(r == null ? o.record().problem().map(InputProblem::toString).orElse("") : null);
        if (r == null) {
          err.println(o.record().problem().map(InputProblem::toString).orElse(""));
          return;
        }
        if (hasNames && LossTracker.isLoss(r)) {
          names.computeIfAbsent(r.line().customerId(), k -> o.record().field("CustomerName").trim());
        }
        tracker.add(r);
      }, inputs.threads);
    }
    LossReport report = tracker.toReport();
    if (out != null || !formats.isPlainCsv()) {
      try (RowSink sink = formats.isPlainCsv() ? TableSinks.of(LossesCsv.to(outputs.writer(out, cl.getOut())))
          : formats.open(Tables.LOSSES, () -> outputs.stream(out), () -> outputs.writer(out, cl.getOut()))) {
        report.episodes().forEach(e -> sink.row(LossesCsv.cells(e)));
      }
    } else {
      LossTable.print(cl.getOut(), report, names);
    }
    outputs.commit();
    rejections.check(inputs.usageNames());
    return 0;
  }

  /** The readable table: episodes, then roll-ups per subscription and per customer. */
  static final class LossTable {

    private LossTable() {}

    static void print(PrintWriter out, LossReport report, Map<String, String> names) {
      out.println("Loss episodes, most credit lost first: " + report.episodes().size());
      if (report.episodes().isEmpty()) {
        out.println();
        out.println("No credit was lost on an eligible product.");
        out.flush();
        return;
      }
      out.println();
      String fmt = "%3s  %-20s %-21s %-10s %-10s %4s %5s %10s %11s  %s%n";
      out.printf(fmt, "#", "Customer", "Reason", "First day", "Last day", "Days", "Lines", "List cost",
          "Credit lost", "Billing credit lost");
      out.printf(fmt, "---", "-".repeat(20), "-".repeat(21), "-".repeat(10), "-".repeat(10), "----", "-----",
          "-".repeat(10), "-".repeat(11), "-".repeat(19));
      int n = 0;
      for (LossEpisode e : report.episodes()) {
        out.printf(fmt, ++n, truncate(name(e.customerId(), names), 20), e.reason(), e.firstDay(), e.lastDay(),
            e.days(), e.lines(), money(e.listCost()), money(e.creditLost()),
            money(e.billingCreditLost()) + " " + e.billingCurrency());
        out.println("     resource: " + e.scope().path());
        out.println("     began:    " + e.startEvent());
      }
      String rollFmt = "%-36s  %-20s %8s %5s %5s %10s %11s  %s%n";
      out.println();
      out.println("By subscription (EntitlementId)");
      out.printf(rollFmt, "Subscription", "Customer", "Episodes", "Days", "Lines", "List cost", "Credit lost",
          "Billing credit lost");
      out.printf(rollFmt, "-".repeat(36), "-".repeat(20), "--------", "-----", "-----", "-".repeat(10),
          "-".repeat(11), "-".repeat(19));
      Map<String, String> customerOf = new HashMap<>();
      report.episodes().forEach(e -> customerOf.merge(e.entitlementId(), e.customerId(),
          (a, b) -> a.compareTo(b) <= 0 ? a : b));
      for (Map.Entry<String, LossTotals> e : report.bySubscription().entrySet()) {
        roll(out, rollFmt, e.getKey(), truncate(name(customerOf.get(e.getKey()), names), 20), e.getValue());
      }
      out.println();
      out.println("By customer");
      out.printf(rollFmt, "CustomerId", "Name", "Episodes", "Days", "Lines", "List cost", "Credit lost",
          "Billing credit lost");
      out.printf(rollFmt, "-".repeat(36), "-".repeat(20), "--------", "-----", "-----", "-".repeat(10),
          "-".repeat(11), "-".repeat(19));
      for (Map.Entry<String, LossTotals> e : report.byCustomer().entrySet()) {
        roll(out, rollFmt, e.getKey(), truncate(names.getOrDefault(e.getKey(), ""), 20), e.getValue());
      }
      roll(out, rollFmt, "Total", "", report.total());
      out.println();
      out.println("List cost and credit lost in pricing currency, rounded to cents for display; "
          + "exact values: --out F.");
      out.flush();
    }

    private static void roll(PrintWriter out, String fmt, String key, String name, LossTotals t) {
      StringJoiner billing = new StringJoiner(", ");
      t.billingCreditLost().forEach((cur, a) -> billing.add(money(a) + " " + cur));
      out.printf(fmt, key, name, t.episodes(), t.days(), t.lines(), money(t.listCost()), money(t.creditLost()),
          billing);
    }

    private static String name(String customerId, Map<String, String> names) {
      String n = names.get(customerId);
      return n == null || n.isEmpty() ? customerId : n;
    }

    private static String money(BigDecimal v) {
      return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String truncate(String s, int n) {
      return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
  }
}
