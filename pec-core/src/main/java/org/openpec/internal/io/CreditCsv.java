package org.openpec.internal.io;

import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import org.openpec.LineResult;
import org.openpec.io.InputProblem;
import org.openpec.io.UsageOutcome;
import org.openpec.io.UsageRecord;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.money.PecRate;
import org.openpec.rules.Reason;

/**
 * Writes the {@code credit} table of docs/cli.md: one row per usage record, in input order.
 *
 * <p>Columns: {@value #HEADER_TEXT}. Amounts are exact, in plain notation. A rejected record shows its
 * identifying columns as read, no percentage and no money, and {@code Detail = FILE:LINE:COLUMN: message}. Not
 * thread-safe.
 */
public final class CreditCsv extends TableWriter {

  /** The header, comma-separated. */
  public static final String HEADER_TEXT = "Line,CustomerId,EntitlementId,ResourceURI,UsageDate,MeterId,Quantity,"
      + "UnitPrice,Reason,PecPercentage,EffectiveUnitPrice,ListCost,PricingPreTaxTotal,Credit,BillingPreTaxTotal,"
      + "BillingCredit,BillingCurrency,Detail";

  /** The header cells. */
  public static final List<String> HEADER = List.of(HEADER_TEXT.split(","));

  private CreditCsv(Writer writer) {
    super(writer, HEADER);
  }

  /** A table written to {@code writer}, header first. */
  public static CreditCsv to(Writer writer) {
    return new CreditCsv(writer);
  }

  /** Writes the row of an evaluated record. */
  public void write(long lineNumber, LineResult r) {
    write(cells(lineNumber, r));
  }

  /** Writes the row of a rejected record. */
  public void write(UsageRecord rejected) {
    write(cells(rejected));
  }

  /** The cells of an outcome's row: evaluated or rejected. Thread-safe. */
  public static String[] cells(UsageOutcome o) {
    return o.result() == null ? cells(o.record()) : cells(o.record().recordNumber(), o.result());
  }

  /** The cells of an evaluated record's row. */
  public static String[] cells(long lineNumber, LineResult r) {
    UsageLine l = r.line();
    LineAmounts a = r.amounts();
    BigDecimal pct = r.isEligible() ? PecRate.toPercentage(r.rateInForce()) : BigDecimal.ZERO;
    return new String[] {
        Long.toString(lineNumber),
        CsvOutput.text(l.customerId()),
        CsvOutput.text(l.entitlementId()),
        CsvOutput.text(l.resourceUri()),
        l.usageDate().toString(),
        CsvOutput.text(l.meterId()),
        CsvOutput.number(l.quantity()),
        CsvOutput.number(r.repriced() ? a.unitPrice() : l.unitPrice()),
        r.reason().name(),
        CsvOutput.number(pct),
        CsvOutput.number(a.effectiveUnitPrice()),
        CsvOutput.number(a.listCost()),
        CsvOutput.number(a.pricingPreTaxTotal()),
        CsvOutput.number(a.credit()),
        CsvOutput.number(a.billingPreTaxTotal()),
        CsvOutput.number(a.billingCredit()),
        CsvOutput.text(l.billingCurrency()),
        CsvOutput.text(r.detail())
    };
  }

  /**
   * Appends the row of an outcome to {@code out}: the same bytes as {@link CsvRows#row} of {@link #cells(UsageOutcome)},
   * with the {@code Detail} cell of an evaluated record passed through {@code detail} (e.g. to annotate it).
   * Thread-safe as long as each thread has its own {@code out}.
   */
  public static void row(UsageOutcome o, CsvRows out, BiFunction<String, LineResult, String> detail) {
    LineResult r = o.result();
    if (r == null) {
      out.row(cells(o.record()));
      return;
    }
    UsageLine l = r.line();
    LineAmounts a = r.amounts();
    out.cell(o.record().recordNumber())
        .text(l.customerId())
        .text(l.entitlementId())
        .text(l.resourceUri())
        .cell(dayText(l.usageDate()))
        .text(l.meterId())
        .cell(l.quantity())
        .cell(r.repriced() ? a.unitPrice() : l.unitPrice())
        .cell(r.reason().name())
        .cell(r.isEligible() ? PecRate.toPercentage(r.rateInForce()) : BigDecimal.ZERO)
        .cell(a.effectiveUnitPrice())
        .cell(a.listCost())
        .cell(a.pricingPreTaxTotal())
        .cell(a.credit())
        .cell(a.billingPreTaxTotal())
        .cell(a.billingCredit())
        .text(l.billingCurrency())
        .cell(detail.apply(CsvOutput.text(r.detail()), r))
        .end();
  }

  /** Recently written days and their text ({@code yyyy-MM-dd}), by epoch day: a month has a few. */
  private static final DayText[] DAYS = new DayText[512];

  private record DayText(LocalDate day, String text) {}

  /** {@code day.toString()}, remembered (shared by threads: an entry is immutable, a lost write costs nothing). */
  private static String dayText(LocalDate day) {
    int at = (int) (day.toEpochDay() & (DAYS.length - 1));
    DayText known = DAYS[at];
    if (known != null && known.day().equals(day)) {
      return known.text();
    }
    String text = day.toString();
    DAYS[at] = new DayText(day, text);
    return text;
  }

  /** The cells of a rejected record's row. */
  public static String[] cells(UsageRecord rec) {
    return new String[] {
        Long.toString(rec.recordNumber()),
        CsvOutput.text(rec.field("CustomerId")),
        CsvOutput.text(rec.field("EntitlementId")),
        CsvOutput.text(rec.field("ResourceURI")),
        CsvOutput.text(rec.field("UsageDate")),
        CsvOutput.text(rec.field("MeterId")),
        CsvOutput.text(rec.field("Quantity")),
        CsvOutput.text(rec.field("UnitPrice")),
        Reason.REJECTED.name(),
        "", "", "", "", "", "", "",
        CsvOutput.text(rec.field("BillingCurrency")),
        CsvOutput.text(rec.problem().map(InputProblem::toString).orElse(""))
    };
  }

}
