package org.openpec.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openpec.model.UsageLine;

/**
 * One record of a usage file: either a readable {@link UsageLine} or the {@link InputProblem} that rejects it,
 * with its raw fields.
 *
 * <p>Immutable once read: the raw bytes are never modified; a field's text is decoded when asked for.
 */
public final class UsageRecord {

  private final long recordNumber;
  private final long physicalLine;
  private final List<String> fields;
  private final byte[] data;
  private final int start;
  private final int end;
  private final char delimiter;
  private final UsageColumns columns;
  private final UsageLine line;
  private final InputProblem problem;

  /** A record whose raw fields are given as texts (a source other than CSV). */
  UsageRecord(long recordNumber, long physicalLine, List<String> fields, UsageColumns columns, UsageLine line,
      InputProblem problem) {
    this(recordNumber, physicalLine, fields, null, 0, 0, ',', columns, line, problem);
  }

  /** A record of a CSV file: its raw fields are {@code data[start, end)}, decoded when asked for. */
  UsageRecord(long recordNumber, long physicalLine, byte[] data, int start, int end, char delimiter,
      UsageColumns columns, UsageLine line, InputProblem problem) {
    this(recordNumber, physicalLine, null, data, start, end, delimiter, columns, line, problem);
  }

  private UsageRecord(long recordNumber, long physicalLine, List<String> fields, byte[] data, int start, int end,
      char delimiter, UsageColumns columns, UsageLine line, InputProblem problem) {
    this.recordNumber = recordNumber;
    this.physicalLine = physicalLine;
    this.fields = fields;
    this.data = data;
    this.start = start;
    this.end = end;
    this.delimiter = delimiter;
    this.columns = columns;
    this.line = line;
    this.problem = problem;
    if ((line == null) == (problem == null)) {
      throw new IllegalArgumentException("a record is either a line or a problem");
    }
  }

  /** The same record under another number (several files read as one number their records in a row). */
  UsageRecord withRecordNumber(long number) {
    return number == recordNumber ? this
        : new UsageRecord(number, physicalLine, fields, data, start, end, delimiter, columns, line, problem);
  }

  /** {@return the record's number: 1 for the first record after the header; empty lines are not records} */
  public long recordNumber() {
    return recordNumber;
  }

  /** {@return the physical line (1-based, header = 1) where the record starts} */
  public long physicalLine() {
    return physicalLine;
  }

  /** {@return the usage line, when the record could be read and validated} */
  public Optional<UsageLine> line() {
    return Optional.ofNullable(line);
  }

  /** {@return why the record was rejected, when it was} */
  public Optional<InputProblem> problem() {
    return Optional.ofNullable(problem);
  }

  /** {@return whether the record was rejected} */
  public boolean isRejected() {
    return problem != null;
  }

  /**
   * The raw text of a column as written (not trimmed), or empty text when the file has no such column or the
   * record is too short to hold it. Column names compare ignoring case.
   *
   * @param column the column name, as in the header
   * @return the field as read; empty text when the column is absent
   */
  public String field(String column) {
    int i = columns.index(Objects.requireNonNull(column, "column"));
    if (i < 0) {
      return "";
    }
    if (fields != null) {
      return i < fields.size() ? fields.get(i) : "";
    }
    return new CsvFields(delimiter).parse(data, start, end).text(i);
  }

  /**
   * {@return whether the file has the column (whatever this record holds)}
   *
   * @param column the column name, as in the header
   */
  public boolean hasColumn(String column) {
    return columns.index(column) >= 0;
  }

  @Override
  public String toString() {
    return "UsageRecord#" + recordNumber + (problem != null ? " rejected: " + problem : " " + line);
  }
}
