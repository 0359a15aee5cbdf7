package org.openpec.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * A CSV table written for people and spreadsheets: RFC 4180 quoting where needed, LF line ends, numbers in plain
 * notation, and text cells that a spreadsheet would run as a formula neutralised.
 *
 * <p>A text cell starting with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return that is not a
 * number gets a leading apostrophe ({@code '}), so that {@code =HYPERLINK(..)} in a customer name is shown, not
 * run. Not thread-safe.
 */
public final class CsvOutput implements Closeable, Flushable {

  private final CsvWriter writer;

  private CsvOutput(CsvWriter writer) {
    this.writer = writer;
  }

  /** A table written to {@code out}; closing the table closes {@code out}. */
  public static CsvOutput to(Writer out) {
    return new CsvOutput(CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out));
  }

  /** Writes one row of cells as given (already formatted with {@link #text} and {@link #number}). */
  public void row(String... cells) {
    try {
      writer.writeRecord(cells);
    } catch (UncheckedIOException e) {
      throw e;
    }
  }

  /** A text cell, neutralised when a spreadsheet would run it as a formula; null is empty. */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char c = value.charAt(0);
    if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !TextValues.isNumber(value)) {
      return "'" + value;
    }
    return value;
  }

  /** A number in plain notation (never an exponent); null is empty. */
  public static String number(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }

  @Override
  public void flush() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
