package org.openpec.io;

import org.openpec.internal.text.Printable;

/**
 * An input that cannot be used at all: unreadable, empty (no header), missing a required column, naming a column
 * twice, or holding conflicting duplicates (two rates for one day, a subscription with two chains, a principal
 * with two partners).
 *
 * <p>The message names the file as given and, where it applies, the column. A bad record or row is never an
 * {@code InputException}: it is an {@link InputProblem} and the run goes on.
 */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message naming the file; control characters of the message (from a hostile input) are
   * written as {@code \}{@code uXXXX}.
   *
   * @param message what is wrong, a human sentence
   */
  public InputException(String message) {
    super(Printable.of(message));
  }

  /**
   * An exception with a message naming the file, caused by {@code cause}; control characters escaped.
   *
   * @param message what is wrong, a human sentence
   * @param cause the underlying failure
   */
  public InputException(String message, Throwable cause) {
    super(Printable.of(message), cause);
  }
}
