package org.openpec.internal.text;

/**
 * Text fit to print on one line of a message: what every input problem and input error does to the text it
 * echoes, so that a cell holding line breaks, terminal escapes or a megabyte of data stays one readable line.
 */
public final class Printable {

  /** The most characters a message keeps; an echoed huge cell is cut in its middle. */
  public static final int MAX_MESSAGE = 2_000;

  private Printable() {}

  /**
   * {@code text} with its control characters escaped ({@link #escapeControls}) and, beyond {@value #MAX_MESSAGE}
   * characters, its middle replaced by {@code …(N characters left out)…}.
   *
   * @param text the text
   * @return the printable text
   */
  public static String of(String text) {
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
}
