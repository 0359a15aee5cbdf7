package org.openpec.rules;

import java.util.Objects;

/**
 * The short answer of a rule for one line: whether it holds, the primary reason and a one-line detail.
 *
 * <p>{@link EligibilityRule#decide} returns a decision; {@link EligibilityRule#explain} returns the full
 * {@link Verdict} tree, whose {@link Verdict#decision()} is always equal to the decision of the same rule on
 * the same facts. A decision also says whether its detail came from the access funnel's evidence, which is how a
 * composition that holds picks the sentence it reports. Immutable and thread-safe.
 */
public final class Decision {

  private final boolean eligible;
  private final Reason reason;
  private final String detail;
  private final boolean fromAccess;

  Decision(boolean eligible, Reason reason, String detail, boolean fromAccess) {
    this.eligible = eligible;
    this.reason = reason;
    this.detail = detail;
    this.fromAccess = fromAccess;
  }

  /**
   * {@return a decision that holds, with its detail}
   *
   * @param detail the human explanation
   */
  public static Decision pass(String detail) {
    return new Decision(true, Reason.ELIGIBLE, Objects.requireNonNull(detail, "detail"), false);
  }

  /**
   * {@return a decision that fails}
   *
   * @param reason the reason code
   * @param detail the human explanation
   * @throws IllegalArgumentException if {@code reason} is {@link Reason#ELIGIBLE}
   */
  public static Decision fail(Reason reason, String detail) {
    if (Objects.requireNonNull(reason, "reason") == Reason.ELIGIBLE) {
      throw new IllegalArgumentException("a failing decision needs a reason other than ELIGIBLE");
    }
    return new Decision(false, reason, Objects.requireNonNull(detail, "detail"), false);
  }

  /** {@return whether the rule holds} */
  public boolean isEligible() {
    return eligible;
  }

  /** {@return {@link Reason#ELIGIBLE}, or the reason of the first failing rule} */
  public Reason reason() {
    return reason;
  }

  /** {@return a short human sentence: why the rule holds or fails} */
  public String detail() {
    return detail;
  }

  /** Whether the detail is the access funnel's (a composition that holds reports the last such detail). */
  boolean fromAccess() {
    return fromAccess;
  }

  /** Equal eligibility, reason and detail. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Decision d && eligible == d.eligible && reason == d.reason && detail.equals(d.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(eligible, reason, detail);
  }

  @Override
  public String toString() {
    return reason + (detail.isEmpty() ? "" : ": " + detail);
  }
}
