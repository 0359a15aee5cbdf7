/**
 * Reconciliation with Microsoft's files (rules §10, §12): compares openpec's expectation for each usage line
 * with the PEC columns Microsoft wrote into the daily rated usage file, and summarises the differences.
 *
 * <p>{@link org.openpec.internal.reconcile.Reconciler} classifies one record into a
 * {@link org.openpec.internal.reconcile.ReconciliationKind} with the amount at stake in billing currency
 * ({@link org.openpec.internal.reconcile.ReconciledLine}); {@link org.openpec.internal.reconcile.ReconciliationSummary} folds rows
 * into counts and money per kind and per customer, with the {@link org.openpec.internal.reconcile.Claim}s a partner
 * should raise. The reported columns arrive as raw text ({@link org.openpec.internal.reconcile.Reported}) because their
 * written scale matters to the price test and unusable text makes the line {@code REJECTED}.
 *
 * <pre>{@code
 * PecCalculator pec = PecCalculator.builder().addAllGrants(grants).build();
 * Reconciler reconciler = Reconciler.exact().withTotalTolerance(new BigDecimal("0.01"));
 * ReconciledLine row = reconciler.reconcile(1, pec.evaluate(line), Reported.of("0", "0.50", "12.00"));
 * row.kind();                  // CREDIT_MISSING: openpec expects 15 %
 * row.amountAtStake();         // Optional[1.80]: billed 1.80 more than expected
 * ReconciliationSummary s = rows.stream().collect(ReconciliationSummary.collector());
 * s.toRaise();                 // the claims, by record number
 * }</pre>
 */
@PecStyle
package org.openpec.internal.reconcile;

import org.openpec.value.PecStyle;
