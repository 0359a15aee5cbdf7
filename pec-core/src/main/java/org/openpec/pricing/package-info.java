/**
 * Repricing from the price list (rules §8 and §12): graduated tiers and the list cost of each usage line.
 *
 * <p>{@link org.openpec.pricing.Repricing} validates a {@link org.openpec.model.PriceList} for repricing (a
 * {@link org.openpec.pricing.PriceListConflictException} names the entries at fault), finds the
 * {@link org.openpec.pricing.PriceSchedule} of a line on its usage day, and computes list costs in two
 * streaming passes: a {@link org.openpec.pricing.Repricing.Planner} sees every readable line once and keeps only
 * the tier-relevant ones; the resulting {@link org.openpec.pricing.Repricing.Plan} answers each line's list cost
 * in the second pass. Amounts are exact; the display divisions of a repriced line are made by
 * {@code LineAmounts.ofListCost}, through {@code PecCalculator.evaluate(line, listCost)}.
 *
 * <pre>{@code
 * // Tiers 1–100 @ 1.00, 101–100000 @ 0.80, 100001+ @ 0.50 (spec, worked example 10)
 * Repricing repricing = Repricing.of(PriceList.of(tiers));
 * Repricing.Plan plan = repricing.plan(List.of(lineOf101Units));
 * plan.listCost(1, lineOf101Units);     // Optional[100.80]
 * }</pre>
 */
@PecStyle
package org.openpec.pricing;

import org.openpec.value.PecStyle;
