package org.openpec.examples.cli;

import java.nio.file.Path;
import java.util.List;
import org.openpec.io.CsvDialect;
import org.openpec.io.UsageSource;
import org.openpec.io.UsageRun;
import org.openpec.rules.CoveragePolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code INPUTS} of docs/cli.md, shared by credit, reconcile, losses and explain: the usage file, the access
 * history — a grants file ({@code --grants}) or Azure's own records ({@link AccessSourceOptions}) — and the
 * side files.
 */
public final class InputOptions {

  @Option(names = "--usage", required = true, paramLabel = "F",
      description = "Daily rated usage: CSV, gzip CSV, JSON Lines, gzip JSON Lines, or the manifest of a Microsoft "
          + "Graph usage reconciliation export (its blobs beside it), recognised by content. Repeat to read several "
          + "files in a row as one; '-' reads standard input.")
  List<String> usage;

  @Option(names = "--delimiter", paramLabel = "C", defaultValue = ",",
      description = "Field delimiter of a usage CSV: one character, or TAB (default ','; ';' for Excel's European "
          + "CSV).")
  String delimiter = ",";

  @Option(names = "--decimal-comma",
      description = "Numbers in the usage CSV are written with a decimal comma (0,85), as Excel writes them in "
          + "de-DE or fr-FR; give with --delimiter ';'.")
  boolean decimalComma;

  @Option(names = "--grants", paramLabel = "F",
      description = "Grants file (CSV; docs/formats.md); or give Azure's records instead: --activity-log and/or "
          + "--snapshot, with --principals.")
  Path grants;

  @Mixin
  AccessSourceOptions access = new AccessSourceOptions();

  @Option(names = "--prices", paramLabel = "F", description = "Azure plan consumption price list (CSV).")
  Path prices;

  @Option(names = "--partners", paramLabel = "F", description = "Partner organisations and agreements (CSV).")
  Path partners;

  @Option(names = "--hierarchy", paramLabel = "F", description = "Management-group hierarchy (CSV: SubscriptionId,ManagementGroups).")
  Path hierarchy;

  @Option(names = "--rates", paramLabel = "F", description = "Rate schedule (CSV: EffectiveFrom,Percentage).")
  Path rates;

  @Option(names = "--reprice", description = "Take unit prices, with graduated tiers, from the price list.")
  boolean reprice;

  @Option(names = "--coverage", paramLabel = "union|single", defaultValue = "union",
      description = "How grants must cover the day: union (default) or single.")
  CoveragePolicy coverage;

  @Option(names = "--threads", paramLabel = "N", hidden = true,
      description = "Worker threads (default: one fewer than the available processors, at least 1).")
  int threads = UsageRun.defaultThreads();

  /** The usage inputs as one source, in the dialect of {@code --delimiter} and {@code --decimal-comma}. */
  UsageSource usageSource(picocli.CommandLine cl) {
    String d = delimiter.equalsIgnoreCase("TAB") || delimiter.equals("\\t") ? "\t" : delimiter;
    if (d.length() != 1) {
      throw new picocli.CommandLine.ParameterException(cl, "Invalid value for option '--delimiter': '" + delimiter
          + "' is not one character (or TAB)");
    }
    CsvDialect dialect;
    try {
      dialect = CsvDialect.of(d.charAt(0), decimalComma);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(cl, "--delimiter/--decimal-comma: " + e.getMessage());
    }
    if (usage.size() > 1 && usage.contains(UsageSource.STDIN)) {
      throw new picocli.CommandLine.ParameterException(cl, "--usage -: standard input must be the only usage input");
    }
    return UsageSource.of(usage).withDialect(dialect);
  }

  /** Every file these options name, with its option, for the checks of {@link Outputs}. */
  List<Outputs.Named> files() {
    List<Outputs.Named> files = new java.util.ArrayList<>();
    for (String u : usage == null ? List.<String>of() : usage) {
      if (!UsageSource.STDIN.equals(u)) {
        files.add(new Outputs.Named("--usage", Path.of(u)));
      }
    }
    files.add(new Outputs.Named("--grants", grants));
    files.add(new Outputs.Named("--prices", prices));
    files.add(new Outputs.Named("--partners", partners));
    files.add(new Outputs.Named("--hierarchy", hierarchy));
    files.add(new Outputs.Named("--rates", rates));
    files.addAll(access.files());
    return files;
  }

  /** The usage inputs as messages name them. */
  String usageNames() {
    return String.join(", ", usage);
  }
}
