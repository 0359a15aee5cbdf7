package org.openpec.examples.generate;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 cells and rows: a cell is quoted only when it holds a comma, a quote, CR or LF. */
final class Csv {

  /** The record separator of every generated file (RFC 4180). */
  static final String EOL = "\r\n";

  private Csv() {}

  /** The cell as written: quoted, with inner quotes doubled, only when needed. */
  static String cell(String value) {
    boolean quote = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        quote = true;
        break;
      }
    }
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  /** The cells joined by commas, each quoted when needed, without a line end. */
  static String join(String... cells) {
    StringBuilder sb = new StringBuilder(cells.length * 16);
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells[i]));
    }
    return sb.toString();
  }

  /** Writes one record: the cells joined by commas, then {@link #EOL}. */
  static void writeRow(Writer out, String... cells) throws IOException {
    out.write(join(cells));
    out.write(EOL);
  }
}
