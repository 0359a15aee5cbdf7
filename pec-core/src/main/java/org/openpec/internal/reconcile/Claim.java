package org.openpec.internal.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import org.openpec.LineResult;
import org.openpec.model.UsageLine;
import org.openpec.rules.Reason;

/**
 * A line a partner should raise with Microsoft: the identity of the usage record and the figures of the
 * difference, without the verdict tree (so a summary can hold many).
 *
 * <p>Amounts compare by value. Immutable and thread-safe.
 *
 * @param recordNumber the record's number in the usage file
 * @param kind the line's reconciliation kind
 * @param reason openpec's reason code for the line
 * @param customerId {@code CustomerId}
 * @param entitlementId {@code EntitlementId} (the Azure subscription)
 * @param resourceUri {@code ResourceURI} as written; empty text when none
 * @param usageDate the usage day
 * @param meterId {@code MeterId}
 * @param expectedPercentage the percentage openpec expects
 * @param reportedPercentage the percentage Microsoft reported
 * @param expectedBillingPreTaxTotal the billing total openpec expects, billing currency
 * @param reportedBillingPreTaxTotal the billing total Microsoft reported, billing currency
 * @param amountAtStake reported − expected billing total, billing currency
 * @param billingCurrency the billing currency
 */
public record Claim(long recordNumber, ReconciliationKind kind, Reason reason, String customerId,
    String entitlementId, String resourceUri, LocalDate usageDate, String meterId, BigDecimal expectedPercentage,
    BigDecimal reportedPercentage, BigDecimal expectedBillingPreTaxTotal, BigDecimal reportedBillingPreTaxTotal,
    BigDecimal amountAtStake, String billingCurrency) {

  /** Claims in record-number order, then customer, usage day, meter and kind (a total order for one file). */
  public static final Comparator<Claim> ORDER = Comparator.comparingLong(Claim::recordNumber)
      .thenComparing(Claim::customerId).thenComparing(Claim::usageDate).thenComparing(Claim::meterId)
      .thenComparing(Claim::kind);

  /** Validates the claim. */
  public Claim {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(entitlementId, "entitlementId");
    Objects.requireNonNull(resourceUri, "resourceUri");
    Objects.requireNonNull(usageDate, "usageDate");
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(expectedPercentage, "expectedPercentage");
    Objects.requireNonNull(reportedPercentage, "reportedPercentage");
    Objects.requireNonNull(expectedBillingPreTaxTotal, "expectedBillingPreTaxTotal");
    Objects.requireNonNull(reportedBillingPreTaxTotal, "reportedBillingPreTaxTotal");
    Objects.requireNonNull(amountAtStake, "amountAtStake");
    Objects.requireNonNull(billingCurrency, "billingCurrency");
  }

  /**
   * The claim of a reconciled line.
   *
   * @throws IllegalArgumentException if the line is {@code REJECTED} (it has no figures to claim)
   */
  public static Claim from(ReconciledLine row) {
    if (row.kind() == ReconciliationKind.REJECTED) {
      throw new IllegalArgumentException("a REJECTED line cannot be claimed (record " + row.recordNumber() + ")");
    }
    LineResult r = row.expected().orElseThrow();
    UsageLine l = r.line();
    return new Claim(row.recordNumber(), row.kind(), r.reason(), l.customerId(), l.entitlementId(), l.resourceUri(),
        l.usageDate(), l.meterId(), row.expectedPercentage().orElseThrow(),
        row.reported().percentageValue().orElseThrow(), r.amounts().billingPreTaxTotal(),
        row.reported().billingPreTaxTotalValue().orElseThrow(), row.amountAtStake().orElseThrow(),
        l.billingCurrency());
  }
}
