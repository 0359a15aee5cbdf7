package org.openpec.rules;

import java.util.List;
import java.util.Objects;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;

/**
 * The evidence of the access funnel for one line: the grants left after each step and how the survivors
 * cover the usage day.
 *
 * @param day the usage day {@code [D 00:00Z, D+1 00:00Z)}
 * @param steps the steps taken, in order; the last one is the first that kept nothing, if any did
 * @param covered the part of the day held by the grants that passed every step (empty when a step failed)
 * @param uncovered the part of the day not held ({@code day − covered})
 */
public record AccessEvidence(Interval day, List<FunnelStep> steps, Timeline covered, Timeline uncovered) {
  /**
   * Validates and freezes the evidence.
   *
   * @param day the UTC usage day
   * @param steps the steps, in order
   * @param covered the part of the day the grants cover
   * @param uncovered the part of the day no grant covers
   */
  public AccessEvidence {
    Objects.requireNonNull(day, "day");
    steps = List.copyOf(steps);
    Objects.requireNonNull(covered, "covered");
    Objects.requireNonNull(uncovered, "uncovered");
  }

  /** {@return the grants that passed every step (empty when a step kept nothing)} */
  public List<org.openpec.model.AccessGrant> survivors() {
    return steps.isEmpty() ? List.of() : steps.get(steps.size() - 1).kept();
  }
}
