package org.openpec.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule says of one line: whether it holds, the primary reason, every failed rule, and why.
 *
 * <p>A verdict is a tree: a composed rule's verdict holds its children's. {@link #reason()} is
 * {@link Reason#ELIGIBLE} when the rule holds, else the reason of the first failing rule in rule order;
 * {@link #failures()} lists the reason of every failing rule, in rule order. The explanation is built
 * from the same facts as the decision, so the two never disagree. Immutable and thread-safe.
 */
public final class Verdict {

  private final boolean eligible;
  private final Reason reason;
  private final String rule;
  private final String detail;
  private final List<Verdict> children;
  private final AccessEvidence evidence;
  private final boolean fromAccess;
  private Decision decision;

  private Verdict(boolean eligible, Reason reason, String rule, String detail, List<Verdict> children,
      AccessEvidence evidence, boolean fromAccess) {
    this.eligible = eligible;
    this.reason = reason;
    this.rule = rule;
    this.detail = detail;
    this.children = children;
    this.evidence = evidence;
    this.fromAccess = fromAccess;
  }

  /**
   * {@return a leaf verdict that holds}
   *
   * @param rule the rule's name, as its explanation shows it
   * @param detail the human explanation
   */
  public static Verdict pass(String rule, String detail) {
    return new Verdict(true, Reason.ELIGIBLE, Objects.requireNonNull(rule, "rule"),
        Objects.requireNonNull(detail, "detail"), List.of(), null, false);
  }

  /**
   * {@return a leaf verdict that fails}
   *
   * @param rule the rule's name, as its explanation shows it
   * @param reason the reason code
   * @param detail the human explanation
   * @throws IllegalArgumentException if {@code reason} is {@link Reason#ELIGIBLE}
   */
  public static Verdict fail(String rule, Reason reason, String detail) {
    if (Objects.requireNonNull(reason, "reason") == Reason.ELIGIBLE) {
      throw new IllegalArgumentException("a failing verdict needs a reason other than ELIGIBLE");
    }
    return new Verdict(false, reason, Objects.requireNonNull(rule, "rule"),
        Objects.requireNonNull(detail, "detail"), List.of(), null, false);
  }

  /** A composed verdict: the decision of a composition over the verdicts of its parts. */
  static Verdict composed(String rule, Decision decision, List<Verdict> children) {
    Verdict v = new Verdict(decision.isEligible(), decision.reason(), rule, decision.detail(), List.copyOf(children),
        null, decision.fromAccess());
    v.decision = decision;
    return v;
  }

  /** This verdict carrying the evidence of the access funnel (its detail is then the funnel's). */
  Verdict withEvidence(AccessEvidence accessEvidence) {
    return new Verdict(eligible, reason, rule, detail, children, Objects.requireNonNull(accessEvidence, "evidence"),
        true);
  }

  /**
   * The short answer of this verdict: eligibility, reason and detail, as {@link EligibilityRule#decide} gives
   * it. Built once per verdict, so a shared or remembered verdict answers without allocating.
    *
    * @return the decision this verdict reaches
   */
  public Decision decision() {
    Decision d = decision;
    if (d == null) {
      d = new Decision(eligible, reason, detail, fromAccess);
      decision = d;
    }
    return d;
  }

  /** {@return whether the rule holds} */
  public boolean isEligible() {
    return eligible;
  }

  /** {@return {@link Reason#ELIGIBLE}, or the reason of the first failing rule} */
  public Reason reason() {
    return reason;
  }

  /**
   * The reasons of every failing rule, in rule order: each failing leaf, and each failing composition that no
   * failing part explains (a negation of a rule that holds). Parts of a composition that holds (an
   * alternative of an {@code anyOf} that passed) are not failures. Empty when eligible.
    *
    * @return the reasons of the failing checks, in order
   */
  public List<Reason> failures() {
    List<Reason> out = new ArrayList<>();
    collectFailures(out);
    return out;
  }

  private void collectFailures(List<Reason> out) {
    // A verdict that holds contributes nothing, even if an alternative below it failed (anyOf, not).
    if (eligible) {
      return;
    }
    int before = out.size();
    for (Verdict c : children) {
      c.collectFailures(out);
    }
    // A failing leaf, or a composition whose own failure no child explains (a negation), names itself.
    if (out.size() == before) {
      out.add(reason);
    }
  }

  /**
   * {@return the rule that gave this verdict, as a sentence; a composed rule is named by its kind and size (its parts
   * are the children)}
   */
  public String rule() {
    return rule;
  }

  /** {@return a short human sentence: the evidence of this verdict} */
  public String detail() {
    return detail;
  }

  /** {@return the verdicts of a composed rule's parts, in rule order; empty for a leaf} */
  public List<Verdict> children() {
    return children;
  }

  /** {@return the access-funnel evidence found in this verdict or its descendants} */
  public Optional<AccessEvidence> accessEvidence() {
    if (evidence != null) {
      return Optional.of(evidence);
    }
    for (Verdict c : children) {
      Optional<AccessEvidence> e = c.accessEvidence();
      if (e.isPresent()) {
        return e;
      }
    }
    return Optional.empty();
  }

  /** {@return the tree, one rule a line, indented by depth} */
  public String toTreeString() {
    StringBuilder sb = new StringBuilder();
    appendTree(sb, 0);
    return sb.toString();
  }

  private void appendTree(StringBuilder sb, int depth) {
    sb.append("  ".repeat(depth)).append(eligible ? "[pass] " : "[FAIL " + reason + "] ").append(rule);
    if (!detail.isEmpty()) {
      sb.append(" — ").append(detail);
    }
    sb.append('\n');
    for (Verdict c : children) {
      c.appendTree(sb, depth + 1);
    }
  }

  @Override
  public String toString() {
    return reason + (detail.isEmpty() ? "" : ": " + detail);
  }
}
