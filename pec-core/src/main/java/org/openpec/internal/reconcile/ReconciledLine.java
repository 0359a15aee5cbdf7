package org.openpec.internal.reconcile;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.openpec.LineResult;
import org.openpec.money.PecRate;
import org.openpec.rules.Reason;

/**
 * One usage record reconciled: openpec's expectation, what Microsoft reported, the kind of difference and the
 * amount at stake (rules §10, §12).
 *
 * <p>{@link #expected()} is empty only for a record that could not be read; such a row has kind
 * {@link ReconciliationKind#REJECTED} and reason {@link Reason#REJECTED}. A readable record whose reported
 * values are unusable is {@code REJECTED} too, but keeps openpec's reason and expected values. The amount at
 * stake is present for every kind but {@code REJECTED}. Amounts compare by value; {@code equals} of this record
 * compares scale too. Immutable and thread-safe.
 *
 * @param recordNumber the record's number in the usage file (1 for the first record after the header)
 * @param kind the first kind of rules §10 that applies
 * @param customerId the line's customer, or the raw {@code CustomerId} text of an unreadable record (may be empty)
 * @param expected openpec's result for the line; empty when the record could not be read
 * @param reported the reported columns as written
 * @param amountAtStake reported − expected {@code BillingPreTaxTotal}, billing currency (positive: Microsoft billed
 *     more than openpec expects); empty for {@code REJECTED}
 * @param detail a short human sentence: why this kind
 */
public record ReconciledLine(long recordNumber, ReconciliationKind kind, String customerId,
    Optional<LineResult> expected, Reported reported, Optional<BigDecimal> amountAtStake, String detail) {

  /**
   * Validates the row.
   *
   * @throws IllegalArgumentException if the kind does not fit the presence of the expectation or the amount
   */
  public ReconciledLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(reported, "reported");
    Objects.requireNonNull(amountAtStake, "amountAtStake");
    Objects.requireNonNull(detail, "detail");
    if (recordNumber < 0) {
      throw new IllegalArgumentException("recordNumber must not be negative, was " + recordNumber);
    }
    if (expected.isEmpty() && kind != ReconciliationKind.REJECTED) {
      throw new IllegalArgumentException("a record without expectation must be REJECTED, was " + kind);
    }
    if (amountAtStake.isPresent() == (kind == ReconciliationKind.REJECTED)) {
      throw new IllegalArgumentException("amountAtStake is present exactly when the kind is not REJECTED, kind "
          + kind);
    }
  }

  /** openpec's reason code for the line; {@link Reason#REJECTED} when the record could not be read. */
  public Reason reason() {
    return expected.map(LineResult::reason).orElse(Reason.REJECTED);
  }

  /** The line's billing currency; empty text when the record could not be read. */
  public String billingCurrency() {
    return expected.map(r -> r.line().billingCurrency()).orElse("");
  }

  /**
   * The percentage openpec expects: the rate in force × 100 when the line is eligible, else 0 (no trailing
   * zeros: {@code 15}, {@code 17.5}, {@code 0}); empty when the record could not be read.
   */
  public Optional<BigDecimal> expectedPercentage() {
    return expected.map(ReconciledLine::expectedPercentageOf);
  }

  /**
   * The effective unit price openpec expects (rules §8), pricing currency per unit: exact, or for a repriced line
   * the displayed division (scale 16, HALF_EVEN); empty when the record could not be read or when a repriced
   * line has quantity 0.
   */
  public Optional<BigDecimal> expectedEffectiveUnitPrice() {
    return expected.map(r -> r.amounts().effectiveUnitPrice());
  }

  /** The {@code BillingPreTaxTotal} openpec expects, billing currency, FLOOR to cents; empty when unreadable. */
  public Optional<BigDecimal> expectedBillingPreTaxTotal() {
    return expected.map(r -> r.amounts().billingPreTaxTotal());
  }

  /** Whether a partner should raise this line with Microsoft; see {@link ReconciliationSummary#isToRaise}. */
  public boolean isToRaise() {
    return ReconciliationSummary.isToRaise(this);
  }

  /** The expected percentage of a result: {@code rateInForce × 100} when eligible, else 0. */
  static BigDecimal expectedPercentageOf(LineResult r) {
    return r.isEligible() ? PecRate.toPercentage(r.rateInForce()) : BigDecimal.ZERO;
  }
}
