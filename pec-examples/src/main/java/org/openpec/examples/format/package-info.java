/**
 * Output formats of the {@code pec} tables for people and their tools: a streaming Excel workbook writer
 * ({@link org.openpec.examples.format.XlsxWriter}, over fastexcel), Excel's European CSV
 * ({@link org.openpec.examples.format.DelimitedWriter#excel}), and the FOCUS 1.2 table of {@code pec credit}
 * ({@link org.openpec.examples.format.FocusTable}). A table is a {@link org.openpec.examples.format.TableSpec}
 * (header and {@link org.openpec.examples.format.ColumnKind} per column); rows arrive as the core's cells and go
 * to a {@link org.openpec.examples.format.RowSink}.
 *
 * <pre>{@code
 * try (RowSink sink = XlsxWriter.to(Files.newOutputStream(Path.of("credit.xlsx")), Tables.CREDIT)) {
 *   UsageRun.run(reader, UsageRun.byLine(pec::evaluate), o -> sink.row(CreditCsv.cells(o)));
 * }
 * }</pre>
 */
package org.openpec.examples.format;
