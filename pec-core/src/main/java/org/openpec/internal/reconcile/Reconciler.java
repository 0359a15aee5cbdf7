package org.openpec.internal.reconcile;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.openpec.LineResult;

/**
 * Compares openpec's expectation for a usage line with the PEC columns Microsoft reported for it (rules §10,
 * rules §12) and classifies the line.
 *
 * <p>The checks, in order; the first that applies is the kind:
 * <ol>
 *   <li>{@code REJECTED}: the record could not be read ({@link #unreadable}), or a reported value is absent,
 *       empty or not a number;</li>
 *   <li>{@code CREDIT_MISSING}: expected percentage &gt; 0, reported 0;</li>
 *   <li>{@code CREDIT_UNEXPECTED}: expected 0, reported &gt; 0;</li>
 *   <li>{@code RATE_MISMATCH}: the percentages differ by value otherwise ({@code 12.0} equals {@code 12});</li>
 *   <li>{@code PRICE_MISMATCH}: {@code |reported − expected EffectiveUnitPrice| ≥ unit + priceTolerance}, where
 *       {@code unit = 10^−scale} of the reported value as written ({@code 0.4250 → 0.0001}); skipped when
 *       openpec has no expected price (a repriced line of quantity 0);</li>
 *   <li>{@code TOTAL_MISMATCH}: {@code |reported − expected BillingPreTaxTotal| > totalTolerance};</li>
 *   <li>{@code MATCH} otherwise.</li>
 * </ol>
 *
 * <p><b>How the price tolerance combines.</b> A reported price written with {@code s} decimals stands for some
 * value less than one unit ({@code 10^−s}) away from it, whatever rounding mode Microsoft used. The line matches
 * when some such value lies within {@code priceTolerance} of openpec's price, that is when
 * {@code |reported − expected| < unit + priceTolerance}; the two allowances add. With the default tolerance 0
 * this is the spec's rounding-mode-agnostic test alone. The total tolerance is a plain allowance: totals differ
 * when their difference exceeds it (default 0: any difference).
 *
 * <p>Every kind but {@code REJECTED} carries {@code AmountAtStake = reported − expected BillingPreTaxTotal} in
 * the line's billing currency. Immutable and thread-safe.
 *
 * <pre>{@code
 * Reconciler exact = Reconciler.exact();
 * ReconciledLine row = exact.reconcile(7, pec.evaluate(line), Reported.of("0", "0.50", "12.00"));
 * row.kind();           // CREDIT_MISSING (openpec expects 15 %)
 * row.amountAtStake();  // Optional[1.80]
 * }</pre>
 */
public final class Reconciler {

  private static final Reconciler EXACT = new Reconciler(BigDecimal.ZERO, BigDecimal.ZERO);

  private final BigDecimal priceTolerance;
  private final BigDecimal totalTolerance;

  private Reconciler(BigDecimal priceTolerance, BigDecimal totalTolerance) {
    this.priceTolerance = priceTolerance;
    this.totalTolerance = totalTolerance;
  }

  /** A reconciler with both tolerances zero (the default). */
  public static Reconciler exact() {
    return EXACT;
  }

  /**
   * A reconciler with the given tolerances.
   *
   * @param priceTolerance added to one unit of the reported price's last decimal place, pricing currency per unit
   * @param totalTolerance the largest difference of billing totals still tolerated, billing currency
   * @throws IllegalArgumentException if a tolerance is negative
   */
  public static Reconciler of(BigDecimal priceTolerance, BigDecimal totalTolerance) {
    return new Reconciler(nonNegative(priceTolerance, "priceTolerance"), nonNegative(totalTolerance, "totalTolerance"));
  }

  /** A copy with another price tolerance; {@link #of} states the bounds. */
  public Reconciler withPriceTolerance(BigDecimal tolerance) {
    return of(tolerance, totalTolerance);
  }

  /** A copy with another total tolerance; {@link #of} states the bounds. */
  public Reconciler withTotalTolerance(BigDecimal tolerance) {
    return of(priceTolerance, tolerance);
  }

