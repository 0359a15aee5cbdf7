package org.openpec.internal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CSV rows encoded as UTF-8 bytes in one growable buffer: the same text {@link CsvOutput#format} makes (RFC 4180
 * quoting where needed, LF line ends), without a string per row. A cell is quoted when it holds a comma, a quote,
 * CR or LF, or when it is a row's first cell and starts with {@code #}; a quote is doubled. A lone surrogate
 * (which no UTF-8 text can hold) is written as {@code ?}, as Java's UTF-8 encoder writes it. Lets workers format
 * a batch of rows that one thread then writes in order. Not thread-safe.
 */
public final class CsvRows {

  private byte[] buf;
  private int len;
  private int rows;

  /** An empty buffer of about {@code capacity} bytes to start with. */
  public CsvRows(int capacity) {
    buf = new byte[Math.max(64, capacity)];
  }

  /** The number of cells of the row being appended. */
  private int cells;

  /** Appends one row of cells (already made with {@link CsvOutput#text} and {@link CsvOutput#number}). */
  public CsvRows row(String... cells) {
    for (String c : cells) {
      cell(c);
    }
    return end();
  }

  /** Appends a cell to the row being written (as made with {@link CsvOutput#text}). */
  public CsvRows cell(String text) {
    if (cells++ > 0) {
      put((byte) ',');
    }
    cell(text, cells == 1);
    return this;
  }

  /**
   * Appends {@code value} as a text cell: the same bytes as {@code cell(CsvOutput.text(value))} (a formula-like
   * start guarded, lone surrogates as {@code ?}, quoted where needed), in one pass when the text is plain ASCII.
   */
  public CsvRows text(String value) {
    int n = value == null ? 0 : value.length();
    if (n == 0) {
      return cell("");
    }
    char first = value.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        || (first == '#' && cells == 0)) {
      return cell(CsvOutput.text(value));
    }
    if (cells++ > 0) {
      put((byte) ',');
    }
    ensure(n);
    byte[] b = buf;
    int at = len;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || c == '"' || c == ',' || c == '\n' || c == '\r') {
        cell(CsvOutput.text(value), cells == 1);
        return this;
      }
      b[at + i] = (byte) c;
    }
    len = at + n;
    return this;
  }

  /** Appends a whole number as a cell. */
  public CsvRows cell(long value) {
    if (cells++ > 0) {
      put((byte) ',');
    }
    digits(value);
    return this;
  }

  /**
   * Appends a number in plain notation as a cell, as {@link CsvOutput#number} writes it ({@code toPlainString});
   * null is an empty cell.
   */
  public CsvRows cell(BigDecimal value) {
    if (cells++ > 0) {
      put((byte) ',');
    }
    if (value == null) {
      return this;
    }
    int scale = value.scale();
    if (value.precision() > 18 || scale > 40 || scale < -40) {
      cell(value.toPlainString(), false);
      return this;
    }
    // the unscaled value without a BigInteger: at scale 0 a compact value gives its long directly
    long unscaled = value.scaleByPowerOfTen(scale).longValueExact();
    if (scale <= 0) {
      digits(unscaled);
      if (unscaled != 0) {
        ensure(-scale);
        for (int k = 0; k < -scale; k++) {
          buf[len++] = '0';
        }
      }
      return this;
    }
    ensure(64);
    if (unscaled < 0) {
      buf[len++] = '-';
      unscaled = -unscaled;
    }
    int n = digitCount(unscaled);
    if (n > scale) {
      int at = len;
      len += n + 1;
      int pos = len - 1;
      for (int k = 0; k < scale; k++) {
        buf[pos--] = (byte) ('0' + unscaled % 10);
        unscaled /= 10;
      }
      buf[pos--] = '.';
      while (pos >= at) {
        buf[pos--] = (byte) ('0' + unscaled % 10);
        unscaled /= 10;
      }
    } else {
      buf[len++] = '0';
      buf[len++] = '.';
      for (int k = n; k < scale; k++) {
        buf[len++] = '0';
      }
      int at = len;
      len += n;
      for (int pos = len - 1; pos >= at; pos--) {
        buf[pos] = (byte) ('0' + unscaled % 10);
        unscaled /= 10;
      }
    }
    return this;
  }

  private void digits(long value) {
    ensure(20);
    long v = value;
    if (v < 0) {
      if (v == Long.MIN_VALUE) {
        cell(Long.toString(v), false);
        return;
      }
      buf[len++] = '-';
      v = -v;
    }
    int n = digitCount(v);
    len += n;
    for (int pos = len - 1, k = 0; k < n; k++, pos--) {
      buf[pos] = (byte) ('0' + v % 10);
      v /= 10;
    }
  }

  private static int digitCount(long v) {
    int n = 1;
    for (long p = 10; n < 19 && v >= p; p *= 10) {
      n++;
    }
    return n;
  }

  /** Ends the row being written (LF). */
  public CsvRows end() {
    put((byte) '\n');
    cells = 0;
    rows++;
    return this;
  }

  private void cell(String s, boolean first) {
    if (s == null) {
      return;
    }
    int n = s.length();
    if (n == 0) {
      return;
    }
    boolean quote = first && s.charAt(0) == '#';
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == ',' || c == '\n' || c == '\r') {
        quote = true;
      } else if (c >= 0x80) {
        ascii = false;
      }
    }
    if (quote) {
      put((byte) '"');
    }
    if (ascii) {
      ensure(quote ? 2 * n : n);
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c == '"') {
          buf[len++] = '"';
        }
        buf[len++] = (byte) c;
      }
    } else {
      String text = quote ? s.replace("\"", "\"\"") : s;
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      ensure(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
    }
    if (quote) {
      put((byte) '"');
    }
  }

  private void put(byte b) {
    if (len == buf.length) {
      ensure(1);
    }
    buf[len++] = b;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  /** The number of rows appended. */
  public int rows() {
    return rows;
  }

  /** The number of bytes appended. */
  public int size() {
    return len;
  }

  /** Writes the rows' bytes to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }

  /** The rows as text. */
  @Override
  public String toString() {
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }
}
