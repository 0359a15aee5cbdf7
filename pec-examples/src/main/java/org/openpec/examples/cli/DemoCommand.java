package org.openpec.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.openpec.examples.report.MonthFigures;
import org.openpec.examples.report.SummaryTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pec demo}: {@code credit} on the bundled sample month, summarised per customer (no arguments, no files).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run credit on the bundled sample month and print a summary per customer.")
final class DemoCommand implements Callable<Integer> {

  static final String[] FILES = {"usage.csv", "grants.csv", "prices.csv", "partners.csv"};

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path dir = extractSample();
    try {
      InputOptions o = new InputOptions();
      o.usage = java.util.List.of(dir.resolve("usage.csv").toString());
      o.grants = dir.resolve("grants.csv");
      o.prices = dir.resolve("prices.csv");
      o.partners = dir.resolve("partners.csv");
      o.coverage = org.openpec.rules.CoveragePolicy.UNION;
      PrintWriter out = spec.commandLine().getOut();
      Inputs in = Inputs.load(o, spec.commandLine(), spec.commandLine().getErr());
      MonthFigures month = MonthRun.of(in, spec.commandLine().getErr());
      out.println("openpec demo: March 2026, partner 6034453 (Contoso Cloud Distribution) and reseller 6048879");
      out.println();
      SummaryTable.print(out, month);
      return 0;
    } finally {
      deleteSample(dir);
    }
  }

  /** Deletes a folder made by {@link #extractSample()}. */
  static void deleteSample(Path dir) throws IOException {
    for (String f : FILES) {
      Files.deleteIfExists(dir.resolve(f));
    }
    Files.deleteIfExists(dir);
  }

  /** Copies the bundled sample month to a new temporary folder. */
  static Path extractSample() throws IOException {
    Path dir = Files.createTempDirectory("pec-demo");
    for (String f : FILES) {
      try (InputStream in = DemoCommand.class.getResourceAsStream("/org/openpec/examples/demo/" + f)) {
        if (in == null) {
          throw new UncheckedIOException(new IOException("bundled sample file " + f + " is missing"));
        }
        Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return dir;
  }
}
