/**
 * Loss episodes (rules §12, docs/cli.md {@code losses}): when, where and why credit was lost, merged into runs of
 * consecutive usage days, each with the event that began it.
 *
 * <p>{@link org.openpec.internal.losses.LossTracker} gathers the {@link org.openpec.LineResult}s that lost credit, in any
 * order, and builds a {@link org.openpec.internal.losses.LossReport}: the {@link org.openpec.internal.losses.LossEpisode}s sorted by
 * credit lost, with {@link org.openpec.internal.losses.LossTotals} roll-ups per customer, Azure subscription and reason.
 * The episodes partition the lost lines: their credit lost sums to the credit lost of the statement.
 *
 * <pre>{@code
 * PecCalculator pec = PecCalculator.builder().addAllGrants(grants).build();
 * LossReport losses = pec.evaluate(lines.stream()).collect(LossTracker.collector(pec));
 * LossEpisode worst = losses.episodes().get(0);
 * worst.reason();       // NO_ACCESS
 * worst.firstDay();     // 2026-03-11
 * worst.startEvent();   // grant G17 (Owner, AOBO, /subscriptions/S) revoked 2026-03-10T14:30:00Z
 * }</pre>
 */
@PecStyle
package org.openpec.internal.losses;

import org.openpec.value.PecStyle;
