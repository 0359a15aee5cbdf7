package org.openpec.access;

import java.util.Objects;

/**
 * Where an event or a listing row starts in its file: the file's name, the 1-based physical line and column,
 * and the 1-based index of the event among the file's events (or of the row among the listing's rows).
 * Immutable and thread-safe.
 *
 * @param file the file's name as given by the caller
 * @param line the 1-based physical line where the event starts
 * @param column the 1-based column where the event starts
 * @param index the 1-based number of the event in its file, counting every event read, malformed ones included
 */
public record SourcePosition(String file, long line, int column, long index) {

  /**
   * Validates the position.
   *
   * @param file the name to report problems under (e.g. the file name without folders)
   * @param line the 1-based line in the file, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param index the character index of the value in the file
   */
  public SourcePosition {
    Objects.requireNonNull(file, "file");
  }

  /**
   * {@return a problem at this position, with {@code message} as given}
   *
   * @param message what is wrong, a human sentence
   */
  public ImportProblem problem(String message) {
    return new ImportProblem(file, line, column, message);
  }

  /** Formats as {@code file:line}. */
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
