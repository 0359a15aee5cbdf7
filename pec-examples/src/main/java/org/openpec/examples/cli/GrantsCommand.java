package org.openpec.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.openpec.access.ImportResult;
import org.openpec.access.UncertainWindow;
import org.openpec.internal.io.GrantsCsv;
import org.openpec.internal.io.Uncertainty;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pec grants}: builds the grants file of rules §11 from Azure's own records — Activity Log exports and
 * role-assignment listings — attributed through the principals file (docs/cli.md, issue on access history).
 *
 * <p>Standard output (or {@code --out}) gets the grants CSV only. Standard error gets every problem as {@code
 * file:line:column: message}, then the summary: what was read, the grants made, the principals mapped and each
 * unmapped one once, and each uncertain window with what was assumed.
 */
@Command(name = "grants", mixinStandardHelpOptions = true,
    description = {"Build a grants file (CSV; docs/formats.md) from Azure's own records: Activity Log exports "
        + "(--activity-log) and role-assignment listings (--snapshot), attributed to partner IDs by the "
        + "principals file.",
        "Problems (malformed events, bad rows) and a summary go to standard error."},
    footer = {"", "With --strict, exit status 3 means a problem was reported."})
final class GrantsCommand implements Callable<Integer> {

  @Mixin
  AccessSourceOptions sources = new AccessSourceOptions();

  @Option(names = "--out", paramLabel = "F", description = "Write the grants CSV here (default: standard output).")
  Path out;

  @Option(names = "--strict", description = "Exit 3 when any event, listing entry or principals row was "
      + "reported as a problem.")
  boolean strict;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    if (!sources.hasSources()) {
      throw new CommandLine.ParameterException(cl, "Missing a source: give --activity-log F and/or "
          + "--snapshot F@INSTANT (each repeatable)");
    }
    sources.validate(cl);
    Outputs outputs = Outputs.of(cl, sources.files(), new Outputs.Named("--out", out));
    Imported imported = Imported.load(sources, err);
    ImportResult r = imported.result();
    try (Writer w = outputs.writer(out, cl.getOut()); GrantsCsv csv = GrantsCsv.to(w)) {
      csv.writeAll(r.grants());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    outputs.commit();
    for (String line : r.summary().lines()) {
      err.println("pec: " + line);
    }
    long principalRows = imported.problems() - r.problems().size();
    if (principalRows > 0) {
      err.println("pec: principals file: " + principalRows + " bad row" + (principalRows == 1 ? "" : "s"));
    }
    for (UncertainWindow u : r.uncertainWindows()) {
      err.println("pec: uncertain " + u.interval() + ", role assignment " + Uncertainty.name(u.assignmentId())
          + " at " + u.scope() + ":");
      err.println("pec:   " + u.why());
    }
    err.flush();
    return strict && imported.problems() > 0 ? PecCommand.EXIT_STRICT : 0;
  }
}
