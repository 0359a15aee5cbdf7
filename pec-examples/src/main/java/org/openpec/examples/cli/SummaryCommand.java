package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.openpec.examples.report.MonthFigures;
import org.openpec.examples.report.SummaryTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code pec summary}: the per-customer table of {@code pec demo} for the user's own files — list cost, credit,
 * effective rate and credit lost in the pricing currency, billed amount and credit on the bill in the billing
 * currency, and the credit lost by reason since its first day.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
    description = "Print a table per customer: list cost, credit, effective rate, credit lost by reason, and the "
        + "billed amounts, each with its currency.")
final class SummaryCommand implements Callable<Integer> {

  @Mixin
  InputOptions inputs = new InputOptions();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    Inputs in = Inputs.load(inputs, cl, err);
    MonthFigures month = MonthRun.of(in, err);
    SummaryTable.print(cl.getOut(), month);
    return 0;
  }
}