  private static BigDecimal nonNegative(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value.toPlainString());
    }
    return value;
  }

  /** The price tolerance, pricing currency per unit (added to the unit of the last decimal place). */
  public BigDecimal priceTolerance() {
    return priceTolerance;
  }

  /** The total tolerance, billing currency. */
  public BigDecimal totalTolerance() {
    return totalTolerance;
  }

  /**
   * Reconciles one readable record.
   *
   * @param recordNumber the record's number in the usage file (1 for the first record), at least 0
   * @param expected openpec's result for the line
   * @param reported the PEC columns of the same record, as written
   * @throws IllegalArgumentException if {@code recordNumber} is negative
   */
  public ReconciledLine reconcile(long recordNumber, LineResult expected, Reported reported) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(reported, "reported");
    String customer = expected.line().customerId();
    Optional<LineResult> exp = Optional.of(expected);
    Optional<BigDecimal> pct = reported.percentageValue();
    Optional<BigDecimal> eup = reported.effectiveUnitPriceValue();
    Optional<BigDecimal> total = reported.billingPreTaxTotalValue();
    if (pct.isEmpty() || eup.isEmpty() || total.isEmpty()) {
      return new ReconciledLine(recordNumber, ReconciliationKind.REJECTED, customer, exp, reported, Optional.empty(),
          reported.problems());
    }
    BigDecimal expectedPct = ReconciledLine.expectedPercentageOf(expected);
    BigDecimal expectedEup = expected.amounts().effectiveUnitPrice();
    BigDecimal expectedTotal = expected.amounts().billingPreTaxTotal();
    BigDecimal reportedPct = pct.get();
    BigDecimal stake = total.get().subtract(expectedTotal);
    ReconciliationKind kind;
    String detail;
    if (expectedPct.compareTo(reportedPct) != 0) {
      String says = "openpec expects " + expectedPct.toPlainString() + " % (" + expected.reason() + ": "
          + expected.verdict().detail() + "); Microsoft reported " + reportedPct.toPlainString() + " %";
      if (expectedPct.signum() > 0 && reportedPct.signum() == 0) {
        kind = ReconciliationKind.CREDIT_MISSING;
        detail = says;
      } else if (expectedPct.signum() == 0 && reportedPct.signum() > 0) {
        kind = ReconciliationKind.CREDIT_UNEXPECTED;
        detail = says + " — openpec's access data may be incomplete";
      } else {
        kind = ReconciliationKind.RATE_MISMATCH;
        detail = says;
      }
    } else if (expectedEup != null && isPriceMismatch(eup.get(), expectedEup)) {
      kind = ReconciliationKind.PRICE_MISMATCH;
      detail = "EffectiveUnitPrice reported " + eup.get().toPlainString() + ", expected " + expectedEup.toPlainString()
          + ": they differ by " + eup.get().subtract(expectedEup).abs().toPlainString() + ", at least "
          + priceThreshold(eup.get()).toPlainString();
    } else if (stake.abs().compareTo(totalTolerance) > 0) {
      kind = ReconciliationKind.TOTAL_MISMATCH;
      detail = "BillingPreTaxTotal reported " + total.get().toPlainString() + ", expected "
          + expectedTotal.toPlainString() + (totalTolerance.signum() == 0 ? ""
              : ": they differ by more than " + totalTolerance.toPlainString());
    } else {
      kind = ReconciliationKind.MATCH;
      detail = "the reported percentage, price and total agree with openpec's";
    }
    return new ReconciledLine(recordNumber, kind, customer, exp, reported, Optional.of(stake), detail);
  }

  /**
   * The row of a record that could not be read (rules §9): kind and reason {@code REJECTED}, no expectation, no
   * amount at stake.
   *
   * @param recordNumber the record's number in the usage file
   * @param customerId the raw {@code CustomerId} text, for the per-customer summary (empty text if unknown)
   * @param reported whatever reported columns could be read as text ({@link Reported#absent()} if none)
   * @param problem why the record could not be read, e.g. {@code usage.csv:42:35: quantity must be a number}
   * @throws IllegalArgumentException if {@code recordNumber} is negative
   */
  public ReconciledLine unreadable(long recordNumber, String customerId, Reported reported, String problem) {
    return new ReconciledLine(recordNumber, ReconciliationKind.REJECTED, Objects.requireNonNull(customerId,
        "customerId").trim(), Optional.empty(), Objects.requireNonNull(reported, "reported"), Optional.empty(),
        Objects.requireNonNull(problem, "problem"));
  }

  private boolean isPriceMismatch(BigDecimal reported, BigDecimal expected) {
    return reported.subtract(expected).abs().compareTo(priceThreshold(reported)) >= 0;
  }

  /** {@code 10^−scale(reported) + priceTolerance}: the smallest difference that is a mismatch. */
  private BigDecimal priceThreshold(BigDecimal reported) {
    return BigDecimal.ONE.scaleByPowerOfTen(-reported.scale()).add(priceTolerance);
  }

  @Override
  public String toString() {
    return "Reconciler{priceTolerance=" + priceTolerance.toPlainString() + ", totalTolerance="
        + totalTolerance.toPlainString() + "}";
  }
}
