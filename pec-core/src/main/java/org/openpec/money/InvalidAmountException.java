package org.openpec.money;

/**
 * Amounts that cannot describe real money were given to a factory or constructor: a rate outside 0 to 1, a
 * credit that is not list cost minus cost after PEC, a negative number of lines, a count that overflows.
 */
public final class InvalidAmountException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * The exception with its message, which names the amount and its value.
   *
   * @param message what is wrong, a human sentence
   */
  public InvalidAmountException(String message) {
    super(message);
  }
}
