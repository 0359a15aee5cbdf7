package org.openpec.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openpec.model.UsageLine;

/**
 * One record of a usage file: either a readable {@link UsageLine} or the {@link InputProblem} that rejects it,
 * with its raw fields.
 *
 * <p>Immutable once read: the raw fields are never modified.
 */
public final class UsageRecord {

  private final long recordNumber;
  private final long physicalLine;
  private final List<String> fields;
  private final UsageColumns columns;
  private final UsageLine line;
  private final InputProblem problem;

  UsageRecord(long recordNumber, long physicalLine, List<String> fields, UsageColumns columns, UsageLine line,
      InputProblem problem) {
    this.recordNumber = recordNumber;
    this.physicalLine = physicalLine;
    this.fields = fields;
    this.columns = columns;
    this.line = line;
    this.problem = problem;
    if ((line == null) == (problem == null)) {
      throw new IllegalArgumentException("a record is either a line or a problem");
    }
  }

  /** The same record under another number (several files read as one number their records in a row). */
  UsageRecord withRecordNumber(long number) {
    return number == recordNumber ? this : new UsageRecord(number, physicalLine, fields, columns, line, problem);
  }

  /** The record's number: 1 for the first record after the header; empty lines are not records. */
  public long recordNumber() {
    return recordNumber;
  }

  /** The physical line (1-based, header = 1) where the record starts. */
  public long physicalLine() {
    return physicalLine;
  }

  /** The usage line, when the record could be read and validated. */
  public Optional<UsageLine> line() {
    return Optional.ofNullable(line);
  }

  /** Why the record was rejected, when it was. */
  public Optional<InputProblem> problem() {
    return Optional.ofNullable(problem);
  }

  /** Whether the record was rejected. */
  public boolean isRejected() {
    return problem != null;
  }

  /**
   * The raw text of a column as written (not trimmed), or empty text when the file has no such column or the
   * record is too short to hold it. Column names compare ignoring case.
   */
  public String field(String column) {
    int i = columns.index(Objects.requireNonNull(column, "column"));
    return i >= 0 && i < fields.size() ? fields.get(i) : "";
  }

  /** Whether the file has the column (whatever this record holds). */
  public boolean hasColumn(String column) {
    return columns.index(column) >= 0;
  }

  @Override
  public String toString() {
    return "UsageRecord#" + recordNumber + (problem != null ? " rejected: " + problem : " " + line);
  }
}
