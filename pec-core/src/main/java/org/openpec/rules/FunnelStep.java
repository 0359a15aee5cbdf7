package org.openpec.rules;

import java.util.List;
import java.util.Objects;
import org.openpec.model.AccessGrant;

/**
 * One step of the access funnel (rules §9): what it kept and the code it gives when it keeps nothing.
 *
 * @param name what the step keeps, e.g. {@code "active assignments"}
 * @param reasonWhenEmpty the reason code when no grant is left
 * @param kept the grants left after the step, in input order
 */
public record FunnelStep(String name, Reason reasonWhenEmpty, List<AccessGrant> kept) {
  /**
   * Validates and freezes the step.
   *
   * @param name what the step keeps, a human phrase
   * @param reasonWhenEmpty the reason when no grant is kept
   * @param kept the grants kept by the step
   */
  public FunnelStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reasonWhenEmpty, "reasonWhenEmpty");
    kept = List.copyOf(kept);
  }
}
