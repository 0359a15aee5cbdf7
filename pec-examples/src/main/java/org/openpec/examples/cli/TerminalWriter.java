package org.openpec.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard output or standard error of {@code pec}: a print writer that never lets a control character from an
 * input reach the terminal, and that remembers why a write failed.
 *
 * <p>Text printed through it is escaped (docs/cli.md, "Messages"): C0 controls other than line feed and tab, DEL,
 * the C1 controls and the Unicode line, paragraph and bidirectional-override characters become {@code \xHH} or
 * {@code \\uHHHH}, so an ESC or OSC sequence in a customer name cannot recolour, retitle or rewrite the terminal.
 * {@link #println(String)} also escapes line feeds and carriage returns inside the line, so a value holding a
 * newline cannot forge a second {@code pec:} line. Data written through {@link #raw()} (the CSV of a command
 * writing to standard output) is passed on as it is.
 *
 * <p>{@link PrintWriter} swallows write errors; this one keeps the first {@link IOException} so that {@link
 * #failure()} can name the reason (a full disk, a closed pipe).
 */
final class TerminalWriter extends PrintWriter {

  private final Recorder recorder;

  private TerminalWriter(Recorder recorder) {
    super(recorder, true);
    this.recorder = recorder;
  }

  /** A terminal writer over {@code target}; {@code target} may be a {@link PrintWriter} (tests). */
  static TerminalWriter of(Writer target) {
    return target instanceof TerminalWriter t ? t : new TerminalWriter(new Recorder(target));
  }

  /** The unescaped writer beneath, for data; its write errors are thrown, not swallowed. */
  Writer raw() {
    return recorder;
  }

  /** The first write error met, or null. */
  IOException failure() {
    return recorder.failure;
  }

  @Override
  public void println(String x) {
    synchronized (lock) {
      super.print(escapeLine(x));
      super.println();
    }
  }

  @Override
  public void println(Object x) {
    println(String.valueOf(x));
  }

  @Override
  public void write(int c) {
    write(String.valueOf((char) c), 0, 1);
  }

  @Override
  public void write(char[] buf, int off, int len) {
    write(new String(buf, off, len), 0, len);
  }

  @Override
  public void write(String s, int off, int len) {
    String part = off == 0 && len == s.length() ? s : s.substring(off, off + len);
    String safe = escape(part);
    super.write(safe, 0, safe.length());
  }

  /** {@code s} with every control character but line feed and tab escaped. */
  static String escape(String s) {
    return escape(s, false);
  }

  /** {@code s} as one line: every control character escaped, line feed and carriage return included. */
  static String escapeLine(String s) {
    return escape(s == null ? "null" : s, true);
  }

  private static String escape(String s, boolean line) {
    int i = 0;
    while (i < s.length() && !needs(s.charAt(i), line)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!needs(c, line)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c < 0x80) {
        b.append(String.format("\\x%02X", (int) c));
      } else {
        b.append(String.format("\\u%04X", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean needs(char c, boolean line) {
    if (c == '\n') {
      return line;
    }
    if (c == '\t') {
      return false;
    }
    return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f';
  }

  /** Passes writes on and keeps the first failure; a {@link PrintWriter} target's swallowed error is surfaced. */
  private static final class Recorder extends Writer {
    private final Writer target;
    IOException failure;

    Recorder(Writer target) {
      this.target = target;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      try {
        target.write(cbuf, off, len);
        check();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      try {
        target.write(str, off, len);
        check();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        target.flush();
        check();
      } catch (IOException e) {
        throw failed(e);
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }

    private void check() throws IOException {
      if (target instanceof PrintWriter p && p.checkError()) {
        throw new IOException("write error");
      }
    }

    private IOException failed(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
