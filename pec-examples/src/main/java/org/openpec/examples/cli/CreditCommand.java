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
import org.openpec.io.CreditCsv;
import org.openpec.io.CsvRows;
import org.openpec.io.InputException;
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

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

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

  /**
   * The rows of a batch of outcomes, formatted as UTF-8 bytes on a worker, with the problems of its rejected
   * records.
   */
  private static Function<List<UsageOutcome>, Rows> rows(Uncertainty uncertainty) {
    BiFunction<String, LineResult, String> detail = detail(uncertainty);
    return outcomes -> {
      CsvRows bytes = new CsvRows(outcomes.size() * 320);
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
      return new Rows(bytes, problems == null ? List.of() : problems);
    };
  }

  /** The output of a batch of records: their CSV rows and the problems of the rejected ones, in file order. */
  private record Rows(CsvRows csv, List<String> problems) {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Inputs in = Inputs.load(inputs, spec.commandLine(), err);
    CreditStatement statement;
    try (UsageReader reader = in.openUsage();
        Progress progress = Progress.of(inputs.usage, err);
        RowSink sink = RowSink.open(out, spec.commandLine().getOut())) {
      sink.write(new CsvRows(1024).row(CreditCsv.HEADER.toArray(new String[0])));
      statement = UsageRun.runBatches(reader, Evaluation.of(in), rows(in.uncertainty), rows -> {
        progress.step(rows.csv().rows());
        for (String p : rows.problems()) {
          err.println(p);
        }
        sink.write(rows.csv());
      }, inputs.threads);
    }
    if (summary != null) {
      SummaryJson.write(summary, statement, in.badRows);
    }
    return strict && (statement.rejected() > 0 || in.badRows > 0) ? PecCommand.EXIT_STRICT : 0;
  }

  /** Where the rows go: the bytes straight to a file, or the text to the command's standard output. */
  private static final class RowSink implements AutoCloseable {
    private final OutputStream file;
    private final Writer text;

    private RowSink(OutputStream file, Writer text) {
      this.file = file;
      this.text = text;
    }

    static RowSink open(Path path, Writer stdout) {
      if (path == null) {
        return new RowSink(null, Output.open(null, stdout));
      }
      try {
        return new RowSink(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), null);
      } catch (IOException e) {
        throw new InputException(path + ": cannot write file: " + e.getMessage(), e);
      }
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
