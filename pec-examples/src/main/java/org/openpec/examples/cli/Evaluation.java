package org.openpec.examples.cli;

import java.util.function.Function;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.io.InputException;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.io.UsageRun;
import org.openpec.model.UsageLine;
import org.openpec.pricing.PriceListConflictException;
import org.openpec.pricing.Repricing;

/**
 * How the records of a run are evaluated: priced by their own unit price, or — under {@code --reprice} —
 * repriced from the price list, which first reads the whole usage file once to accumulate the graduated tiers
 * (spec §8, §12) and keeps only the tiered lines' costs in memory.
 */
final class Evaluation {

  private Evaluation() {}

  /** The evaluation the inputs ask for; under repricing this reads the usage file once (the first pass). */
  static Function<UsageRecord, LineResult> of(Inputs in) {
    PecCalculator pec = in.calculator;
    if (in.repricing == null) {
      return UsageRun.byLine(pec::evaluate);
    }
    Repricing.Planner planner = in.repricing.planner();
    try (UsageReader first = in.openUsage()) {
      while (first.hasNext()) {
        UsageRecord rec = first.next();
        rec.line().ifPresent(line -> planner.add(rec.recordNumber(), line));
      }
    } catch (PriceListConflictException e) {
      // a price in another currency than the usage: the input is unusable (exit 1), before any row is written
      throw new InputException(e.getMessage(), e);
    }
    Repricing.Plan plan = planner.plan();
    return rec -> {
      UsageLine line = rec.line().orElseThrow();
      return plan.listCost(rec.recordNumber(), line).map(cost -> pec.evaluate(line, cost))
          .orElseGet(() -> pec.evaluate(line));
    };
  }
}
