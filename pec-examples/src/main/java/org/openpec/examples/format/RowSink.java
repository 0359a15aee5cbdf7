package org.openpec.examples.format;

import java.io.Closeable;

/** Receives the rows of one table, in order, and writes them in some format. Not thread-safe. */
public interface RowSink extends Closeable {

  /** Writes one row: the cells as the core's tables make them (plain numbers, neutralised text). */
  void row(String[] cells);

  /** Finishes the table and releases the output. */
  @Override
  void close();
}
