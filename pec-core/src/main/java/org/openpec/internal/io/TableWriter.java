package org.openpec.internal.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * A CSV table of openpec's output, header first, rows through {@link CsvOutput} (quoting, plain numbers,
 * neutralised formulas). The tables ({@link CreditCsv}, {@link ReconcileCsv}, {@link LossesCsv},
 * {@link GrantsCsv}) say what a row holds; this class writes rows. Not thread-safe.
 */
public abstract class TableWriter implements Closeable, Flushable {

  private final CsvOutput out;

  TableWriter(Writer writer, List<String> header) {
    this.out = CsvOutput.to(Objects.requireNonNull(writer, "writer"));
    out.row(header.toArray(new String[0]));
  }

  /** Writes one row of cells, as the table's {@code cells(..)} made them. */
  public void write(String[] cells) {
    out.row(cells);
  }

  /** Writes one row that {@link CsvOutput#format} made (on any thread) from the table's cells. */
  public void writeFormatted(String row) {
    out.formatted(row);
  }

  @Override
  public void flush() {
    out.flush();
  }

  /** Flushes the rows and closes the underlying writer. */
  @Override
  public void close() {
    out.close();
  }
}
