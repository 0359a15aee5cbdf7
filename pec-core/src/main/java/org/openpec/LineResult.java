package org.openpec;

import java.math.BigDecimal;
import java.util.Objects;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.rules.Reason;
import org.openpec.rules.Verdict;

/**
 * The outcome of one usage line: its verdict and its money.
 *
 * <p>{@link #amounts()} applies the rate in force when the line is eligible and 0 otherwise;
 * {@link #rateInForce()} is the rate of the usage day whatever the verdict, so that the credit a line lost is
 * {@code listCost × rateInForce}. Immutable and thread-safe.
 *
 * @param line the usage line
 * @param verdict the rules' verdict
 * @param rateInForce the rate in force on the usage day, as a fraction
 * @param amounts the line's money (spec §8)
 * @param repriced whether the list cost came from the price list rather than the line's unit price
 */
public record LineResult(UsageLine line, Verdict verdict, BigDecimal rateInForce, LineAmounts amounts,
    boolean repriced) {

  /** Validates the result. */
  public LineResult {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(rateInForce, "rateInForce");
    Objects.requireNonNull(amounts, "amounts");
  }

  /** The primary reason: {@link Reason#ELIGIBLE} or the first failing rule's code. */
  public Reason reason() {
    return verdict.reason();
  }

  /** Whether the line earns credit. */
  public boolean isEligible() {
    return verdict.isEligible();
  }

  /**
   * The credit lost, pricing currency: {@code listCost × rateInForce} when the product is eligible but the line
   * is not, else zero.
   */
  public BigDecimal creditLost() {
    Reason r = reason();
    return r.isProductExclusion() || r == Reason.ELIGIBLE ? BigDecimal.ZERO : amounts.creditAt(rateInForce);
  }
}
