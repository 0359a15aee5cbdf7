package org.openpec.io;

import java.util.Objects;
import org.openpec.internal.text.Printable;

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
    message = Printable.of(message);
  }

  /** {@code file:line:column: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
