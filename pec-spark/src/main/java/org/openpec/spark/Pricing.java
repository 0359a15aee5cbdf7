package org.openpec.spark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.UsageLine;
import org.openpec.pricing.Repricing;

/**
 * Evaluation on the executors: the repriced list costs of a partition's tier groups, and the result of one row.
 */
final class Pricing {

  private Pricing() {}

  /**
   * The result of a readable row, as {@code pec credit} computes it: by the line's own unit price, or by the
   * repriced list cost the row carries.
   */
  static LineResult evaluate(PecCalculator calculator, UsageRow row) {
    UsageLine line = UsageFiles.toLine(row);
    String cost = row.getListCost();
    return cost == null ? calculator.evaluate(line) : calculator.evaluate(line, new BigDecimal(cost));
  }

  /**
   * Fills the repriced list cost of the rows of a partition in which every (Azure plan, meter, month) group is
   * whole and contiguous (partitioned by {@link UsageRow#getTierKey()}, sorted within). Each group goes through
   * pec-core's own {@link Repricing.Planner}, which orders the group as the rules say (day, subscription, resource,
   * record number) and accumulates its tiers; only one group is held in memory at a time. Rejected rows pass.
   */
  static Iterator<UsageRow> repriceGroups(Repricing repricing, Iterator<UsageRow> sorted) {
    return new Iterator<>() {
      private final List<UsageRow> group = new ArrayList<>();
      private Iterator<UsageRow> ready = java.util.Collections.emptyIterator();
      private UsageRow lookahead;

      @Override
      public boolean hasNext() {
        if (ready.hasNext()) {
          return true;
        }
        group.clear();
        UsageRow first = lookahead != null ? lookahead : (sorted.hasNext() ? sorted.next() : null);
        lookahead = null;
        if (first == null) {
          return false;
        }
        group.add(first);
        if (first.getTierKey() != null) {
          while (sorted.hasNext()) {
            UsageRow r = sorted.next();
            if (!first.getTierKey().equals(r.getTierKey())) {
              lookahead = r;
              break;
            }
            group.add(r);
          }
          price(repricing, group);
        }
        ready = new ArrayList<>(group).iterator();
        return true;
      }

      @Override
      public UsageRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.next();
      }
    };
  }

  /** Prices one whole group of readable rows with a planner of its own, numbered by their month-wide line. */
  private static void price(Repricing repricing, List<UsageRow> group) {
    Repricing.Planner planner = repricing.planner();
    List<UsageLine> lines = new ArrayList<>(group.size());
    for (UsageRow r : group) {
      UsageLine line = UsageFiles.toLine(r);
      lines.add(line);
      planner.add(r.getLine(), line);
    }
    Repricing.Plan plan = planner.plan();
    for (int i = 0; i < group.size(); i++) {
      UsageRow r = group.get(i);
      r.setListCost(listCost(plan, r.getLine(), lines.get(i)));
    }
  }

  /** The repriced list cost of a line that needs no accumulation (no tiered schedule anywhere), or null. */
  static String listCostWithoutTiers(Repricing.Plan emptyPlan, UsageRow r) {
    return r.getTierKey() == null ? null : listCost(emptyPlan, r.getLine(), UsageFiles.toLine(r));
  }

  private static String listCost(Repricing.Plan plan, long number, UsageLine line) {
    Optional<BigDecimal> cost = plan.listCost(number, line);
    return cost.map(BigDecimal::toString).orElse(null);
  }
}
