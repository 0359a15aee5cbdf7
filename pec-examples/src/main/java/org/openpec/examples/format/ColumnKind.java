package org.openpec.examples.format;

/**
 * What a column of an output table holds, so that a spreadsheet format can write it as a number, a date or text.
 * A cell that does not read as its kind (the raw text of a rejected record, say) is written as text.
 */
public enum ColumnKind {
  /** Text, written as is. */
  TEXT,
  /** A whole number (line numbers, counts). */
  INTEGER,
  /** A decimal amount or rate; more than 15 significant digits are written as text to stay exact. */
  NUMBER,
  /**
   * A decimal amount that often has more than 15 significant digits (unit prices, unrounded costs): written as a
   * number, and when Excel's 15 significant digits do not hold it, also as exact text in a companion column
   * {@code <name>Exact} right after it.
   */
  EXACT_NUMBER,
  /** A day, {@code yyyy-MM-dd}. */
  DATE
}
