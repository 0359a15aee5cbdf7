package org.openpec.rules;

import java.util.List;
import java.util.Objects;

/**
 * A rule that a usage line must satisfy to earn PEC: a predicate over {@link LineFacts} that says why.
 *
 * <p>A rule answers two questions about the same facts. {@link #decide} is the cheap one the calculator asks of
 * every line: it stops at the first failing part and gives the reason and a one-line detail.
 * {@link #explain} builds the whole {@link Verdict} tree, with every part's result and the access evidence, for
 * the lines someone wants explained. The two always agree: {@code decide(f)} equals
 * {@code explain(f).decision()}. A rule written as a lambda implements {@code explain}; its {@code decide} is
 * derived from it.
 *
 * <p>Rules compose: {@link Rules#allOf}, {@link Rules#anyOf}, {@link Rules#not} (and {@link #and}, {@link #or},
 * {@link #negate(Reason)}). The standard rule is {@link Rules#standard()}. Implementations must be immutable
 * and thread-safe.
 */
@FunctionalInterface
public interface EligibilityRule {

  /**
   * {@return the full verdict for one line: whether the rule holds, every part's result and the evidence} Never null.
   *
   * @param facts the facts of the line
   */
  Verdict explain(LineFacts facts);

  /**
   * The short answer for one line: the reason and detail of {@link #explain}, found without building the tree
   * where the rule can. Never null.
   *
   * @param facts the facts of the line
   * @return the verdict's decision
   */
  default Decision decide(LineFacts facts) {
    return explain(facts).decision();
  }

  /** {@return the rule as a sentence, e.g. {@code "the product is in the consumption price list"}} */
  default String description() {
    return toString();
  }

  /**
   * Holds when both rules hold: {@code Rules.allOf(List.of(this, other))}.
   *
   * @param other the other rule
   * @return the rule that passes when both pass
   */
  default EligibilityRule and(EligibilityRule other) {
    return Rules.allOf(List.of(this, Objects.requireNonNull(other, "other")));
  }

  /**
   * Holds when either rule holds: {@code Rules.anyOf(List.of(this, other))}.
   *
   * @param other the other rule
   * @return the rule that passes when either passes
   */
  default EligibilityRule or(EligibilityRule other) {
    return Rules.anyOf(List.of(this, Objects.requireNonNull(other, "other")));
  }

  /**
   * Holds when this rule does not.
   *
   * @param reason the reason given when this rule holds (so its negation fails)
   * @return the rule that passes when this one fails
   */
  default EligibilityRule negate(Reason reason) {
    return Rules.not(this, reason);
  }
}
