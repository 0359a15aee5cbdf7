package org.openpec;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Supplier;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.rules.Reason;
import org.openpec.rules.Verdict;

/**
 * The outcome of one usage line: its reason, its money, and the verdict that explains them.
 *
 * <p>{@link #amounts()} applies the rate in force when the line is eligible and 0 otherwise;
 * {@link #rateInForce()} is the rate of the usage day whatever the verdict, so that the credit a line lost is
 * {@code listCost × rateInForce}. The calculator decides a line with {@code EligibilityRule.decide} and builds the
 * {@link #verdict()} tree with {@code explain} only on first request; the tree always agrees with
 * {@link #reason()} and {@link #detail()}.
 * Immutable and thread-safe.
 */
public final class LineResult {

  private final UsageLine line;
  private final Reason reason;
  private final String detail;
  private final BigDecimal rateInForce;
  private final LineAmounts amounts;
  private final boolean repriced;
  private final Supplier<Verdict> explain;
  private volatile Verdict verdict;

  private LineResult(UsageLine line, Reason reason, String detail, BigDecimal rateInForce, LineAmounts amounts,
      boolean repriced, Verdict verdict, Supplier<Verdict> explain) {
    this.line = Objects.requireNonNull(line, "line");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.rateInForce = Objects.requireNonNull(rateInForce, "rateInForce");
    this.amounts = Objects.requireNonNull(amounts, "amounts");
    this.repriced = repriced;
    this.verdict = verdict;
    this.explain = explain;
  }

  /**
   * {@return a result with its verdict}
   *
   * @param line the usage line
   * @param verdict the rules' verdict
   * @param rateInForce the rate in force on the usage day, as a fraction
   * @param amounts the line's money (rules §8)
   * @param repriced whether the list cost came from the price list rather than the line's unit price
   */
  public static LineResult of(UsageLine line, Verdict verdict, BigDecimal rateInForce, LineAmounts amounts,
      boolean repriced) {
    Objects.requireNonNull(verdict, "verdict");
    return new LineResult(line, verdict.reason(), verdict.detail(), rateInForce, amounts, repriced, verdict, null);
  }

  /** A result decided without its verdict tree, which {@code explain} builds on request. */
  static LineResult decided(UsageLine line, Reason reason, String detail, BigDecimal rateInForce, LineAmounts amounts,
      boolean repriced, Supplier<Verdict> explain) {
    return new LineResult(line, reason, detail, rateInForce, amounts, repriced, null,
        Objects.requireNonNull(explain, "explain"));
  }

  /** {@return the usage line} */
  public UsageLine line() {
    return line;
  }

  /** {@return the rules' verdict: eligible or not, every failed rule, and the evidence} */
  public Verdict verdict() {
    Verdict v = verdict;
    if (v == null) {
      v = explain.get();
      if (v.reason() != reason || !v.detail().equals(detail)) {
        throw new IllegalStateException("the verdict " + v + " disagrees with the decided " + reason + ": " + detail);
      }
      verdict = v;
    }
    return v;
  }

  /** {@return the primary reason: {@link Reason#ELIGIBLE} or the first failing rule's code} */
  public Reason reason() {
    return reason;
  }

  /** {@return the verdict's short human sentence (its evidence)} */
  public String detail() {
    return detail;
  }

  /** {@return whether the line earns credit} */
  public boolean isEligible() {
    return reason == Reason.ELIGIBLE;
  }

  /** {@return the rate in force on the usage day, as a fraction, whatever the verdict} */
  public BigDecimal rateInForce() {
    return rateInForce;
  }

  /** {@return the line's money (rules §8)} */
  public LineAmounts amounts() {
    return amounts;
  }

  /** {@return whether the list cost came from the price list rather than the line's unit price} */
  public boolean repriced() {
    return repriced;
  }

  /**
   * The credit lost, pricing currency: {@code listCost × rateInForce} when the product is eligible but the line
   * is not, else zero.
    *
    * @return the credit lost, pricing currency; zero when eligible
   */
  public BigDecimal creditLost() {
    return reason.isProductExclusion() || reason == Reason.ELIGIBLE ? BigDecimal.ZERO
        : amounts.creditAt(rateInForce);
  }

  /** Equal line, reason, detail, rate, amounts and pricing. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LineResult r && line.equals(r.line) && reason == r.reason && detail.equals(r.detail)
        && rateInForce.equals(r.rateInForce) && amounts.equals(r.amounts) && repriced == r.repriced;
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, reason, detail, rateInForce, amounts, repriced);
  }

  @Override
  public String toString() {
    return "LineResult{" + reason + ": " + detail + ", credit " + amounts.credit().toPlainString() + "}";
  }
}
