package org.openpec.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openpec.examples.report.HtmlReport;
import org.openpec.examples.report.MonthFigures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pec report}: one self-contained HTML page that shows where the credit went — the month at a glance
 * per currency, each customer's credit earned and lost by reason, the loss episodes with what began them, a
 * coverage calendar, the lines to raise with Microsoft (when the usage carries its PEC columns) and the
 * uncertain windows (when the access came from Azure's records). The usage file is read once.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write one self-contained HTML page that shows where the credit went: per currency, per "
        + "customer, loss episodes, a coverage calendar, lines to raise with Microsoft.")
final class ReportCommand implements Callable<Integer> {

  @Mixin
  InputOptions inputs = new InputOptions();

  @Option(names = "--out", paramLabel = "F", required = true,
      description = "Write the HTML page here (to a temporary file beside it, renamed over F once complete; "
          + "refused when F names an input).")
  Path out;

  @Mixin
  Rejections.Options rejectedOptions = new Rejections.Options();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    Rejections rejections = Rejections.of(rejectedOptions, cl);
    // Checked and created first: a page that names an input or cannot be written fails before anything is read.
    Outputs outputs = Outputs.of(cl, inputs.files(), new Outputs.Named("--out", out));
    Inputs in = Inputs.load(inputs, cl, err);
    java.util.List<String> names = new java.util.ArrayList<>();
    for (String u : inputs.usage) {
      Path file = "-".equals(u) ? null : Path.of(u).getFileName();
      names.add(file == null ? "standard input" : file.toString());
    }
    String usage = String.join(", ", names);
    MonthFigures month = MonthRun.of(in, err, rejections);
    try (Writer w = outputs.writer(out, cl.getOut())) {
      HtmlReport.write(month, usage, HtmlReport.Limits.defaults(), w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    outputs.commit();
    rejections.check(inputs.usageNames());
    return 0;
  }
}
