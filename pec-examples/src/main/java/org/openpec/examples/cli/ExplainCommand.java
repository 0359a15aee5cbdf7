package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.openpec.LineResult;
import org.openpec.access.UncertainWindow;
import org.openpec.internal.io.Uncertainty;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.model.AccessGrant;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.money.PecRate;
import org.openpec.rules.AccessEvidence;
import org.openpec.rules.FunnelStep;
import org.openpec.time.Interval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pec explain --line N}: the verdict tree of one usage record, its evidence and its money. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Explain one usage record: each rule and its result, the grants left after each funnel step, "
        + "the covered and uncovered parts of the day, and the money.")
final class ExplainCommand implements Callable<Integer> {

  @Mixin
  InputOptions inputs = new InputOptions();

  @Option(names = "--line", required = true, paramLabel = "N", description = "The record number (1 = first record).")
  long line;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    PrintWriter out = cl.getOut();
    if (line < 1) {
      throw new CommandLine.ParameterException(cl, "--line must be 1 or more, was " + line);
    }
    Inputs in = Inputs.load(inputs, cl, cl.getErr());
    UsageRecord found = null;
    String foundIn = null;
    long count = 0;
    try (UsageReader reader = in.openUsage()) {
      while (reader.hasNext()) {
        UsageRecord r = reader.next();
        count++;
        if (r.recordNumber() == line) {
          found = r;
          foundIn = reader.fileName();
          break;
        }
      }
    }
    if (found == null) {
      throw new CommandLine.ParameterException(cl, "--line " + line + " is out of range: the usage file has "
          + count + " record" + (count == 1 ? "" : "s"));
    }
    out.println("Record " + line + " (" + found.problem().map(p -> p.file()).orElse(foundIn) + " line "
        + found.physicalLine() + ")");
    if (found.isRejected()) {
      out.println("REJECTED: " + found.problem().orElseThrow());
      return 0;
    }
    LineResult r = Evaluation.of(in).apply(found);
    print(out, r, in.uncertainty);
    out.flush();
    return 0;
  }

  /**
   * Prints the explanation of {@code r}; with the {@code uncertainty} of an access import (null when the grants
   * came from a grants file), the uncertain windows that bear on the line's resource and day follow the funnel.
   */
  static void print(PrintWriter out, LineResult r, Uncertainty uncertainty) {
    UsageLine l = r.line();
    out.println("  customer " + l.customerId() + ", billed partner " + l.billedPartnerId()
        + (l.reseller().map(x -> ", reseller " + x).orElse("")) + ", subscription " + l.entitlementId());
    out.println("  resource " + l.resource() + ", usage day " + l.usageDate() + ", meter " + l.meterId());
    out.println();
    out.println("Verdict: " + r.reason() + " — " + r.verdict().detail());
    out.println();
    out.println("Rules:");
    for (String s : r.verdict().toTreeString().split("\n")) {
      out.println("  " + s);
    }
    r.verdict().accessEvidence().ifPresent(e -> printEvidence(out, e));
    if (uncertainty != null) {
      printUncertainty(out, l, uncertainty);
    }
    LineAmounts a = r.amounts();
    out.println();
    out.println("Money (rules §8):");
    out.println("  rate in force       " + PecRate.toPercentage(r.rateInForce()).toPlainString() + " %, applied "
        + PecRate.toPercentage(a.rate()).toPlainString() + " %" + (r.repriced() ? " (repriced)" : ""));
    row(out, "UnitPrice", a.unitPrice(), l.pricingCurrency());
    row(out, "Quantity", l.quantity(), "");
    row(out, "ListCost", a.listCost(), l.pricingCurrency());
    row(out, "EffectiveUnitPrice", a.effectiveUnitPrice(), l.pricingCurrency());
    row(out, "PricingPreTaxTotal", a.pricingPreTaxTotal(), l.pricingCurrency());
    row(out, "Credit", a.credit(), l.pricingCurrency());
    row(out, "PCToBCExchangeRate", l.pcToBcExchangeRate(), "");
    row(out, "BillingPreTaxTotal", a.billingPreTaxTotal(), l.billingCurrency() + " (FLOOR to cents)");
    row(out, "BillingCredit", a.billingCredit(), l.billingCurrency());
    if (!r.isEligible() && !r.reason().isProductExclusion()) {
      row(out, "Credit lost", r.creditLost(), l.pricingCurrency());
    }
  }

  private static void printEvidence(PrintWriter out, AccessEvidence e) {
    out.println();
    out.println("Access funnel on " + e.day() + ":");
    for (FunnelStep s : e.steps()) {
      out.println("  " + s.name() + ": " + s.kept().size() + (s.kept().isEmpty() ? " → " + s.reasonWhenEmpty() : ""));
      for (AccessGrant g : s.kept()) {
        out.println("    " + g.grantId() + "  " + g.roleLabel() + ", " + (g.channel().isBlank() ? "-" : g.channel())
            + ", partner " + g.partnerId().orElse("(none)") + ", " + g.assignment() + ", " + g.scope() + ", "
            + g.interval());
      }
    }
    Interval day = e.day();
    out.println("  covered:   " + e.covered().describeWithin(day));
    out.println("  uncovered: " + e.uncovered().describeWithin(day));
  }

  /**
   * The uncertain windows that bear on the line's resource and day: Azure's records do not say exactly when an
   * assignment of a partner began or ended, and the verdict rests on what the import assumed.
   */
  private static void printUncertainty(PrintWriter out, UsageLine l, Uncertainty uncertainty) {
    List<UncertainWindow> windows = uncertainty.affecting(l);
    if (windows.isEmpty()) {
      return;
    }
    out.println();
    out.println("Uncertain: Azure's records do not settle the access of " + l.usageDate() + " (the verdict rests on "
        + "what the import assumed):");
    for (UncertainWindow w : windows) {
      out.println("  role assignment " + Uncertainty.name(w.assignmentId()) + " (partner "
          + w.partnerId().orElse("(none)") + ", " + w.scope() + "), " + w.interval() + ":");
      out.println("    " + w.why());
    }
  }

  private static void row(PrintWriter out, String name, java.math.BigDecimal v, String unit) {
    out.println(String.format("  %-19s %s %s", name, v == null ? "(none)" : v.toPlainString(), unit).stripTrailing());
  }
}
