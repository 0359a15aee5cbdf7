package org.openpec.rules;

import java.util.List;
import java.util.Objects;

/**
 * A rule that a usage line must satisfy to earn PEC: a predicate over {@link LineFacts} that says why.
 *
 * <p>Rules compose: {@link #and} and {@link #or} evaluate both sides so the audit trail is complete;
 * {@link #negate(Reason)} inverts a rule. The standard rule set is {@link Rules#standard()}. Implementations
 * must be stateless or immutable, and thread-safe.
 */
@FunctionalInterface
public interface EligibilityRule {

  /** Decides the rule for one line. Never returns null. */
  Verdict evaluate(LineFacts facts);

  /** The rule as a sentence, e.g. {@code "the product is in the consumption price list"}. */
  default String description() {
    return toString();
  }

  /** Holds when both rules hold; both are evaluated. */
  default EligibilityRule and(EligibilityRule other) {
    return Rules.allOf(List.of(this, Objects.requireNonNull(other, "other")));
  }

  /** Holds when either rule holds; both are evaluated. */
  default EligibilityRule or(EligibilityRule other) {
    return Rules.anyOf(List.of(this, Objects.requireNonNull(other, "other")));
  }

  /**
   * Holds when this rule does not.
   *
   * @param reason the reason given when this rule holds (so its negation fails)
   */
  default EligibilityRule negate(Reason reason) {
    return Rules.not(this, reason);
  }
}
