package org.openpec.internal.io;

import java.io.Writer;
import java.util.List;
import java.util.Objects;
import org.openpec.internal.reconcile.ReconciledLine;
import org.openpec.internal.reconcile.Reconciler;
import org.openpec.internal.reconcile.Reported;
import org.openpec.io.InputProblem;
import org.openpec.io.UsageOutcome;
import org.openpec.io.UsageRecord;
import org.openpec.io.UsageRun;
import org.openpec.model.UsageLine;

/**
 * Writes the {@code reconcile} table of docs/cli.md: one row per usage record, in input order, comparing openpec's
 * expectation with the PEC columns Microsoft wrote into the usage file (rules §10, §12).
 *
 * <p>Columns: {@value #HEADER_TEXT}. Expected amounts are exact, in plain notation; the reported columns echo the
 * usage file's text as written (neutralised against spreadsheet formulas, like every text cell). A record that
 * could not be read shows its identifying columns as read, kind and reason {@code REJECTED} and no expected value;
 * a readable record whose reported values are absent, empty or not numbers has kind {@code REJECTED} but keeps
 * openpec's reason and expected values. {@code AmountAtStake} is empty for every {@code REJECTED} row. Not
 * thread-safe; the static methods are.
 *
 * <pre>{@code
 * Reconciler reconciler = Reconciler.exact();
 * try (ReconcileCsv out = ReconcileCsv.to(writer)) {
 *   UsageRun.run(reader, UsageRun.byLine(pec::evaluate), o -> {
 *     ReconciledLine row = ReconcileCsv.reconcile(reconciler, o);
 *     out.write(ReconcileCsv.cells(o.record(), row));
 *   });
 * }
 * }</pre>
 */
public final class ReconcileCsv extends TableWriter {

  /** The header, comma-separated. */
  public static final String HEADER_TEXT = "Line,CustomerId,EntitlementId,ResourceURI,UsageDate,MeterId,Kind,"
      + "ExpectedPercentage,ReportedPercentage,ExpectedEffectiveUnitPrice,ReportedEffectiveUnitPrice,"
      + "ExpectedBillingPreTaxTotal,ReportedBillingPreTaxTotal,AmountAtStake,Reason";

  /** The header cells. */
  public static final List<String> HEADER = List.of(HEADER_TEXT.split(","));

  private ReconcileCsv(Writer writer) {
    super(writer, HEADER);
  }

  /** A table written to {@code writer}, header first; closing the table closes {@code writer}. */
  public static ReconcileCsv to(Writer writer) {
    return new ReconcileCsv(writer);
  }

  /**
   * The PEC columns Microsoft wrote into {@code record}, as raw text: each is the field as written, or null when
   * the usage file has no such column.
   */
  public static Reported reported(UsageRecord record) {
    return Reported.of(column(record, Reported.PERCENTAGE_COLUMN), column(record, Reported.EFFECTIVE_UNIT_PRICE_COLUMN),
        column(record, Reported.BILLING_PRE_TAX_TOTAL_COLUMN));
  }

  private static String column(UsageRecord record, String name) {
    return record.hasColumn(name) ? record.field(name) : null;
  }

  /**
   * Reconciles one outcome of a usage run: a readable record against its reported columns, or the row of a
   * record that could not be read (whose problem, {@code FILE:LINE:COLUMN: message}, becomes the row's detail).
   */
  public static ReconciledLine reconcile(Reconciler reconciler, UsageOutcome outcome) {
    Objects.requireNonNull(reconciler, "reconciler");
    UsageRecord rec = outcome.record();
    Reported reported = reported(rec);
    if (outcome.result() == null) {
      return reconciler.unreadable(rec.recordNumber(), rec.field("CustomerId"), reported,
          rec.problem().map(InputProblem::toString).orElse(""));
    }
    return reconciler.reconcile(rec.recordNumber(), outcome.result(), reported);
  }

  /**
   * The cells of a row: the identifying columns from the evaluated line (or, for a record that could not be
   * read, from {@code record} as written), then the kind, the expected and reported values, the amount at stake
   * and openpec's reason code.
   *
   * @param record the usage record the row reconciles (its raw fields serve an unreadable record)
   * @param row the record reconciled
   */
  public static String[] cells(UsageRecord record, ReconciledLine row) {
    Objects.requireNonNull(record, "record");
    Reported rep = row.reported();
    String[] id = row.expected().map(r -> identity(row.recordNumber(), r.line())).orElseGet(() -> identity(record));
    return new String[] {
        id[0], id[1], id[2], id[3], id[4], id[5],
        row.kind().name(),
        CsvOutput.number(row.expectedPercentage().orElse(null)),
        CsvOutput.text(rep.percentage()),
        CsvOutput.number(row.expectedEffectiveUnitPrice().orElse(null)),
        CsvOutput.text(rep.effectiveUnitPrice()),
        CsvOutput.number(row.expectedBillingPreTaxTotal().orElse(null)),
        CsvOutput.text(rep.billingPreTaxTotal()),
        CsvOutput.number(row.amountAtStake().orElse(null)),
        row.reason().name()
    };
  }

  private static String[] identity(long recordNumber, UsageLine l) {
    return new String[] {Long.toString(recordNumber), CsvOutput.text(l.customerId()),
        CsvOutput.text(l.entitlementId()), CsvOutput.text(l.resourceUri()), l.usageDate().toString(),
        CsvOutput.text(l.meterId())};
  }

  private static String[] identity(UsageRecord rec) {
    return new String[] {Long.toString(rec.recordNumber()), CsvOutput.text(rec.field("CustomerId")),
        CsvOutput.text(rec.field("EntitlementId")), CsvOutput.text(rec.field("ResourceURI")),
        CsvOutput.text(rec.field("UsageDate")), CsvOutput.text(rec.field("MeterId"))};
  }

  /** Writes the row of {@code row}, reconciled from {@code record}. */
  public void write(UsageRecord record, ReconciledLine row) {
    write(cells(record, row));
  }

}
