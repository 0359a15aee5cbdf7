package org.openpec.money;

/**
 * Amounts of different currencies were to be added. openpec never converts between currencies: totals are kept
 * per pair of pricing and billing currencies, and adding across pairs fails with this exception.
 */
public final class CurrencyMismatchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** The currencies of the first operand. */
  private final Currencies first;
  /** The currencies of the second operand. */
  private final Currencies second;

  /**
   * The two pairs of currencies that were to be added.
   *
   * @param first the currencies of the first operand
   * @param second the currencies of the second operand
   */
  public CurrencyMismatchException(Currencies first, Currencies second) {
    super("cannot add amounts in " + first + " to amounts in " + second);
    this.first = first;
    this.second = second;
  }

  /** {@return the currencies of the first operand} */
  public Currencies first() {
    return first;
  }

  /** {@return the currencies of the second operand} */
  public Currencies second() {
    return second;
  }
}
