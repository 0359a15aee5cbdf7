package org.openpec.io;

import org.openpec.internal.text.DecimalText;

/**
 * Recognises a usage CSV read with the wrong delimiter or decimal separator, so that the message says which
 * option reads it (instead of "required column CustomerId is missing").
 */
final class DialectHint {

  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  private DialectHint() {}

  /**
   * The hint for a header that lacks {@code CustomerId} under {@code dialect} but has it once split by another
   * delimiter; null when no other delimiter explains it.
   */
  static String of(String[] header, CsvDialect dialect) {
    String line = String.join(String.valueOf(dialect.delimiter()), header);
    for (char d : DELIMITERS) {
      if (d == dialect.delimiter()) {
        continue;
      }
      for (String cell : line.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1)) {
        if (CsvTable.normalise(unquote(cell)).equals("customerid")) {
          String name = d == '\t' ? "tab" : "'" + d + "'";
          String option = d == '\t' ? "--delimiter TAB" : "--delimiter '" + d + "'";
          return "the header is separated by " + name + ", not " + dialect.delimiterName() + ": read it with "
              + option + (d == ';' ? " (and --decimal-comma when its numbers are written like 0,85, as Excel "
              + "writes them in de-DE or fr-FR)" : "");
        }
      }
    }
    return null;
  }

  private static String unquote(String cell) {
    String t = cell.trim();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
  }

  /**
   * A hint to append to the message of a number field that the other decimal separator would read, or "". A comma
   * in a comma-separated file gets none: a decimal comma needs another delimiter.
   */
  static String ofNumber(String value, CsvDialect dialect) {
    if (!dialect.isDecimalComma() && dialect.delimiter() != ',' && value.indexOf(',') >= 0 && value.indexOf('.') < 0
        && DecimalText.isNumber(value.replace(',', '.'))) {
      return " (a decimal comma: read the file with --decimal-comma)";
    }
    if (dialect.isDecimalComma() && value.indexOf('.') >= 0 && DecimalText.isNumber(value)) {
      return " (a decimal point, but the file is read with --decimal-comma)";
    }
    return "";
  }
}
