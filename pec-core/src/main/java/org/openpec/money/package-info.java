/**
 * Exact money: the rate schedule, the amounts of one line, and totals that fold as a monoid.
 *
 * <p>Arithmetic is {@link java.math.BigDecimal} add, subtract and multiply, which never round; the bill's FLOOR
 * to cents and the display divisions live in {@link org.openpec.money.RoundingPolicy} alone. No {@code double}
 * comes near an amount.
 *
 * <pre>{@code
 * LineAmounts a = LineAmounts.of(new BigDecimal("0.50"), new BigDecimal("24"), BigDecimal.ONE,
 *     PecRate.standard().rateOn(LocalDate.parse("2026-03-05")));
 * a.credit();              // 1.8000 (= 0.50 × 24 × 0.15)
 * a.billingPreTaxTotal();  // 10.20
 * }</pre>
 */
package org.openpec.money;
