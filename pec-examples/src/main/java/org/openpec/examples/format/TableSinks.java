package org.openpec.examples.format;

import org.openpec.internal.io.TableWriter;

/** Adapters between the core's CSV tables and {@link RowSink}. */
public final class TableSinks {

  private TableSinks() {}

  /** A sink writing through one of the core's CSV tables ({@code ReconcileCsv}, {@code LossesCsv}, ...). */
  public static RowSink of(TableWriter table) {
    return new RowSink() {
      @Override
      public void row(String[] cells) {
        table.write(cells);
      }

      @Override
      public void close() {
        table.close();
      }
    };
  }
}
