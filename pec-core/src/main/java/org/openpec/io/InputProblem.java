package org.openpec.io;

import java.util.Objects;

/**
 * A problem with one record or row of an input file, located as {@code file:line:column}.
 *
 * @param file the file's name without folders
 * @param line the physical line where the record starts (1-based; the header is line 1 of a file without
 *     leading blank lines)
 * @param column the 1-based position of the offending field, or 0 when the whole record is at fault
 * @param message what is wrong, naming the field and the offending value
 */
public record InputProblem(String file, long line, int column, String message) {

  /** Validates the problem. */
  public InputProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
