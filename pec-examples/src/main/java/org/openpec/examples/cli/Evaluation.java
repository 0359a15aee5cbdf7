package org.openpec.examples.cli;

import java.util.function.Function;
import org.openpec.LineResult;
import org.openpec.io.UsageRecord;
import org.openpec.io.UsageRun;
import picocli.CommandLine;

/** How the records of a run are evaluated: by their own unit price, or repriced from the price list. */
final class Evaluation {

  private Evaluation() {}

  /** The evaluation the options ask for. */
  static Function<UsageRecord, LineResult> of(Inputs in, CommandLine cl) {
    return UsageRun.byLine(in.calculator::evaluate);
  }
}
