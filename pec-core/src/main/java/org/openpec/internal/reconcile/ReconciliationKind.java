package org.openpec.internal.reconcile;

/**
 * How openpec's expectation for a usage line compares with what Microsoft reported (rules §10).
 *
 * <p>Declared in the order the {@code reconcile} output lists them; they are checked {@link #REJECTED} first,
 * then {@link #CREDIT_MISSING}, {@link #CREDIT_UNEXPECTED}, {@link #RATE_MISMATCH}, {@link #PRICE_MISMATCH},
 * {@link #TOTAL_MISMATCH}, and {@link #MATCH} when none applies: the first that applies is the line's kind.
 */
public enum ReconciliationKind {
  /** The reported values agree with openpec's, within the tolerances. */
  MATCH,
  /** openpec expects a percentage above 0; Microsoft reported 0. */
  CREDIT_MISSING,
  /** openpec expects 0; Microsoft reported a percentage above 0 (openpec's access data is probably incomplete). */
  CREDIT_UNEXPECTED,
  /** The percentages differ otherwise (both above 0, or a negative percentage reported). */
  RATE_MISMATCH,
  /** The effective unit prices differ by one unit of the reported value's last decimal place or more. */
  PRICE_MISMATCH,
  /** The billing totals differ by more than the tolerance. */
  TOTAL_MISMATCH,
  /** The record could not be read, or a reported value is absent, empty or not a number. */
  REJECTED;

  /** Whether the kind says openpec and Microsoft disagree (neither {@link #MATCH} nor {@link #REJECTED}). */
  public boolean isDiscrepancy() {
    return this != MATCH && this != REJECTED;
  }
}
