package org.openpec.internal.io;

import java.util.Objects;
import java.util.function.Function;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.io.UsageReader;
import org.openpec.io.UsageRecord;
import org.openpec.io.UsageRun;
import org.openpec.pricing.Repricing;

/**
 * Repricing a usage file from the price list's graduated tiers: one first pass over the file accumulates each
 * meter's quantities through its tiers, keeping only the tiered lines' costs in memory; the evaluator it returns
 * then prices each record of the second pass from that plan (records the plan does not price keep their own
 * unit price).
 *
 * <pre>{@code
 * Function<UsageRecord, LineResult> evaluate;
 * try (UsageReader first = UsageReader.open(usage)) {
 *   evaluate = Repriced.evaluator(pec, Repricing.of(prices), first);
 * }
 * try (UsageReader second = UsageReader.open(usage)) {
 *   CreditStatement s = UsageRun.run(second, evaluate, o -> o, o -> { }, UsageRun.defaultThreads());
 * }
 * }</pre>
 */
public final class Repriced {

  private Repriced() {}

  /**
   * Reads every record of {@code firstPass} into a repricing plan and returns the evaluator of the second pass;
   * the reader is read to its end, not closed.
   */
  public static Function<UsageRecord, LineResult> evaluator(PecCalculator pec, Repricing repricing,
      UsageReader firstPass) {
    Objects.requireNonNull(pec, "pec");
    Repricing.Planner planner = repricing.planner();
    while (firstPass.hasNext()) {
      UsageRecord rec = firstPass.next();
      rec.line().ifPresent(line -> planner.add(rec.recordNumber(), line));
    }
    Repricing.Plan plan = planner.plan();
    return rec -> pec.evaluate(rec.line().orElseThrow(), rec.recordNumber(), plan);
  }
}
