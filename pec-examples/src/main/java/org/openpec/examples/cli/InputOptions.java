package org.openpec.examples.cli;

import java.nio.file.Path;
import org.openpec.io.UsageRun;
import org.openpec.rules.CoveragePolicy;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code INPUTS} of cli.md, shared by credit, reconcile, losses and explain: the usage file, the access
 * history — a grants file ({@code --grants}) or Azure's own records ({@link AccessSourceOptions}) — and the
 * side files.
 */
public final class InputOptions {

  @Option(names = "--usage", required = true, paramLabel = "F",
      description = "Daily rated usage file (CSV); '-' reads standard input.")
  String usage;

  @Option(names = "--grants", paramLabel = "F",
      description = "Grants file (CSV, spec §11); or give Azure's records instead: --activity-log and/or "
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
      description = "Worker threads (default: the available processors).")
  int threads = UsageRun.defaultThreads();

  /** Every file these options name, with its option, for the checks of {@link Outputs}. */
  java.util.List<Outputs.Named> files() {
    java.util.List<Outputs.Named> files = new java.util.ArrayList<>();
    if (usage != null && !"-".equals(usage)) {
      files.add(new Outputs.Named("--usage", Path.of(usage)));
    }
    files.add(new Outputs.Named("--grants", grants));
    files.add(new Outputs.Named("--prices", prices));
    files.add(new Outputs.Named("--partners", partners));
    files.add(new Outputs.Named("--hierarchy", hierarchy));
    files.add(new Outputs.Named("--rates", rates));
    files.addAll(access.files());
    return files;
  }
}
