package org.openpec.examples.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openpec.LineResult;
import org.openpec.CreditStatement;
import org.openpec.internal.io.CreditCsv;
import org.openpec.internal.io.CsvRows;
import org.openpec.internal.io.Uncertainty;
import org.openpec.io.InputException;
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

/** {@code pec credit}: one row per usage record with its reason and money (docs/cli.md). */
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

  @Mixin
  Rejections.Options rejectedOptions = new Rejections.Options();

  /** The outputs of the run, checked before reading. */
  private Outputs outputs;
  /** The rejected records of the run. */
  private Rejections rejections;

  private static final int DETAIL = CreditCsv.HEADER.indexOf("Detail");

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
    try (Progress progress = Progress.of(inputs.usage);
        UsageReader reader = in.openUsage(progress);
        RowSink sink = formats.open(focus ? FocusTable.SPEC : Tables.CREDIT, () -> outputs.stream(out),
            () -> outputs.writer(out, spec.commandLine().getOut()))) {
      return UsageRun.run(reader, Evaluation.of(in), cellsOf(in.uncertainty), row -> {
        progress.step();
        rejections.record(row.problem());
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
    rejections = Rejections.of(rejectedOptions, spec.commandLine());
    outputs = Outputs.of(spec.commandLine(), inputs.files(), new Outputs.Named("--out", out),
        new Outputs.Named("--summary", summary));
    Inputs in = Inputs.load(inputs, spec.commandLine(), err);
    CreditStatement statement = formats.isPlainCsv() ? runCsv(in, err) : runFormatted(in, err);
    if (summary != null) {
      SummaryJson.write(outputs.writer(summary, null), statement, in.badRows);
    }
    outputs.commit();
    rejections.check(inputs.usageNames());
    return strict && (statement.rejected() > 0 || in.badRows > 0) ? PecCommand.EXIT_STRICT : 0;
  }

  /**
   * The {@code Detail} of an evaluated line; with raw sources, that of a line whose day an uncertain window
   * touches ends with {@code (uncertain: ...)}.
   */
  private static BiFunction<String, LineResult, String> detail(Uncertainty uncertainty) {
    if (uncertainty == null) {
      return (text, result) -> text;
    }
    return (text, result) -> uncertainty.annotate(text, result.line());
  }

  /** The output of a batch of records: their CSV rows as UTF-8 bytes and the problems of the rejected ones. */
  private record Batch(CsvRows csv, List<String> problems) {}

  /** The rows of a batch of outcomes, formatted as UTF-8 bytes on a worker, with its problems. */
  private static Function<List<UsageOutcome>, Batch> batches(Uncertainty uncertainty) {
    BiFunction<String, LineResult, String> detail = detail(uncertainty);
    return outcomes -> {
      CsvRows bytes = new CsvRows(outcomes.size() * 512);
      List<String> problems = null;
      for (UsageOutcome o : outcomes) {
        CreditCsv.row(o, bytes, detail);
        if (o.result() == null) {
          if (problems == null) {
            problems = new ArrayList<>();
          }
          problems.add(o.record().problem().map(Object::toString).orElse(""));
        }
      }
      return new Batch(bytes, problems == null ? List.of() : problems);
    };
  }

  /**
   * The plain CSV table: batches of rows formatted as UTF-8 bytes on the workers, written in order (to a file
   * as bytes, to standard output as text).
   */
  private CreditStatement runCsv(Inputs in, PrintWriter err) {
    try (Progress progress = Progress.of(inputs.usage);
        UsageReader reader = in.openUsage(progress);
        BytesOut sink = BytesOut.open(outputs, out, spec.commandLine().getOut())) {
      sink.write(new CsvRows(1024).row(CreditCsv.HEADER.toArray(new String[0])));
      // the rendered batch holds row bytes and problem texts only, so the chunk buffers can be refilled
      return UsageRun.runBatchesReusingBuffers(reader, Evaluation.of(in), batches(in.uncertainty), batch -> {
        progress.step(batch.csv().rows());
        rejections.readable(batch.csv().rows() - batch.problems().size());
        for (String p : batch.problems()) {
          rejections.record(p);
          err.println(p);
        }
        sink.write(batch.csv());
      }, inputs.threads);
    }
  }

  /** Where the rows go: the bytes straight to a file, or the text to the command's standard output. */
  private static final class BytesOut implements AutoCloseable {
    private final OutputStream file;
    private final Writer text;

    private BytesOut(OutputStream file, Writer text) {
      this.file = file;
      this.text = text;
    }

    static BytesOut open(Outputs outputs, Path path, Writer stdout) {
      if (path == null) {
        return new BytesOut(null, outputs.writer(null, stdout));
      }
      return new BytesOut(new BufferedOutputStream(outputs.stream(path), 1 << 16), null);
    }

    void write(CsvRows rows) {
      try {
        if (file != null) {
          rows.writeTo(file);
        } else {
          text.write(rows.toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        if (file != null) {
          file.close();
        } else {
          text.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
