package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.openpec.examples.format.FormatOptions;
import org.openpec.examples.format.RowSink;
import org.openpec.examples.format.TableSinks;
import org.openpec.examples.format.Tables;
import org.openpec.internal.io.ReconcileCsv;
import org.openpec.internal.io.TextValues;
import org.openpec.io.UsageOutcome;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;
import org.openpec.internal.reconcile.ReconciledLine;
import org.openpec.internal.reconcile.Reconciler;
import org.openpec.internal.reconcile.ReconciliationKind;
import org.openpec.internal.reconcile.ReconciliationSummary;
import org.openpec.internal.reconcile.Reported;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pec reconcile}: compares openpec's expectation with the PEC columns Microsoft wrote into the usage file
 * (rules §10, §12, docs/cli.md), one CSV row per usage record.
 *
 * <p>Standard error gets one line per record that could not be read ({@code FILE:LINE:COLUMN: message}), one per
 * record whose reported values cannot be compared, and a single warning per reported column the file lacks
 * (every record is then {@code REJECTED}).
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Compare openpec's expectation with the PEC columns Microsoft wrote into the usage file "
        + "(PartnerEarnedCreditPercentage, EffectiveUnitPrice, BillingPreTaxTotal): one CSV row per record.")
final class ReconcileCommand implements Callable<Integer> {

  @Mixin
  InputOptions inputs = new InputOptions();

  @Option(names = "--out", paramLabel = "F",
      description = "Write the table here (default: standard output; required by --format xlsx).")
  Path out;

  @Option(names = "--summary", paramLabel = "F",
      description = "Write a JSON summary here: counts and money per kind and per customer, the lines to raise.")
  Path summary;

  @Option(names = "--strict", description = "Exit 3 when any record or row was rejected.")
  boolean strict;

  @Option(names = "--price-tolerance", paramLabel = "D", defaultValue = "0",
      description = "Added to one unit of the reported EffectiveUnitPrice's last decimal place (default 0).")
  String priceTolerance;

  @Option(names = "--total-tolerance", paramLabel = "D", defaultValue = "0",
      description = "Largest BillingPreTaxTotal difference still a match, billing currency (default 0).")
  String totalTolerance;

  @Mixin
  FormatOptions formats = new FormatOptions();

  @Mixin
  Rejections.Options rejectedOptions = new Rejections.Options();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The reported columns a reconciliation compares; JSON usage without them cannot be reconciled at all. */
  private static final List<String> REPORTED = List.of(Reported.PERCENTAGE_COLUMN,
      Reported.EFFECTIVE_UNIT_PRICE_COLUMN, Reported.BILLING_PRE_TAX_TOTAL_COLUMN);

  /** One record reconciled on a worker: the row and its cells. */
  private record Done(ReconciledLine row, String[] cells, String fileName, long physicalLine) {}

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    Reconciler reconciler = Reconciler.of(tolerance(cl, "--price-tolerance", priceTolerance),
        tolerance(cl, "--total-tolerance", totalTolerance));
    formats.validate(cl, out, false);
    Rejections rejections = Rejections.of(rejectedOptions, cl);
    Outputs outputs = Outputs.of(cl, inputs.files(), new Outputs.Named("--out", out),
        new Outputs.Named("--summary", summary));
    Inputs in = Inputs.load(inputs, cl, err);
    Fold fold = new Fold(ReconciliationSummary.collector());
    try (Progress progress = Progress.of(inputs.usage);
        UsageReader reader = in.openUsage(REPORTED, progress);
        RowSink csv = formats.isPlainCsv() ? TableSinks.of(ReconcileCsv.to(outputs.writer(out, cl.getOut())))
            : formats.open(Tables.RECONCILE, () -> outputs.stream(out), () -> outputs.writer(out, cl.getOut()))) {
      List<String> absent = new ArrayList<>();
      for (String c : REPORTED) {
        if (!reader.hasColumn(c)) {
          absent.add(c);
          err.println("pec: warning: " + reader.fileName() + " has no column " + c
              + ": every record is REJECTED in reconcile");
        }
      }
      String file = reader.fileName();
      Function<UsageOutcome, Done> render = o -> {
        ReconciledLine row = ReconcileCsv.reconcile(reconciler, o);
        return new Done(row, ReconcileCsv.cells(o.record(), row), file, o.record().physicalLine());
      };
      UsageRun.run(reader, Evaluation.of(in), render, done -> {
        progress.step();
        ReconciledLine row = done.row();
        rejections.record(row.kind() == ReconciliationKind.REJECTED && row.expected().isEmpty() ? row.detail() : null);
        if (row.kind() == ReconciliationKind.REJECTED) {
          if (row.expected().isEmpty()) {
            err.println(row.detail());
          } else {
            String problems = presentProblems(row.detail(), absent);
            if (!problems.isEmpty()) {
              err.println(done.fileName() + ":" + done.physicalLine() + ": record " + row.recordNumber()
                  + " REJECTED in reconcile: " + problems);
            }
          }
        }
        csv.row(done.cells());
        fold.add(row);
      }, inputs.threads);
    }
    ReconciliationSummary s = fold.finish();
    if (summary != null) {
      ReconcileSummaryJson.write(outputs.writer(summary, null), s, reconciler, in.badRows);
    }
    outputs.commit();
    rejections.check(inputs.usageNames());
    return strict && (s.count(ReconciliationKind.REJECTED) > 0 || in.badRows > 0) ? PecCommand.EXIT_STRICT : 0;
  }

  /** The clauses of a {@link Reported#problems()} sentence about columns the file has. */
  private static String presentProblems(String problems, List<String> absent) {
    List<String> kept = new ArrayList<>();
    for (String clause : problems.split("; ")) {
      if (!(clause.endsWith(" is absent") && absent.contains(clause.substring(0, clause.length() - 10)))) {
        kept.add(clause);
      }
    }
    return String.join("; ", kept);
  }

  /** A tolerance option's value: a non-negative decimal number (rules §11 grammar), else a usage error. */
  static BigDecimal tolerance(CommandLine cl, String option, String text) {
    BigDecimal value = null;
    if (text != null && TextValues.isNumber(text)) {
      try {
        value = TextValues.parseDecimal(text);
      } catch (IllegalArgumentException e) {
        value = null; // an exponent beyond what BigDecimal holds
      }
    }
    if (value == null || value.signum() < 0) {
      throw new CommandLine.ParameterException(cl, "Invalid value for option '" + option + "': '" + text
          + "' is not a non-negative decimal number");
    }
    return value;
  }

  /** A collector's accumulation on the calling thread, without building a summary per line. */
  private static final class Fold {
    private final Finisher<?> finisher;

    Fold(Collector<ReconciledLine, ?, ReconciliationSummary> collector) {
      this.finisher = new Finisher<>(collector);
    }

    void add(ReconciledLine row) {
      finisher.add(row);
    }

    ReconciliationSummary finish() {
      return finisher.finish();
    }

    private static final class Finisher<A> {
      private final BiConsumer<A, ReconciledLine> accumulator;
      private final Function<A, ReconciliationSummary> finisher;
      private final A container;

      Finisher(Collector<ReconciledLine, A, ReconciliationSummary> c) {
        Supplier<A> supplier = c.supplier();
        this.accumulator = c.accumulator();
        this.finisher = c.finisher();
        this.container = supplier.get();
      }

      void add(ReconciledLine row) {
        accumulator.accept(container, row);
      }

      ReconciliationSummary finish() {
        return finisher.apply(container);
      }
    }
  }
}
