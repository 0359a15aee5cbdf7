package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import org.openpec.LineResult;
import org.openpec.access.UncertainWindow;
import org.openpec.examples.report.MonthFigures;
import org.openpec.internal.io.Uncertainty;
import org.openpec.io.InputProblem;
import org.openpec.internal.io.ReconcileCsv;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRun;
import org.openpec.internal.losses.LossTracker;
import org.openpec.internal.reconcile.ReconciledLine;
import org.openpec.internal.reconcile.Reconciler;
import org.openpec.internal.reconcile.Reported;

/**
 * One pass over the usage file that folds the {@link MonthFigures} of {@code pec report}, {@code pec summary}
 * and {@code pec demo}: records are read once, evaluated (and, when the file carries Microsoft's PEC columns,
 * reconciled) on the workers, and folded on the calling thread, so memory follows the aggregates.
 */
final class MonthRun {

  private MonthRun() {}

  /** What a worker hands to the fold for one record. */
  private record Item(LineResult result, String name, List<UncertainWindow> affecting, ReconciledLine reconciled,
      String problem) {}

  /**
   * Folds the month of {@code in}'s usage file; each record that could not be read is reported on {@code err}.
   */
  static MonthFigures of(Inputs in, PrintWriter err) {
    return of(in, err, null);
  }

  /**
   * {@link #of(Inputs, PrintWriter)}, each record also counted by {@code rejections} (when not null) for
   * {@code --max-rejected}.
   */
  static MonthFigures of(Inputs in, PrintWriter err, Rejections rejections) {
    Uncertainty uncertainty = in.uncertainty;
    try (Progress progress = Progress.of(in.options.usage); UsageReader reader = in.openUsage(progress)) {
      boolean hasNames = reader.hasColumn("CustomerName");
      boolean reconcile = reader.hasColumn(Reported.PERCENTAGE_COLUMN)
          && reader.hasColumn(Reported.EFFECTIVE_UNIT_PRICE_COLUMN)
          && reader.hasColumn(Reported.BILLING_PRE_TAX_TOTAL_COLUMN);
      Reconciler reconciler = Reconciler.exact();
      MonthFigures month = MonthFigures.of(LossTracker.of(in.calculator),
          uncertainty == null ? null : uncertainty.windows(), reconcile);
      UsageRun.run(reader, Evaluation.of(in), o -> {
        LineResult r = o.result();
        ReconciledLine row = reconcile ? ReconcileCsv.reconcile(reconciler, o) : null;
        if (r == null) {
          return new Item(null, "", List.of(), row, o.record().problem().map(InputProblem::toString).orElse(""));
        }
        return new Item(r, hasNames ? o.record().field("CustomerName").trim() : "",
            uncertainty == null ? List.of() : uncertainty.affecting(r.line()), row, null);
      }, item -> {
        progress.step();
        if (rejections != null) {
          rejections.record(item.result() == null ? item.problem() : null);
        }
        if (item.result() == null) {
          err.println(item.problem());
          month.addRejected(item.problem(), item.reconciled());
        } else {
          month.add(item.result(), item.name(), item.affecting(), item.reconciled());
        }
      }, in.options.threads);
      return month.finish();
    }
  }
}
