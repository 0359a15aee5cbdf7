package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.openpec.CreditStatement;
import org.openpec.io.CreditCsv;
import org.openpec.io.CsvOutput;
import org.openpec.examples.format.FocusTable;
import org.openpec.examples.format.FormatOptions;
import org.openpec.examples.format.RowSink;
import org.openpec.examples.format.Tables;
import org.openpec.io.UsageOutcome;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pec credit}: one row per usage record with its reason and money (cli.md). */
@Command(name = "credit", mixinStandardHelpOptions = true,
    description = "Compute the credit of every usage record: one row per record, in input order (CSV, Excel "
        + "workbook, Excel's European CSV, or FOCUS 1.2 columns).")
final class CreditCommand implements Callable<Integer> {

  @Mixin
  InputOptions inputs = new InputOptions();

  @Option(names = "--out", paramLabel = "F",
      description = "Write the table here (default: standard output; required by --format xlsx).")
  Path out;

  @Option(names = "--summary", paramLabel = "F", description = "Write a JSON summary here.")
  Path summary;

  @Option(names = "--strict", description = "Exit 3 when any record or row was rejected.")
  boolean strict;

  @Mixin
  FormatOptions formats = new FormatOptions();

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

  /** One record's output in a format other than plain CSV: its cells, and its problem when it was rejected. */
  private record Cells(String[] cells, String problem) {}

  /** The cells of the outcomes in the table {@code --format} asks for, made on the workers. */
  private Function<UsageOutcome, Cells> cellsOf(Uncertainty uncertainty) {
    Function<UsageOutcome, String[]> cells = formats.format() == FormatOptions.Format.FOCUS
        ? o -> FocusTable.cells(o, (detail, r) -> uncertainty == null ? detail : uncertainty.annotate(detail, r.line()))
        : cells(uncertainty);
    return o -> new Cells(cells.apply(o),
        o.result() == null ? o.record().problem().map(Object::toString).orElse(null) : null);
  }

  private CreditStatement runFormatted(Inputs in, PrintWriter err) {
    boolean focus = formats.format() == FormatOptions.Format.FOCUS;
    try (UsageReader reader = in.openUsage();
        Progress progress = Progress.of(inputs.usageNames(), err);
        RowSink sink = formats.open(focus ? FocusTable.SPEC : Tables.CREDIT, out,
            () -> Output.open(out, spec.commandLine().getOut()))) {
      return UsageRun.run(reader, Evaluation.of(in), cellsOf(in.uncertainty), row -> {
        progress.step();
        if (row.problem() != null) {
          err.println(row.problem());
        }
        sink.row(row.cells());
      }, inputs.threads);
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    formats.validate(spec.commandLine(), out, true);
    Inputs in = Inputs.load(inputs, spec.commandLine(), err);
    CreditStatement statement = formats.isPlainCsv() ? runCsv(in, err) : runFormatted(in, err);
    if (summary != null) {
      SummaryJson.write(summary, statement, in.badRows);
    }
    return strict && (statement.rejected() > 0 || in.badRows > 0) ? PecCommand.EXIT_STRICT : 0;
  }

  /** The plain CSV table, its rows formatted on the workers. */
  private CreditStatement runCsv(Inputs in, PrintWriter err) {
    CreditStatement statement;
    try (UsageReader reader = in.openUsage();
        Progress progress = Progress.of(inputs.usageNames(), err);
        Writer w = Output.open(out, spec.commandLine().getOut());
        CreditCsv csv = CreditCsv.to(w)) {
      statement = UsageRun.run(reader, Evaluation.of(in), rows(in.uncertainty), row -> {
        progress.step();
        if (row.problem() != null) {
          err.println(row.problem());
        }
        csv.writeFormatted(row.csv());
      }, inputs.threads);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return statement;
  }
}
