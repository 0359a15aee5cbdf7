package org.openpec.internal.io;

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
 * run. Rows may be formatted on any thread ({@link #format}) and written, in order, on one: a table is not
 * thread-safe, formatting is.
 */
public final class CsvOutput implements Closeable, Flushable {

  /** A per-thread FastCSV writer over a reusable buffer: it quotes cells as RFC 4180 says. */
  private static final ThreadLocal<Formatter> FORMATTER = ThreadLocal.withInitial(Formatter::new);

  private final Writer out;

  private CsvOutput(Writer out) {
    this.out = out;
  }

  /** A table written to {@code out}; closing the table closes {@code out}. */
  public static CsvOutput to(Writer out) {
    return new CsvOutput(out);
  }

  /**
   * One row of cells (already made with {@link #text} and {@link #number}) as CSV text ending in LF: the cells
   * quoted where RFC 4180 needs it. Thread-safe.
   */
  public static String format(String... cells) {
    return FORMATTER.get().format(cells);
  }

  /** Writes one row of cells as given (already formatted with {@link #text} and {@link #number}). */
  public void row(String... cells) {
    formatted(format(cells));
  }

  /** Writes a row that {@link #format} made. */
  public void formatted(String row) {
    try {
      out.write(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Formatter {
    private final StringBuilderWriter buffer = new StringBuilderWriter();
    private final CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(buffer);

    String format(String[] cells) {
      buffer.text.setLength(0);
      csv.writeRecord(cells);
      try {
        csv.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffer.text.toString();
    }
  }

  /** A writer into a reusable StringBuilder (unlike StringWriter's, unsynchronised). */
  private static final class StringBuilderWriter extends Writer {
    final StringBuilder text = new StringBuilder(512);

    @Override
    public void write(char[] cbuf, int off, int len) {
      text.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
      text.append(str, off, off + len);
    }

    @Override
    public void flush() {
      // nothing buffered here
    }

    @Override
    public void close() {
      // nothing to release
    }
  }

  /**
   * A text cell, neutralised when a spreadsheet would run it as a formula; null is empty. A lone surrogate (half
   * of a character, which UTF-8 cannot encode: it can come from escaped JSON text) becomes {@code ?}.
   */
  public static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    value = wholeCharacters(value);
    char c = value.charAt(0);
    if ((c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') && !TextValues.isNumber(value)) {
      return "'" + value;
    }
    return value;
  }

  /** {@code value} with each lone surrogate replaced by {@code ?}; the same instance when it has none. */
  static String wholeCharacters(String value) {
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        boolean paired = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          StringBuilder sb = new StringBuilder(value);
          for (int k = i; k < n; k++) {
            char d = sb.charAt(k);
            if (Character.isHighSurrogate(d) && k + 1 < n && Character.isLowSurrogate(sb.charAt(k + 1))) {
              k++;
            } else if (Character.isSurrogate(d)) {
              sb.setCharAt(k, '?');
            }
          }
          return sb.toString();
        }
        i++;
      }
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
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
