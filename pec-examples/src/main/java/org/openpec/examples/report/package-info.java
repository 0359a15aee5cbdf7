/**
 * The month told at a glance: the per-customer table of {@code pec demo} and {@code pec summary}, and the
 * self-contained HTML page of {@code pec report}.
 *
 * <p>{@link org.openpec.examples.report.MonthFigures} folds the outcomes of one pass over a usage file into
 * aggregates (per currency, customer, subscription and day, loss episodes, uncertain windows, lines to raise);
 * {@link org.openpec.examples.report.SummaryTable} prints them as text and
 * {@link org.openpec.examples.report.HtmlReport} as one page with inline styles, script and SVG charts. Both
 * show rounded amounts next to their currency; the page keeps each exact value in a {@code data-exact}
 * attribute.
 *
 * <pre>{@code
 * MonthFigures month = MonthFigures.of(LossTracker.of(calculator), null, false);
 * results.forEach(r -> month.add(r, "", List.of(), null));
 * HtmlReport.write(month.finish(), "usage.csv", HtmlReport.Limits.defaults(), writer);
 * }</pre>
 */
package org.openpec.examples.report;
