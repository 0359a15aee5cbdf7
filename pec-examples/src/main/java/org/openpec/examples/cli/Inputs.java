package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.openpec.PecCalculator;
import org.openpec.access.ImportSummary;
import org.openpec.io.InputException;
import org.openpec.io.InputProblem;
import org.openpec.io.Loaded;
import org.openpec.io.SideFiles;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageSource;
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
  /** The usage inputs, recognised by content. */
  final UsageSource source;
  final PecCalculator calculator;
  /** The repricing of {@code --reprice}, or null. */
  final Repricing repricing;
  final long badRows;
  /** The uncertain windows of the access import, or null when the grants came from {@code --grants}. */
  final Uncertainty uncertainty;

  private Inputs(InputOptions options, UsageSource source, PecCalculator calculator, Repricing repricing,
      long badRows, Uncertainty uncertainty) {
    this.options = options;
    this.source = source;
    this.calculator = calculator;
    this.repricing = repricing;
    this.badRows = badRows;
    this.uncertainty = uncertainty;
  }

  /**
   * Loads the side files of {@code options}.
   *
   * <p>The access history is {@code --grants} or Azure's own records ({@code --activity-log}, {@code --snapshot}
   * with {@code --principals}), imported as {@code pec grants} imports them; the import's problems are reported
   * and counted like bad rows of a side file.
   *
   * @throws CommandLine.ParameterException when neither or both of the grants file and the raw sources are
   *     given, or the raw sources lack what they need (exit 2)
   * @throws org.openpec.io.InputException when an input cannot be used (exit 1)
   */
  static Inputs load(InputOptions options, CommandLine cl, PrintWriter err) {
    AccessSourceOptions access = options.access;
    if (options.grants == null && !access.hasSources()) {
      throw new CommandLine.ParameterException(cl, "Missing the access history: give --grants F, or Azure's own "
          + "records with --activity-log F and/or --snapshot F@INSTANT, and --principals F");
    }
    if (options.grants != null && access.isAnyGiven()) {
      throw new CommandLine.ParameterException(cl, "--grants and the raw sources (--activity-log, --snapshot, "
          + "--principals, --since, --until) exclude each other: give one or the other");
    }
    if (access.hasSources()) {
      access.validate(cl);
    }
    if (options.threads < 1) {
      throw new CommandLine.ParameterException(cl, "--threads must be 1 or more, was " + options.threads);
    }
    if (options.reprice && options.prices == null) {
      throw new CommandLine.ParameterException(cl, "--reprice needs a price list: give --prices F");
    }
    UsageSource source = options.usageSource(cl);
    if (options.reprice && options.usage.contains(UsageSource.STDIN)) {
      throw new CommandLine.ParameterException(cl,
          "--reprice reads the usage file twice and cannot read standard input: give --usage F");
    }
    long[] bad = {0};
    PecCalculator.Builder b = PecCalculator.builder().coverage(options.coverage);
    Uncertainty uncertainty = null;
    if (options.grants != null) {
      Loaded<List<AccessGrant>> grants = report(SideFiles.grants(options.grants), err, bad);
      b.addAllGrants(grants.value());
    } else {
      Imported imported = Imported.load(access, err);
      bad[0] += imported.problems();
      b.addAllGrants(imported.result().grants());
      warnUnmapped(imported, err);
      uncertainty = Uncertainty.of(imported.result().uncertainWindows());
    }
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
          + " at management-group scope " + (groupGrants == 1 ? "covers" : "cover")
          + " nothing: no --hierarchy given");
    }
    err.flush();
    return new Inputs(options, source, calculator, repricing, bad[0], uncertainty);
  }

  /** One warning naming the principals that hold imported grants but are not in the principals file. */
  private static void warnUnmapped(Imported imported, PrintWriter err) {
    List<ImportSummary.UnmappedPrincipal> unmapped = imported.result().summary().unmappedPrincipals();
    if (unmapped.isEmpty()) {
      return;
    }
    StringJoiner names = new StringJoiner(", ");
    int grants = 0;
    for (ImportSummary.UnmappedPrincipal p : unmapped) {
      names.add(p.principalId().isEmpty() ? "(unknown)" : p.principalId());
      grants += p.grants();
    }
    err.println("pec: warning: " + grants + " imported grant" + (grants == 1 ? "" : "s") + " unattributed: "
        + unmapped.size() + " principal" + (unmapped.size() == 1 ? " is" : "s are") + " not in the principals "
        + "file: " + names);
  }

  private static <T> Loaded<T> report(Loaded<T> loaded, PrintWriter err, long[] bad) {
    for (InputProblem p : loaded.problems()) {
      err.println(p);
    }
    bad[0] += loaded.problems().size();
    return loaded;
  }

  /** Opens the usage inputs (standard input for {@code -}) as one file. */
  UsageReader openUsage() {
    return source.open();
  }

  /**
   * Opens the usage inputs, where JSON usage must also carry {@code columns} (CSV names): a JSON input lacking one
   * cannot be used at all (exit 1), as a CSV lacking one can (its records are handled by the command).
   */
  UsageReader openUsage(java.util.Collection<String> columns) {
    return source.needing(columns).open();
  }
}
