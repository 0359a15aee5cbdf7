package org.openpec.internal.losses;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openpec.rules.Reason;

/**
 * The loss episodes of a set of usage lines, most money first, with roll-ups per customer, per Azure
 * subscription and per reason.
 *
 * <p>Built by {@link LossTracker#toReport()}. Immutable and thread-safe.
 */
public final class LossReport {

  private final List<LossEpisode> episodes;
  private final LossTotals total;
  private final SortedMap<String, LossTotals> byCustomer;
  private final SortedMap<String, LossTotals> bySubscription;
  private final Map<Reason, LossTotals> byReason;

  private LossReport(List<LossEpisode> episodes) {
    this.episodes = episodes;
    LossTotals all = LossTotals.zero();
    TreeMap<String, LossTotals> customers = new TreeMap<>();
    TreeMap<String, LossTotals> subscriptions = new TreeMap<>();
    TreeMap<Reason, LossTotals> reasons = new TreeMap<>();
    for (LossEpisode e : episodes) {
      LossTotals t = LossTotals.of(e);
      all = all.plus(t);
      customers.merge(e.customerId(), t, LossTotals::plus);
      subscriptions.merge(e.entitlementId(), t, LossTotals::plus);
      reasons.merge(e.reason(), t, LossTotals::plus);
    }
    this.total = all;
    this.byCustomer = Collections.unmodifiableSortedMap(customers);
    this.bySubscription = Collections.unmodifiableSortedMap(subscriptions);
    this.byReason = Collections.unmodifiableMap(reasons);
  }

  /** A report of episodes, sorted here in {@link LossEpisode#ORDER}. */
  public static LossReport of(List<LossEpisode> episodes) {
    List<LossEpisode> sorted = new java.util.ArrayList<>(episodes);
    sorted.sort(LossEpisode.ORDER);
    return new LossReport(List.copyOf(sorted));
  }

  /** The episodes in {@link LossEpisode#ORDER}: credit lost descending, then customer, scope, first day, reason. */
  public List<LossEpisode> episodes() {
    return episodes;
  }

  /** The roll-up of every episode. */
  public LossTotals total() {
    return total;
  }

  /** Roll-ups per customer id, sorted. */
  public SortedMap<String, LossTotals> byCustomer() {
    return byCustomer;
  }

  /** Roll-ups per Azure subscription ({@code EntitlementId}), sorted. */
  public SortedMap<String, LossTotals> bySubscription() {
    return bySubscription;
  }

  /** Roll-ups per reason code, in code order. */
  public Map<Reason, LossTotals> byReason() {
    return byReason;
  }

  @Override
  public String toString() {
    return "LossReport{episodes=" + episodes.size() + ", creditLost=" + total.creditLost().toPlainString() + "}";
  }
}
