package org.openpec.examples.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered byte writer for the usage file: pre-encoded UTF-8 chunks and ASCII numbers go straight into one
 * buffer, so a line costs no character encoding. Not thread-safe.
 */
final class ByteSink implements Closeable {

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private final OutputStream out;
  private final byte[] buf;
  private int pos;
  private long flushed;

  ByteSink(OutputStream out, int bufferSize) {
    this.out = out;
    this.buf = new byte[bufferSize];
  }

  /** {@code 10^n} for {@code 0 ≤ n ≤ 18}. */
  static long pow10(int n) {
    return POW10[n];
  }

  /** UTF-8 bytes of {@code s}, for chunks encoded once and written many times. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code value} in plain notation without trailing fractional zeros ({@code 0.4250} → {@code 0.425}). */
  static String plain(java.math.BigDecimal value) {
    String s = value.toPlainString();
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  void write(byte[] b) throws IOException {
    if (b.length > buf.length - pos) {
      flushBuffer();
      if (b.length > buf.length) {
        out.write(b);
        flushed += b.length;
        return;
      }
    }
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
  }

  void writeByte(int b) throws IOException {
    if (pos == buf.length) {
      flushBuffer();
    }
    buf[pos++] = (byte) b;
  }

  /** Writes text that is known to be ASCII (numbers, dates, codes). */
  void writeAscii(String s) throws IOException {
    int n = s.length();
    if (n > buf.length - pos) {
      flushBuffer();
      if (n > buf.length) {
        write(s.getBytes(StandardCharsets.US_ASCII));
        return;
      }
    }
    for (int i = 0; i < n; i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
  }

  /**
   * Writes {@code unscaled × 10^-scale} in plain notation without trailing fractional zeros ({@code 24},
   * {@code 23.350007}, {@code -1.5}).
   */
  void writeScaled(long unscaled, int scale) throws IOException {
    if (unscaled < 0) {
      writeByte('-');
      unscaled = -unscaled;
    }
    long pow = POW10[scale];
    long integer = unscaled / pow;
    long fraction = unscaled % pow;
    writeLong(integer);
    if (fraction != 0) {
      int digits = scale;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      writeByte('.');
      for (int d = digits - 1; d >= 0; d--) {
        writeByte((int) ('0' + (fraction / POW10[d]) % 10));
      }
    }
  }

  void writeLong(long v) throws IOException {
    if (v < 0) {
      writeByte('-');
      v = -v;
    }
    if (v < 10) {
      writeByte((int) ('0' + v));
      return;
    }
    int digits = 1;
    while (digits < 19 && v >= POW10[digits]) {
      digits++;
    }
    for (int d = digits - 1; d >= 0; d--) {
      writeByte((int) ('0' + (v / POW10[d]) % 10));
    }
  }

  /** Bytes written so far, buffered ones included. */
  long size() {
    return flushed + pos;
  }

  private void flushBuffer() throws IOException {
    out.write(buf, 0, pos);
    flushed += pos;
    pos = 0;
  }

  @Override
  public void close() throws IOException {
    try {
      flushBuffer();
    } finally {
      out.close();
    }
  }
}
