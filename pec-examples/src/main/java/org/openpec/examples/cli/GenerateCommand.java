package org.openpec.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.openpec.examples.generate.GeneratedMonth;
import org.openpec.examples.generate.MonthGenerator;
import org.openpec.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pec generate}: a deterministic synthetic month in the real formats, for trials and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a realistic synthetic month (usage, grants, prices, partners); the same seed gives the same bytes.")
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--out-dir", required = true, paramLabel = "D", description = "Folder to write the four files into.")
  Path outDir;

  @Option(names = "--customers", paramLabel = "N", description = "Customers (default: ${DEFAULT-VALUE}).")
  int customers = MonthGenerator.DEFAULT_CUSTOMERS;

  @Option(names = "--days", paramLabel = "N", description = "Usage days (default: ${DEFAULT-VALUE}).")
  int days = MonthGenerator.DEFAULT_DAYS;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = MonthGenerator.DEFAULT_SEED;

  @Option(names = "--first-day", paramLabel = "yyyy-MM-dd", description = "First usage day (default: ${DEFAULT-VALUE}).")
  LocalDate firstDay = MonthGenerator.DEFAULT_FIRST_DAY;

  @Option(names = "--lines", paramLabel = "N",
      description = "Aim for about N usage records (scales the lines per customer and day).")
  Long lines;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    MonthGenerator generator;
    try {
      MonthGenerator.Builder b = MonthGenerator.builder().customers(customers).days(days).seed(seed).firstDay(firstDay);
      if (lines != null) {
        b.targetLines(lines);
      }
      generator = b.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    GeneratedMonth month;
    try {
      Files.createDirectories(outDir);
      if (System.console() != null) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("records")
            .setInitialMax(generator.plannedUsageRecords())
            .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build()) {
          month = generator.writeTo(outDir, bar::stepTo);
        }
      } else {
        month = generator.writeTo(outDir);
      }
    } catch (IOException e) {
      throw new InputException(outDir + ": cannot write the month: " + e.getMessage(), e);
    }
    PrintWriter err = cl.getErr();
    err.println("pec: wrote " + month.usageRecords() + " usage records (" + month.malformedRecords()
        + " malformed on purpose), " + month.grantRows() + " grants, " + month.priceRows() + " price rows to "
        + outDir);
    err.flush();
    return 0;
  }
}
