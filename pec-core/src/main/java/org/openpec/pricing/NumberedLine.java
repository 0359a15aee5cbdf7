package org.openpec.pricing;

import java.util.Objects;
import org.openpec.model.UsageLine;

/**
 * A readable usage line with its record number in the usage file (1 for the first record after the header).
 *
 * <p>The record number is the last key of the order in which tiers accumulate (rules §12) and identifies the
 * line between the two passes of {@link Repricing}. Immutable and thread-safe.
 *
 * @param recordNumber the record's number in the usage file; unique within one run
 * @param line the line as read
 */
public record NumberedLine(long recordNumber, UsageLine line) {

  /**
   * Validates the pair.
   *
   * @param recordNumber the record's number in the usage file (1 for the first record)
   * @param line the usage line
   */
  public NumberedLine {
    Objects.requireNonNull(line, "line");
  }
}
