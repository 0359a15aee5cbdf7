package org.openpec.examples.cli;

import java.util.function.Function;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.io.InputException;
import org.openpec.internal.io.Repriced;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.io.UsageRun;
import org.openpec.pricing.PriceListConflictException;

/**
 * How the records of a run are evaluated: priced by their own unit price, or — under {@code --reprice} —
 * repriced from the price list by the library's {@link Repriced}, which first reads the whole usage file once to
 * accumulate the graduated tiers and keeps only the tiered lines' costs in memory.
 */
final class Evaluation {

  private Evaluation() {}

  /** The evaluation the inputs ask for; under repricing this reads the usage file once (the first pass). */
  static Function<UsageRecord, LineResult> of(Inputs in) {
    PecCalculator pec = in.calculator;
    if (in.repricing == null) {
      return UsageRun.byLine(pec::evaluate);
    }
    try (UsageReader first = in.openUsage()) {
      return Repriced.evaluator(pec, in.repricing, first);
    } catch (PriceListConflictException e) {
      // a price in another currency than the usage: the input is unusable (exit 1), before any row is written
      throw new InputException(e.getMessage(), e);
    }
  }
}
