package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.openpec.PecCalculator;
import org.openpec.access.ImportSummary;
import org.openpec.internal.io.Uncertainty;
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
      Loaded<List<AccessGrant>> grants = report(options.grants, SideFiles.grants(options.grants), err, bad);
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
      List<SideFiles.PriceRow> rows =
          report(options.prices, SideFiles.priceListRows(options.prices, options.reprice), err, bad).value();
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
      b.partners(report(options.partners, SideFiles.partners(options.partners), err, bad).value());
    }
    if (options.rates != null) {
      b.rates(report(options.rates, SideFiles.rates(options.rates), err, bad).value());
    }
    if (options.hierarchy != null) {
      b.hierarchy(report(options.hierarchy, SideFiles.hierarchy(options.hierarchy), err, bad).value());
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

  /**
   * Reports the bad rows of a side file and counts them.
   *
   * @throws InputException when the file yields no usable row: header only, or every row bad (exit 1)
   */
  private static <T> Loaded<T> report(java.nio.file.Path file, Loaded<T> loaded, PrintWriter err, long[] bad) {
    for (InputProblem p : loaded.problems()) {
      err.println(p);
    }
    bad[0] += loaded.problems().size();
    requireUsable(file.toString(), loaded.rows(), loaded.problems().size(),
        loaded.problems().isEmpty() ? null : loaded.problems().get(0).toString());
    return loaded;
  }

  /**
   * Fails when a side file or export yields no usable row (docs/cli.md, "Fail loudly"): a run on it would give
   * every line the same wrong reason.
   *
   * @throws InputException naming the file and its first problem (exit 1)
   */
  static void requireUsable(String file, long rows, long bad, String firstProblem) {
    if (rows == 0) {
      throw new InputException(file + ": no usable row: the file holds a header and no rows");
    }
    if (bad >= rows) {
      throw new InputException(file + ": no usable row: " + (rows == 1 ? "its only row is" : "all " + rows
          + " rows are") + " bad; first problem: " + firstProblem);
    }
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

  /** Opens the usage inputs, their bytes told to {@code progress} when it shows them. */
  UsageReader openUsage(Progress progress) {
    return (progress.isShown() ? source.counting(progress::read) : source).open();
  }

  /** {@link #openUsage(java.util.Collection)}, its bytes told to {@code progress} when it shows them. */
  UsageReader openUsage(java.util.Collection<String> columns, Progress progress) {
    UsageSource s = source.needing(columns);
    return (progress.isShown() ? s.counting(progress::read) : s).open();
  }
}
