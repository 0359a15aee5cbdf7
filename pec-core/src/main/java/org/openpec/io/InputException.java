package org.openpec.io;

/**
 * An input that cannot be used at all: unreadable, empty (no header), or missing a required column.
 *
 * <p>The message names the file as given and, where it applies, the column. A bad record or row is never an
 * {@code InputException}: it is an {@link InputProblem} and the run goes on.
 */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the file. */
  public InputException(String message) {
    super(message);
  }

  /** An exception with a message naming the file, caused by {@code cause}. */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
