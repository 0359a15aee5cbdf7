package org.openpec.io;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.model.UsageLine;

/**
 * Runs an evaluation over every record of a usage file, in file order, handing each outcome to a sink and
 * folding the statement: the engine behind {@code pec credit}, {@code reconcile} and {@code losses}.
 *
 * <p>Every record yields exactly one outcome: evaluated or rejected. Memory stays flat: records are read,
 * evaluated and handed on one at a time.
 */
public final class UsageRun {

  private UsageRun() {}

  /**
   * Evaluates every record of {@code reader} in order.
   *
   * @param reader the usage records; read to the end, not closed
   * @param evaluator the evaluation of a readable record (e.g. {@code calculator::evaluate})
   * @param sink receives each outcome, in file order
   * @return the statement of the evaluated lines, with the rejected records counted
   */
  public static CreditStatement run(UsageReader reader, Function<UsageRecord, LineResult> evaluator,
      Consumer<UsageOutcome> sink) {
    Objects.requireNonNull(evaluator, "evaluator");
    Objects.requireNonNull(sink, "sink");
    StatementFold fold = new StatementFold();
    while (reader.hasNext()) {
      UsageRecord rec = reader.next();
      if (rec.isRejected()) {
        fold.rejected++;
        sink.accept(new UsageOutcome(rec, null));
      } else {
        LineResult r = evaluator.apply(rec);
        fold.add(r);
        sink.accept(new UsageOutcome(rec, r));
      }
    }
    return fold.result();
  }

  /** Evaluates each readable record's line with {@code evaluator}. */
  public static Function<UsageRecord, LineResult> byLine(Function<UsageLine, LineResult> evaluator) {
    return rec -> evaluator.apply(rec.line().orElseThrow());
  }

  /** A sequential fold into a statement. */
  private static final class StatementFold {
    private final java.util.List<LineResult> batch = new java.util.ArrayList<>(4096);
    private CreditStatement statement = CreditStatement.empty();
    long rejected;

    void add(LineResult r) {
      batch.add(r);
      if (batch.size() == 4096) {
        flush();
      }
    }

    private void flush() {
      statement = statement.merge(batch.stream().collect(CreditStatement.collector()));
      batch.clear();
    }

    CreditStatement result() {
      flush();
      return statement.plusRejected(rejected);
    }
  }
}
