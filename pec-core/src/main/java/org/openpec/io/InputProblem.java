package org.openpec.io;

import java.util.Objects;

/**
 * A problem with one record or row of an input file, located as {@code file:line:column}.
 *
 * @param file the file's name without folders
 * @param line the physical line where the record starts (1-based; the header is line 1 of a file without
 *     leading blank lines)
 * @param column the 1-based position of the offending field, or 0 when the whole record is at fault
 * @param message what is wrong, naming the field and the offending value; control characters (C0, DEL, C1 and
 *     the line and paragraph separators) are written as {@code \}{@code uXXXX}, so that a NUL byte or an escape
 *     sequence of an input cell never reaches a terminal or a log raw
 */
public record InputProblem(String file, long line, int column, String message) {

  /**
   * Validates the problem.
   *
   * @param file the name to report problems under (e.g. the file name without folders)
   * @param line the 1-based line in the file, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param message what is wrong, a human sentence
   */
  public InputProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    message = printable(message);
  }

  /** The most characters a message keeps; an echoed huge cell is cut in its middle. */
  public static final int MAX_MESSAGE = 2_000;

  /**
   * {@code text} fit to print on one line: control characters escaped ({@link #escapeControls}) and, beyond
   * {@value #MAX_MESSAGE} characters, its middle replaced by {@code …(N characters left out)…}, so that a
   * megabyte-long cell echoed in a message stays readable.
   *
   * @param text the text
   * @return the printable text
   */
  public static String printable(String text) {
    String s = text;
    if (s.length() > MAX_MESSAGE) {
      int head = MAX_MESSAGE - 200;
      s = s.substring(0, head) + "…(" + (s.length() - head - 150) + " characters left out)…"
          + s.substring(s.length() - 150);
    }
    return escapeControls(s);
  }

  /**
   * {@code text} with every control character (C0, DEL, C1, U+2028, U+2029) written as {@code \}{@code uXXXX};
   * other text as it is.
   *
   * @param text the text
   * @return the text with its control characters escaped
   */
  public static String escapeControls(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && !isControl(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder sb = new StringBuilder(n + 16).append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
  }

  /** {@code file:line:column: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
