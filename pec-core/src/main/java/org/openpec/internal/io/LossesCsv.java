package org.openpec.internal.io;

import java.io.Writer;
import java.util.List;
import org.openpec.internal.losses.LossEpisode;
import org.openpec.internal.losses.LossReport;

/**
 * Writes the {@code losses} table of docs/cli.md: one row per loss episode, in the order the report gives them (credit
 * lost descending, then customer, scope, first day, reason; {@link LossEpisode#ORDER}).
 *
 * <p>Columns: {@value #HEADER_TEXT}. Days are {@code yyyy-MM-dd}; {@code ListCost} and {@code CreditLost} are
 * exact amounts in the pricing currency, {@code BillingCreditLost} in {@code BillingCurrency}, all in plain
 * notation; text cells are neutralised against spreadsheet formulas. Not thread-safe; {@link #cells} is.
 *
 * <pre>{@code
 * try (LossesCsv out = LossesCsv.to(writer)) {
 *   out.write(report);
 * }
 * }</pre>
 */
public final class LossesCsv extends TableWriter {

  /** The header, comma-separated. */
  public static final String HEADER_TEXT = "CustomerId,EntitlementId,Scope,Reason,FirstDay,LastDay,Days,Lines,"
      + "ListCost,CreditLost,BillingCurrency,BillingCreditLost,StartEvent";

  /** The header cells. */
  public static final List<String> HEADER = List.of(HEADER_TEXT.split(","));

  private LossesCsv(Writer writer) {
    super(writer, HEADER);
  }

  /** A table written to {@code writer}, header first; closing the table closes {@code writer}. */
  public static LossesCsv to(Writer writer) {
    return new LossesCsv(writer);
  }

  /** The cells of one episode's row; the scope as the lines wrote it. */
  public static String[] cells(LossEpisode e) {
    return new String[] {
        CsvOutput.text(e.customerId()),
        CsvOutput.text(e.entitlementId()),
        CsvOutput.text(e.scope().path()),
        e.reason().name(),
        e.firstDay().toString(),
        e.lastDay().toString(),
        Long.toString(e.days()),
        Long.toString(e.lines()),
        CsvOutput.number(e.listCost()),
        CsvOutput.number(e.creditLost()),
        CsvOutput.text(e.billingCurrency()),
        CsvOutput.number(e.billingCreditLost()),
        CsvOutput.text(e.startEvent())
    };
  }

  /** Writes one episode's row. */
  public void write(LossEpisode episode) {
    write(cells(episode));
  }

  /** Writes the rows of every episode of {@code report}, in the report's order. */
  public void write(LossReport report) {
    report.episodes().forEach(this::write);
  }

}
