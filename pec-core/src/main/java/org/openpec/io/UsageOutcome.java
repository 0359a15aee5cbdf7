package org.openpec.io;

import java.util.Objects;
import java.util.Optional;
import org.openpec.LineResult;

/**
 * The outcome of one usage record: its evaluation, or its rejection.
 *
 * @param record the record as read
 * @param result the evaluation; null when the record was rejected
 */
public record UsageOutcome(UsageRecord record, LineResult result) {

  /**
   * Validates the outcome: a result exactly when the record was readable.
   *
   * @param record the usage record
   * @param result the line's result
   */
  public UsageOutcome {
    Objects.requireNonNull(record, "record");
    if (record.isRejected() != (result == null)) {
      throw new IllegalArgumentException("a rejected record has no result, a readable one has one");
    }
  }

  /** {@return the evaluation, when the record was readable} */
  public Optional<LineResult> evaluation() {
    return Optional.ofNullable(result);
  }
}
