package org.openpec.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.util.LongAccumulator;
import org.openpec.CreditStatement;
import org.openpec.LineResult;
import org.openpec.PecCalculator;

/**
 * The statement of a month as a typed Spark {@link Aggregator}: each executor evaluates its rows with pec-core's
 * calculator and folds them into a {@link CreditStatement}; partial statements travel (Java-serialized) and merge
 * with {@link CreditStatement#merge}, which is associative and commutative, so the result is exact and the same for
 * any partitioning. Rejected records are counted, as in {@code pec credit}.
 *
 * <p>The buffer is a statement plus up to {@value #BATCH} pending results, folded a batch at a time through
 * pec-core's collector: adding lines one by one to an immutable statement would copy its maps per line.
 */
public final class StatementAggregator extends Aggregator<UsageRow, StatementAggregator.Buffer, CreditStatement> {

  private static final long serialVersionUID = 1L;

  /** Results folded into the buffer's statement at a time. */
  static final int BATCH = 2048;

  private final Broadcast<PecInputs> inputs;
  private final LongAccumulator evaluations;
  private transient PecCalculator calculator;

  /** An aggregator evaluating rows with the calculator of {@code inputs}. */
  public StatementAggregator(Broadcast<PecInputs> inputs) {
    this(inputs, null);
  }

  /** An aggregator evaluating rows with the calculator of {@code inputs}, each evaluation counted by {@code evaluations}. */
  public StatementAggregator(Broadcast<PecInputs> inputs, LongAccumulator evaluations) {
    this.inputs = inputs;
    this.evaluations = evaluations;
  }

  @Override
  public Buffer zero() {
    return new Buffer();
  }

  @Override
  public Buffer reduce(Buffer b, UsageRow row) {
    if (row.getRejected() != null) {
      b.rejected++;
      return b;
    }
    if (calculator == null) {
      calculator = inputs.value().evaluator().calculator;
    }
    b.add(Pricing.evaluate(calculator, row));
    if (evaluations != null) {
      evaluations.add(1);
    }
    return b;
  }

  @Override
  public Buffer merge(Buffer a, Buffer b) {
    a.flush();
    b.flush();
    a.statement = a.statement.merge(b.statement);
    a.rejected += b.rejected;
    return a;
  }

  @Override
  public CreditStatement finish(Buffer b) {
    b.flush();
    return b.statement.plusRejected(b.rejected);
  }

  @Override
  public Encoder<Buffer> bufferEncoder() {
    return Encoders.javaSerialization(Buffer.class);
  }

  @Override
  public Encoder<CreditStatement> outputEncoder() {
    return Encoders.javaSerialization(CreditStatement.class);
  }

  /** The aggregation buffer: a statement, the count of rejected records, and results not yet folded. */
  public static final class Buffer implements Serializable {
    private static final long serialVersionUID = 1L;

    CreditStatement statement = CreditStatement.empty();
    long rejected;
    private transient List<LineResult> pending = new ArrayList<>();

    /** An empty buffer. */
    public Buffer() {}

    void add(LineResult r) {
      pending.add(r);
      if (pending.size() >= BATCH) {
        flush();
      }
    }

    void flush() {
      if (!pending.isEmpty()) {
        statement = statement.merge(pending.stream().collect(CreditStatement.collector()));
        pending.clear();
      }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      flush();
      out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      pending = new ArrayList<>();
    }
  }
}
