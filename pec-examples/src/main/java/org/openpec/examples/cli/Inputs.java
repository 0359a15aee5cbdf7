package org.openpec.examples.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.openpec.PecCalculator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import org.openpec.io.InputException;
import org.openpec.io.InputProblem;
import org.openpec.io.Loaded;
import org.openpec.io.SideFiles;
import org.openpec.io.UsageReader;
import org.openpec.model.AccessGrant;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.pricing.PriceListConflictException;
import org.openpec.pricing.Repricing;
import picocli.CommandLine;

/**
 * The side files of a run, loaded once: their bad rows reported on standard error and counted, and the
 * calculator built from them.
 */
final class Inputs {

  final InputOptions options;
  final PecCalculator calculator;
  /** The repricing of {@code --reprice}, or null. */
  final Repricing repricing;
  final long badRows;

  private Inputs(InputOptions options, PecCalculator calculator, Repricing repricing, long badRows) {
    this.options = options;
    this.calculator = calculator;
    this.repricing = repricing;
    this.badRows = badRows;
  }

  /**
   * Loads the side files of {@code options}.
   *
   * @throws CommandLine.ParameterException when no grants source is given (exit 2)
   * @throws org.openpec.io.InputException when an input cannot be used (exit 1)
   */
  static Inputs load(InputOptions options, CommandLine cl, PrintWriter err) {
    if (options.grants == null) {
      throw new CommandLine.ParameterException(cl, "Missing required option: '--grants=F'");
    }
    if (options.reprice && options.prices == null) {
      throw new CommandLine.ParameterException(cl, "--reprice needs a price list: give --prices F");
    }
    if (options.reprice && "-".equals(options.usage)) {
      throw new CommandLine.ParameterException(cl,
          "--reprice reads the usage file twice and cannot read standard input: give --usage F");
    }
    long[] bad = {0};
    PecCalculator.Builder b = PecCalculator.builder().coverage(options.coverage);
    Loaded<List<AccessGrant>> grants = report(SideFiles.grants(options.grants), err, bad);
    b.addAllGrants(grants.value());
    Repricing repricing = null;
    if (options.prices != null) {
      List<SideFiles.PriceRow> rows = report(SideFiles.priceListRows(options.prices, options.reprice), err, bad)
          .value();
      List<PriceListEntry> entries = new ArrayList<>(rows.size());
      Map<PriceListEntry, String> names = new IdentityHashMap<>();
      for (SideFiles.PriceRow r : rows) {
        entries.add(r.entry());
        names.put(r.entry(), r.toString());
      }
      PriceList priceList = PriceList.of(entries);
      b.priceList(priceList);
      if (options.reprice) {
        try {
          repricing = Repricing.of(priceList, e -> names.getOrDefault(e, Repricing.describe(e)));
        } catch (PriceListConflictException e) {
          throw new InputException(options.prices + ": " + e.getMessage(), e);
        }
      }
    }
    if (options.partners != null) {
      b.partners(report(SideFiles.partners(options.partners), err, bad).value());
    }
    if (options.rates != null) {
      b.rates(report(SideFiles.rates(options.rates), err, bad).value());
    }
    if (options.hierarchy != null) {
      b.hierarchy(report(SideFiles.hierarchy(options.hierarchy), err, bad).value());
    }
    PecCalculator calculator = b.build();
    int groupGrants = calculator.unresolvedGroupGrants();
    if (groupGrants > 0) {
      err.println("pec: warning: " + groupGrants + " grant" + (groupGrants == 1 ? "" : "s")
          + " at management-group scope cover nothing: no --hierarchy given");
    }
    err.flush();
    return new Inputs(options, calculator, repricing, bad[0]);
  }

  private static <T> Loaded<T> report(Loaded<T> loaded, PrintWriter err, long[] bad) {
    for (InputProblem p : loaded.problems()) {
      err.println(p);
    }
    bad[0] += loaded.problems().size();
    return loaded;
  }

  /** Opens the usage file (or standard input for {@code -}). */
  UsageReader openUsage() {
    if ("-".equals(options.usage)) {
      InputStream in = System.in;
      return UsageReader.open(in, "stdin");
    }
    return UsageReader.open(Path.of(options.usage));
  }
}
