package org.openpec.internal.losses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openpec.LineResult;
import org.openpec.model.AccessGrant;
import org.openpec.rules.AccessEvidence;
import org.openpec.rules.FunnelStep;
import org.openpec.rules.Reason;
import org.openpec.time.Interval;

/** The sentence that says what began a loss on one usage day; see {@link LossTracker} for the wording. */
final class StartEvents {

  private StartEvents() {}

  static String of(LineResult r, CoveringGrants covering) {
    Reason reason = r.reason();
    Optional<AccessEvidence> evidence = r.verdict().accessEvidence();
    Interval day = Interval.utcDay(r.line().usageDate());
    if (reason == Reason.NO_ACCESS) {
      return gapOpenedBy(day.start(), covering.of(r.line()), Set.of())
          .orElse("no grant before " + r.line().usageDate());
    }
    if (reason == Reason.PARTIAL_DAY) {
      if (evidence.isEmpty()) {
        return r.verdict().detail();
      }
      AccessEvidence e = evidence.get();
      Instant gapStart = e.uncovered().isEmpty() ? day.start() : e.uncovered().intervals().get(0).start();
      Set<String> survivors = new HashSet<>();
      examined(e, Reason.PARTIAL_DAY).forEach(g -> survivors.add(g.grantId()));
      Optional<String> revoked = gapOpenedBy(gapStart, covering.of(r.line()), survivors);
      if (revoked.isPresent()) {
        return revoked.get();
      }
      return e.covered().isEmpty() || e.uncovered().isEmpty() ? r.verdict().detail()
          : "no grant before " + e.covered().intervals().get(0).start();
    }
    if (reason == Reason.ASSIGNMENT_NOT_ACTIVE) {
      return evidence.map(e -> "only just-in-time (eligible) assignments, none active: "
          + describe(examined(e, reason))).orElse(r.verdict().detail());
    }
    if (reason == Reason.ROLE_NOT_ELIGIBLE) {
      return evidence.map(e -> "only read-only roles (" + roles(examined(e, reason)) + ")")
          .orElse(r.verdict().detail());
    }
    if (reason == Reason.PARTNER_NOT_LINKED) {
      return evidence.map(e -> {
        List<AccessGrant> gs = examined(e, reason);
        return (gs.size() == 1 ? "grant " : "grants ") + ids(gs) + " not linked to a partner ID";
      }).orElse(r.verdict().detail());
    }
    if (reason == Reason.OTHER_PARTNER) {
      return evidence.map(e -> "held only by other partners: " + byPartner(examined(e, reason))
          + ", not the billed partner " + r.line().billedPartnerId()
          + r.line().reseller().map(s -> " or its reseller " + s).orElse("")).orElse(r.verdict().detail());
    }
    if (reason == Reason.AGREEMENT_INACTIVE) {
      return "partner " + r.line().billedPartnerId() + " has no active partner agreement on "
          + r.line().usageDate();
    }
    // A caller's own code, or a composition: the rule's own sentence.
    return r.verdict().detail();
  }

  /**
   * The grant among {@code candidates} whose revocation is the latest at or before {@code gapStart}; on equal
   * instants a grant of {@code preferred} first, then the smallest grant id.
   */
  private static Optional<String> gapOpenedBy(Instant gapStart, List<AccessGrant> candidates, Set<String> preferred) {
    AccessGrant best = null;
    for (AccessGrant g : candidates) {
      if (g.revokedAt().isEmpty() || g.revokedAt().get().isAfter(gapStart)) {
        continue;
      }
      if (best == null || isBetter(g, best, preferred)) {
        best = g;
      }
    }
    return Optional.ofNullable(best).map(g -> "grant " + describe(g) + " revoked " + g.revokedAt().get());
  }

  private static boolean isBetter(AccessGrant g, AccessGrant best, Set<String> preferred) {
    int c = g.revokedAt().get().compareTo(best.revokedAt().get());
    if (c != 0) {
      return c > 0;
    }
    boolean gp = preferred.contains(g.grantId());
    boolean bp = preferred.contains(best.grantId());
    if (gp != bp) {
      return gp;
    }
    return g.grantId().compareTo(best.grantId()) < 0;
  }

  /** The grants the failing step of {@code reason} looked at: those kept by the step before it. */
  private static List<AccessGrant> examined(AccessEvidence e, Reason reason) {
    List<FunnelStep> steps = e.steps();
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).reasonWhenEmpty() == reason) {
        return steps.get(i - 1).kept();
      }
    }
    return List.of();
  }

  /** {@code G17 (Owner, AOBO, /subscriptions/S)}; the channel is left out when unknown. */
  static String describe(AccessGrant g) {
    StringBuilder sb = new StringBuilder(g.grantId()).append(" (").append(g.roleLabel());
    if (!g.channel().isBlank()) {
      sb.append(", ").append(g.channel());
    }
    return sb.append(", ").append(g.scope().path()).append(')').toString();
  }

  private static String describe(List<AccessGrant> gs) {
    List<String> parts = new ArrayList<>();
    gs.forEach(g -> parts.add("grant " + describe(g)));
    return String.join(", ", parts);
  }

  private static String ids(List<AccessGrant> gs) {
    List<String> parts = new ArrayList<>();
    gs.forEach(g -> parts.add(g.grantId()));
    return String.join(", ", parts);
  }

  private static String roles(List<AccessGrant> gs) {
    Set<String> labels = new LinkedHashSet<>();
    gs.forEach(g -> labels.add(g.roleLabel()));
    return String.join(", ", labels);
  }

  private static String byPartner(List<AccessGrant> gs) {
    List<String> parts = new ArrayList<>();
    gs.forEach(g -> parts.add("grant " + g.grantId() + " of partner " + g.partnerId().orElse("")));
    return String.join(", ", parts);
  }
}
