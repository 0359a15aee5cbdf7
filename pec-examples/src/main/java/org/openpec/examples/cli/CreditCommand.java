package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.openpec.CreditStatement;
import org.openpec.io.CreditCsv;
import org.openpec.io.CsvOutput;
import org.openpec.io.UsageOutcome;
import org.openpec.io.UsageOutcome;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pec credit}: one row per usage record with its reason and money (cli.md). */
@Command(name = "credit", mixinStandardHelpOptions = true,
    description = "Compute the credit of every usage record: one CSV row per record, in input order.")
final class CreditCommand implements Callable<Integer> {

  @Mixin
  InputOptions inputs = new InputOptions();

  @Option(names = "--out", paramLabel = "F", description = "Write the CSV here (default: standard output).")
  Path out;

  @Option(names = "--summary", paramLabel = "F", description = "Write a JSON summary here.")
  Path summary;

  @Option(names = "--strict", description = "Exit 3 when any record or row was rejected.")
  boolean strict;

  @Mixin
  Rejections.Options rejectedOptions = new Rejections.Options();

  private static final int DETAIL = CreditCsv.HEADER.indexOf("Detail");

  /** One record's output, made on a worker: its CSV row, and its problem when it was rejected. */
  private record Row(String csv, String problem) {}

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * The cells of a row; with raw sources, the {@code Detail} of a line whose day an uncertain window touches
   * ends with {@code (uncertain: ...)}.
   */
  private static Function<UsageOutcome, String[]> cells(Uncertainty uncertainty) {
    if (uncertainty == null) {
      return CreditCsv::cells;
    }
    return o -> {
      String[] cells = CreditCsv.cells(o);
      if (o.result() != null) {
        cells[DETAIL] = uncertainty.annotate(cells[DETAIL], o.result().line());
      }
      return cells;
    };
  }

  /** The rows of the outcomes, formatted on the workers. */
  private static Function<UsageOutcome, Row> rows(Uncertainty uncertainty) {
    Function<UsageOutcome, String[]> cells = cells(uncertainty);
    return o -> new Row(CsvOutput.format(cells.apply(o)),
        o.result() == null ? o.record().problem().map(Object::toString).orElse(null) : null);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Rejections rejections = Rejections.of(rejectedOptions, spec.commandLine());
    Outputs outputs = Outputs.of(spec.commandLine(), inputs.files(), new Outputs.Named("--out", out),
        new Outputs.Named("--summary", summary));
    Inputs in = Inputs.load(inputs, spec.commandLine(), err);
    CreditStatement statement;
    try (Progress progress = Progress.of(inputs.usage);
        UsageReader reader = in.openUsage(progress);
        Writer w = outputs.writer(out, spec.commandLine().getOut());
        CreditCsv csv = CreditCsv.to(w)) {
      statement = UsageRun.run(reader, Evaluation.of(in), rows(in.uncertainty), row -> {
        progress.step();
        rejections.record(row.problem());
        if (row.problem() != null) {
          err.println(row.problem());
        }
        csv.writeFormatted(row.csv());
      }, inputs.threads);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (summary != null) {
      SummaryJson.write(outputs.writer(summary, null), statement, in.badRows);
    }
    outputs.commit();
    rejections.check(inputs.usage);
    return strict && (statement.rejected() > 0 || in.badRows > 0) ? PecCommand.EXIT_STRICT : 0;
  }
}
