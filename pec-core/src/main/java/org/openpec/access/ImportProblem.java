package org.openpec.access;

import java.util.Objects;
import org.openpec.internal.text.Printable;

/**
 * Something in an Azure export that could not be used, with its position: a malformed event, a listing row
 * without an id, an assignment whose role no source names.
 *
 * <p>Importers collect problems and go on; they never drop an event silently. The four fields are those of
 * {@code org.openpec.io.InputProblem}, so a caller converts one into the other field by field. Immutable and
 * thread-safe.
 *
 * @param file the file's name as given by the caller (no folders are added or removed)
 * @param line the 1-based physical line where the offending event or row starts; 0 when no line applies
 * @param column the 1-based column where it starts; 0 when the whole file or event is at fault
 * @param message what is wrong, naming the field and the offending value, e.g. {@code event 3: eventTimestamp
 *     must be an ISO-8601 instant, was "yesterday"}
 */
public record ImportProblem(String file, long line, int column, String message) {

  /**
   * Validates the problem.
   *
   * @param file the name to report problems under (e.g. the file name without folders)
   * @param line the 1-based line in the file, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param message what is wrong, a human sentence
   */
  public ImportProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    message = Printable.of(message);
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative, were " + line + ", " + column);
    }
  }

  /** Formats as {@code file:line:column: message}, the form the {@code pec} command prints. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
