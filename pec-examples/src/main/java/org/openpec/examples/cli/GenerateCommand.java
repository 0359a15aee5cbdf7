package org.openpec.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.openpec.examples.generate.GeneratedMonth;
import org.openpec.examples.generate.MonthGenerator;
import org.openpec.examples.generate.Shape;
import org.openpec.io.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pec generate}: a deterministic synthetic month in the real formats, for trials and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a realistic synthetic month (usage, grants, prices, partners); the same seed gives the same bytes.")
final class GenerateCommand implements Callable<Integer> {

  /** Usage lines of a realistic month when neither --lines nor --customers is given. */
  static final long DEFAULT_REALISTIC_LINES = 100_000;

  @Option(names = "--out-dir", required = true, paramLabel = "D",
      description = "Folder to write the four files into; it must be empty or new unless --force is given.")
  Path outDir;

  @Option(names = "--force",
      description = "Write into a folder that is not empty (files named usage.csv, grants.csv, prices.csv and "
          + "partners.csv are replaced; other files are left alone).")
  boolean force;

  @Option(names = "--shape", paramLabel = "realistic|dense",
      description = "realistic (default): about one customer per 4,500 lines, 1-4 subscriptions each, 2-6 resource "
          + "groups of 5-18 resources, 1-3 meters per resource and day, a price list of about 2,300 meters. "
          + "dense: 50 customers with many lines per resource and day, a small price list.")
  String shapeName = "realistic";

  @Option(names = "--customers", paramLabel = "N",
      description = "Customers (dense: default " + MonthGenerator.DEFAULT_CUSTOMERS + "; realistic: follows from --lines "
          + "unless given).")
  Integer customers;

  @Option(names = "--days", paramLabel = "N", description = "Usage days (default: ${DEFAULT-VALUE}).")
  int days = MonthGenerator.DEFAULT_DAYS;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = MonthGenerator.DEFAULT_SEED;

  @Option(names = "--first-day", paramLabel = "yyyy-MM-dd", description = "First usage day (default: ${DEFAULT-VALUE}).")
  LocalDate firstDay = MonthGenerator.DEFAULT_FIRST_DAY;

  @Option(names = "--lines", paramLabel = "N",
      description = "Aim for about N usage records (realistic: adds customers until the month holds N lines, "
          + "default " + DEFAULT_REALISTIC_LINES + "; dense: scales the lines per customer and day).")
  Long lines;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    Shape shape;
    switch (shapeName.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "realistic" -> shape = Shape.REALISTIC;
      case "dense" -> shape = Shape.DENSE;
      default -> throw new CommandLine.ParameterException(cl,
          "--shape must be realistic or dense, was '" + shapeName + "'");
    }
    MonthGenerator generator;
    try {
      MonthGenerator.Builder b = MonthGenerator.builder().shape(shape).days(days).seed(seed).firstDay(firstDay);
      if (customers != null) {
        b.customers(customers);
      }
      if (lines != null) {
        b.targetLines(lines);
      } else if (shape == Shape.REALISTIC && customers == null) {
        b.targetLines(DEFAULT_REALISTIC_LINES);
      }
      generator = b.build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    refuseNonEmptyFolder(cl);
    GeneratedMonth month;
    try {
      Files.createDirectories(outDir);
      if (Progress.isStandardErrorATerminal()) {
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
        + " malformed on purpose), " + month.grantRows() + " grants, " + month.priceRows() + " price rows, "
        + month.customers() + " customers to " + outDir);
    err.flush();
    return 0;
  }

  /** A folder that exists and holds anything is refused without {@code --force}: a month is never overwritten by surprise. */
  private void refuseNonEmptyFolder(CommandLine cl) {
    if (force || !Files.exists(outDir)) {
      return;
    }
    if (!Files.isDirectory(outDir)) {
      throw new CommandLine.ParameterException(cl, "--out-dir " + outDir + " is a file, not a folder");
    }
    long entries;
    try (Stream<Path> s = Files.list(outDir)) {
      entries = s.count();
    } catch (IOException e) {
      throw new InputException(outDir + ": cannot list the folder: " + e.getMessage(), e);
    }
    if (entries > 0) {
      throw new CommandLine.ParameterException(cl, "--out-dir " + outDir + " is not empty (" + entries
          + (entries == 1 ? " entry" : " entries") + "); pass --force to write the month into it anyway");
    }
  }
}
