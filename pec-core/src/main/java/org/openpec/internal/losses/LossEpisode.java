package org.openpec.internal.losses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import org.openpec.model.Scope;
import org.openpec.money.Currencies;
import org.openpec.rules.Reason;

/**
 * A loss episode: a maximal run of consecutive usage days on which one resource of one customer lost credit for
 * the same reason (rules §12, docs/cli.md {@code losses}).
 *
 * <p>The resource is the line's {@code ResourceURI}, or {@code /subscriptions/{EntitlementId}} when empty,
 * compared as a {@link Scope} (ignoring case); lines of another pricing or billing currency make another episode.
 * Money is exact: {@code listCost} and {@code creditLost} in {@code pricingCurrency}, {@code billingCreditLost} in
 * {@code billingCurrency}. When the lines of an episode disagree
 * on a descriptive value (the scope's spelling, the entitlement), the smallest in
 * {@link String#compareTo} order is shown, so that the episode does not depend on input order. Amounts compare
 * by value in {@link #ORDER}; {@code equals} of this record compares scale too. Immutable and thread-safe.
 *
 * @param customerId {@code CustomerId}
 * @param entitlementId {@code EntitlementId} (the Azure subscription) of the lines
 * @param scope the resource that lost credit
 * @param reason the reason every line of the episode lost credit for
 * @param firstDay the first usage day of the run
 * @param lastDay the last usage day of the run (inclusive)
 * @param lines the number of usage lines in the run
 * @param listCost Σ list cost, pricing currency (the repriced cost for repriced lines)
 * @param creditLost Σ {@code listCost × rate in force} over the lines, pricing currency
 * @param pricingCurrency the pricing currency of every line of the episode
 * @param billingCurrency the billing currency of every line of the episode
 * @param billingCreditLost Σ {@code FLOOR(listCost × FX, 2) − FLOOR(listCost × (1 − rate) × FX, 2)}, billing currency
 * @param startEvent what began the run, a human sentence (see {@link LossTracker})
 */
public record LossEpisode(String customerId, String entitlementId, Scope scope, Reason reason, LocalDate firstDay,
    LocalDate lastDay, long lines, BigDecimal listCost, BigDecimal creditLost, String pricingCurrency,
    String billingCurrency,
    BigDecimal billingCreditLost, String startEvent) {

  /**
   * The order of the {@code losses} output: credit lost descending (by value), then customer id, scope compared
   * as a scope ({@link Scope#ORDER}: segment by segment ignoring case, so two spellings of one resource are one
   * scope here), first day, reason code by name, billing currency, and last the scope as written (only so that
   * the order is total).
   */
  public static final Comparator<LossEpisode> ORDER = Comparator.comparing(LossEpisode::creditLost,
      Comparator.reverseOrder()).thenComparing(LossEpisode::customerId)
      .thenComparing(LossEpisode::scope, Scope.ORDER)
      .thenComparing(LossEpisode::firstDay).thenComparing(e -> e.reason().name())
      .thenComparing(LossEpisode::billingCurrency).thenComparing(LossEpisode::pricingCurrency)
      .thenComparing(e -> e.scope().path());

  /**
   * Validates the episode.
   *
   * @throws IllegalArgumentException if the last day is before the first or there is no line
   */
  public LossEpisode {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(entitlementId, "entitlementId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(listCost, "listCost");
    Objects.requireNonNull(creditLost, "creditLost");
    Objects.requireNonNull(pricingCurrency, "pricingCurrency");
    Objects.requireNonNull(billingCurrency, "billingCurrency");
    Objects.requireNonNull(billingCreditLost, "billingCreditLost");
    Objects.requireNonNull(startEvent, "startEvent");
    if (lastDay.isBefore(firstDay)) {
      throw new IllegalArgumentException("lastDay " + lastDay + " is before firstDay " + firstDay);
    }
    if (lines < 1) {
      throw new IllegalArgumentException("an episode has at least one line, was " + lines);
    }
  }

  /** The episode's pair of currencies: its list cost and credit lost are in the pricing one. */
  public Currencies currencies() {
    return new Currencies(pricingCurrency, billingCurrency);
  }

  /** {@code lastDay − firstDay + 1}: the number of usage days of the run. */
  public long days() {
    return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
  }
}
