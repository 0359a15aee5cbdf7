package org.openpec.spark;

import java.io.Serializable;

/**
 * One evaluated record as it is kept between Spark stages: its {@code Line} and the cells of its credit row; or,
 * once per partition, a trailer carrying the partition's partial statement (Java-serialized pec-core
 * {@link org.openpec.CreditStatement}) and its count of rejected records, so that one evaluation feeds both the rows
 * and the statement. A Java bean, for {@code Encoders.bean}; mutable, not thread-safe; internal to the module.
 */
public final class Evaluated implements Serializable {

  private static final long serialVersionUID = 1L;
  private long line;
  private String[] cells;
  private byte[] statement;
  private long rejected;

  /** An empty record (for the encoder). */
  public Evaluated() {}

  /** The record's month-wide number, {@code pec credit}'s {@code Line}; 0 in a trailer. */
  public long getLine() {
    return line;
  }

  /** Sets {@link #getLine()}. */
  public void setLine(long line) {
    this.line = line;
  }

  /** The cells of the credit row, {@code Line} first, as {@code pec credit} writes them; null in a trailer. */
  public String[] getCells() {
    return cells;
  }

  /** Sets {@link #getCells()}. */
  public void setCells(String[] cells) {
    this.cells = cells;
  }

  /** The partition's statement, Java-serialized, in a trailer; null in a row. */
  public byte[] getStatement() {
    return statement;
  }

  /** Sets {@link #getStatement()}. */
  public void setStatement(byte[] statement) {
    this.statement = statement;
  }

  /** The partition's rejected records, in a trailer; 0 in a row. */
  public long getRejected() {
    return rejected;
  }

  /** Sets {@link #getRejected()}. */
  public void setRejected(long rejected) {
    this.rejected = rejected;
  }
}
