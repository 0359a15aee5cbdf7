package org.openpec.rules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceListEntry;
import org.openpec.model.RoleCatalog;
import org.openpec.model.UsageLine;
import org.openpec.model.Words;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;

/**
 * The standard PEC rules (rules §6, §2.4, §9) and the combinators that compose them.
 *
 * <p>{@link #standard()} is the rule of the spec: the product rules in their order, then the agreement, then the
 * access funnel. To change it, start from {@link #standardRules()}, add, remove or replace elements, and
 * combine them with {@link #allOf(List)}: the primary reason is always the first failing rule in list order.
 */
public final class Rules {

  private Rules() {}

  private static final EligibilityRule IN_PRICE_LIST = new Named(
      "the product is in the Azure plan consumption price list on the usage day", Rules::checkInPriceList);
  private static final EligibilityRule NOT_THIRD_PARTY = new Named(
      "the price-list entry is not tagged Third Party", Rules::checkNotThirdParty);
  private static final EligibilityRule NOT_RESERVATION = new Named(
      "the line is neither a reservation product nor a purchase", Rules::checkNotReservation);
  private static final EligibilityRule NOT_MARKETPLACE = new Named(
      "the publisher is Microsoft (not a marketplace product)", Rules::checkNotMarketplace);
  private static final EligibilityRule NOT_SPOT = new Named(
      "the meter is not a Spot VM", Rules::checkNotSpot);
  private static final EligibilityRule NOT_BENEFIT = new Named(
      "the usage is not covered by a reservation or savings-plan benefit", Rules::checkNotBenefit);
  private static final EligibilityRule AGREEMENT = new Named(
      "the billed partner holds an active partner agreement on the usage day", Rules::checkAgreement);
  private static final EligibilityRule HELD_ALL_DAY = new Named(
      "an eligible, active, linked grant of the billed partner or its reseller covers the scope all day",
      Rules::checkAccess);

  private static final List<EligibilityRule> STANDARD_RULES = List.of(IN_PRICE_LIST, NOT_THIRD_PARTY,
      NOT_RESERVATION, NOT_MARKETPLACE, NOT_SPOT, NOT_BENEFIT, AGREEMENT, HELD_ALL_DAY);
  private static final EligibilityRule STANDARD = allOf(STANDARD_RULES);
  private static final List<EligibilityRule> PRODUCT_RULES = STANDARD_RULES.subList(0, 6);

  /** The spec's rule: all of {@link #standardRules()}, in order. */
  public static EligibilityRule standard() {
    return STANDARD;
  }

  /** The parts of {@link #standard()}, in the order that decides the primary reason. */
  public static List<EligibilityRule> standardRules() {
    return STANDARD_RULES;
  }

  /** The product rules of rules §6, in order: the first six of {@link #standardRules()}. */
  public static List<EligibilityRule> productRules() {
    return PRODUCT_RULES;
  }

  /** Rules §6.1 {@code NOT_IN_PRICE_LIST}; holds when no price list is given (the rule is skipped). */
  public static EligibilityRule inPriceList() {
    return IN_PRICE_LIST;
  }

  /** Rules §6.2 {@code THIRD_PARTY}; holds when no price list is given. */
  public static EligibilityRule notThirdParty() {
    return NOT_THIRD_PARTY;
  }

  /** Rules §6.3 {@code RESERVATION}; holds when no price list is given (the purchase test too). */
  public static EligibilityRule notReservation() {
    return NOT_RESERVATION;
  }

  /** Rules §6.4 {@code MARKETPLACE}. */
  public static EligibilityRule notMarketplace() {
    return NOT_MARKETPLACE;
  }

  /** Rules §6.5 {@code SPOT_VM}. */
  public static EligibilityRule notSpot() {
    return NOT_SPOT;
  }

  /** Rules §6.6 {@code BENEFIT_COVERED}. */
  public static EligibilityRule notBenefitCovered() {
    return NOT_BENEFIT;
  }

  /** Rules §2.4 {@code AGREEMENT_INACTIVE}. */
  public static EligibilityRule agreementActive() {
    return AGREEMENT;
  }

  /** Rules §9 the access funnel: {@code NO_ACCESS} ... {@code PARTIAL_DAY}, with its evidence. */
  public static EligibilityRule heldAllDay() {
    return HELD_ALL_DAY;
  }

  /**
   * Holds when every rule holds; every rule is evaluated so the verdict lists every failure. The primary
   * reason is the first failing rule's. An empty list holds.
   */
  public static EligibilityRule allOf(List<EligibilityRule> rules) {
    List<EligibilityRule> parts = List.copyOf(rules);
    String description = parts.isEmpty() ? "always" : "all of: " + describe(parts);
    String label = parts.isEmpty() ? "always" : "all of these " + parts.size() + " rules";
    return new Named(description, facts -> {
      List<Verdict> children = new ArrayList<>(parts.size());
      Verdict firstFailure = null;
      Verdict passDetail = null;
      for (EligibilityRule r : parts) {
        Verdict v = r.evaluate(facts);
        children.add(v);
        if (!v.isEligible() && firstFailure == null) {
          firstFailure = v;
        }
        if (v.isEligible() && v.accessEvidence().isPresent()) {
          passDetail = v;
        }
      }
      if (firstFailure != null) {
        return Verdict.composed(label, false, firstFailure.reason(), firstFailure.detail(), children);
      }
      String detail = passDetail != null ? passDetail.detail() : parts.isEmpty() ? "no rule to hold" : "every rule holds";
      return Verdict.composed(label, true, Reason.ELIGIBLE, detail, children);
    });
  }

  /**
   * Holds when at least one rule holds; every rule is evaluated. When none holds, the primary reason is the
   * first rule's. An empty list never holds ({@link Reason#RULE_NOT_MET}).
   */
  public static EligibilityRule anyOf(List<EligibilityRule> rules) {
    List<EligibilityRule> parts = List.copyOf(rules);
    String description = parts.isEmpty() ? "never" : "any of: " + describe(parts);
    String label = parts.isEmpty() ? "never" : "any of these " + parts.size() + " rules";
    return new Named(description, facts -> {
      List<Verdict> children = new ArrayList<>(parts.size());
      Verdict firstPass = null;
      for (EligibilityRule r : parts) {
        Verdict v = r.evaluate(facts);
        children.add(v);
        if (v.isEligible() && firstPass == null) {
          firstPass = v;
        }
      }
      if (firstPass != null) {
        return Verdict.composed(label, true, Reason.ELIGIBLE, firstPass.detail(), children);
      }
      if (children.isEmpty()) {
        return Verdict.composed(label, false, Reason.RULE_NOT_MET, "no alternative holds", children);
      }
      Verdict first = children.get(0);
      return Verdict.composed(label, false, first.reason(), first.detail(), children);
    });
  }

  /** Holds when {@code rule} does not; fails with {@code reason} when it does. */
  public static EligibilityRule not(EligibilityRule rule, Reason reason) {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
    String description = "not (" + rule.description() + ")";
    return new Named(description, facts -> {
      Verdict inner = rule.evaluate(facts);
      return inner.isEligible()
          ? Verdict.composed(description, false, reason, "holds: " + inner.detail(), List.of(inner))
          : Verdict.composed(description, true, Reason.ELIGIBLE, "does not hold: " + inner.detail(), List.of(inner));
    });
  }

  /** A rule with a sentence of its own, for callers' custom rules. */
  public static EligibilityRule named(String description, EligibilityRule rule) {
    return new Named(Objects.requireNonNull(description, "description"), Objects.requireNonNull(rule, "rule"));
  }

  private static String describe(List<EligibilityRule> parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(parts.get(i).description());
    }
    return sb.toString();
  }

  /** A rule and its sentence. */
  private record Named(String description, EligibilityRule body) implements EligibilityRule {
    @Override
    public Verdict evaluate(LineFacts facts) {
      return body.evaluate(facts);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  // ---- rules §6 product rules --------------------------------------------------------------------------------

  private static final String NO_PRICE_LIST = "skipped: no price list given";

  /** The verdicts of rules that hold, which carry no per-line evidence and so are shared. */
  private static final class Pass {
    static final Verdict IN_PRICE_LIST = Verdict.pass(Rules.IN_PRICE_LIST.description(), "in the price list");
    static final Verdict IN_PRICE_LIST_SKIPPED = Verdict.pass(Rules.IN_PRICE_LIST.description(), NO_PRICE_LIST);
    static final Verdict NOT_THIRD_PARTY = Verdict.pass(Rules.NOT_THIRD_PARTY.description(), "not third party");
    static final Verdict NOT_THIRD_PARTY_SKIPPED = Verdict.pass(Rules.NOT_THIRD_PARTY.description(), NO_PRICE_LIST);
    static final Verdict NOT_RESERVATION = Verdict.pass(Rules.NOT_RESERVATION.description(), "not a reservation");
    static final Verdict NOT_RESERVATION_SKIPPED = Verdict.pass(Rules.NOT_RESERVATION.description(), NO_PRICE_LIST);
    static final Verdict NOT_MARKETPLACE = Verdict.pass(Rules.NOT_MARKETPLACE.description(), "first-party product");
    static final Verdict NOT_SPOT = Verdict.pass(Rules.NOT_SPOT.description(), "not Spot");
    static final Verdict NOT_BENEFIT = Verdict.pass(Rules.NOT_BENEFIT.description(), "no benefit");
    static final Verdict AGREEMENT = Verdict.pass(Rules.AGREEMENT.description(), "agreement active");
  }

  private static Verdict checkInPriceList(LineFacts f) {
    String rule = IN_PRICE_LIST.description();
    if (!f.hasPriceList()) {
      return Pass.IN_PRICE_LIST_SKIPPED;
    }
    UsageLine l = f.line();
    return f.priceEntries().get().isEmpty()
        ? Verdict.fail(rule, Reason.NOT_IN_PRICE_LIST, "no consumption price-list entry for product " + l.productId()
            + ", SKU " + l.skuId() + ", meter " + l.meterId() + " on " + l.usageDate())
        : Pass.IN_PRICE_LIST;
  }

  private static Verdict checkNotThirdParty(LineFacts f) {
    String rule = NOT_THIRD_PARTY.description();
    if (!f.hasPriceList()) {
      return Pass.NOT_THIRD_PARTY_SKIPPED;
    }
    return anyEntry(f, PriceListEntry::isThirdParty)
        ? Verdict.fail(rule, Reason.THIRD_PARTY, "the price list tags the product Third Party")
        : Pass.NOT_THIRD_PARTY;
  }

  private static Verdict checkNotReservation(LineFacts f) {
    String rule = NOT_RESERVATION.description();
    if (!f.hasPriceList()) {
      return Pass.NOT_RESERVATION_SKIPPED;
    }
    if (anyEntry(f, PriceListEntry::isReservation)) {
      return Verdict.fail(rule, Reason.RESERVATION, "the price list tags the product Reservations");
    }
    if (f.line().chargeType().trim().equalsIgnoreCase("Purchase")) {
      return Verdict.fail(rule, Reason.RESERVATION, "a reservation or savings-plan purchase (ChargeType Purchase)");
    }
    return Pass.NOT_RESERVATION;
  }

  private static Verdict checkNotMarketplace(LineFacts f) {
    String publisher = f.line().publisherName().trim();
    return !publisher.isEmpty() && !publisher.equalsIgnoreCase("Microsoft")
        ? Verdict.fail(NOT_MARKETPLACE.description(), Reason.MARKETPLACE, "marketplace product of " + publisher)
        : Pass.NOT_MARKETPLACE;
  }

  private static Verdict checkNotSpot(LineFacts f) {
    UsageLine l = f.line();
    String where = hasWordSpot(l.meterSubCategory()) ? "MeterSubCategory " + l.meterSubCategory()
        : hasWordSpot(l.meterName()) ? "MeterName " + l.meterName()
        : hasWordSpot(l.skuName()) ? "SkuName " + l.skuName()
        : spotSkuTitle(f);
    return where != null
        ? Verdict.fail(NOT_SPOT.description(), Reason.SPOT_VM, "Spot VM (" + where + ")")
        : Pass.NOT_SPOT;
  }

  private static String spotSkuTitle(LineFacts f) {
    for (PriceListEntry e : f.priceEntries().orElse(List.of())) {
      if (e.hasSpotTitle()) {
        return "SkuTitle " + e.skuTitle();
      }
    }
    return null;
  }

  private static Verdict checkNotBenefit(LineFacts f) {
    UsageLine l = f.line();
    return !l.benefitType().isBlank() || !l.benefitId().isBlank()
        ? Verdict.fail(NOT_BENEFIT.description(), Reason.BENEFIT_COVERED,
            "covered by benefit " + (l.benefitType().isBlank() ? l.benefitId().trim() : l.benefitType().trim()))
        : Pass.NOT_BENEFIT;
  }

  private static boolean anyEntry(LineFacts f, Predicate<PriceListEntry> test) {
    for (PriceListEntry e : f.priceEntries().orElse(List.of())) {
      if (test.test(e)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} holds the word {@code Spot}, ignoring case, bounded on each side by a character that
   * is not a letter or digit or by the end of the text ({@code D2s_v3_Spot} does, {@code Spotlight} does not).
   */
  public static boolean hasWordSpot(String text) {
    return Words.containsWord(text, "spot");
  }

  /**
   * Whether every product rule of rules §6 holds for {@code line} — the negation of rules 1 to 6 in one pass,
   * without building verdicts. The calculator's fast path uses it and falls back to the full rule whenever it
   * is false; a property test holds it to {@link #standardRules()}.
   *
   * @param entries the price-list entries of the line's product, SKU and meter, whatever their dates; null when
   *     no price list is given
   */
  public static boolean passesProductRules(UsageLine line, List<PriceListEntry> entries) {
    if (entries != null) {
      boolean inForce = false;
      for (PriceListEntry e : entries) {
        if (e.isInForceOn(line.usageDate())) {
          if (e.isThirdParty() || e.isReservation() || e.hasSpotTitle()) {
            return false;
          }
          inForce = true;
        }
      }
      if (!inForce || line.chargeType().trim().equalsIgnoreCase("Purchase")) {
        return false;
      }
    }
    String publisher = line.publisherName().trim();
    return (publisher.isEmpty() || publisher.equalsIgnoreCase("Microsoft"))
        && !hasWordSpot(line.meterSubCategory()) && !hasWordSpot(line.meterName()) && !hasWordSpot(line.skuName())
        && line.benefitType().isBlank() && line.benefitId().isBlank();
  }


  // ---- rules §2.4 agreement -----------------------------------------------------------------------------------

  private static Verdict checkAgreement(LineFacts f) {
    UsageLine l = f.line();
    return f.partners().hasAgreementOn(l.billedPartnerId(), l.usageDate())
        ? Pass.AGREEMENT
        : Verdict.fail(AGREEMENT.description(), Reason.AGREEMENT_INACTIVE,
            "partner " + l.billedPartnerId() + " has no active agreement on " + l.usageDate());
  }

  // ---- rules §9 access funnel ---------------------------------------------------------------------------------

  /** What the access funnel's verdict depends on: equal keys give equal verdicts. */
  private record FunnelKey(List<AccessGrant> grants, Interval day, String billedOrg, String resellerOrg,
      CoveragePolicy coverage, RoleCatalog roles, PartnerDirectory partners) {}

  private static Verdict checkAccess(LineFacts f) {
    UsageLine line = f.line();
    String billed = f.partners().organizationOf(line.billedPartnerId());
    String reseller = line.reseller().map(f.partners()::organizationOf).orElse(null);
    return f.memo().get(new FunnelKey(f.grants(), f.day(), billed, reseller, f.coverage(), f.roles(), f.partners()),
        () -> funnel(f, billed, reseller));
  }

  private static Verdict funnel(LineFacts f, String billed, String reseller) {
    String rule = HELD_ALL_DAY.description();
    UsageLine line = f.line();
    Interval day = f.day();
    List<FunnelStep> steps = new ArrayList<>(6);
    List<AccessGrant> kept = f.grants();
    steps.add(new FunnelStep("grants reaching the scope on the day", Reason.NO_ACCESS, kept));
    if (kept.isEmpty()) {
      return failFunnel(rule, Reason.NO_ACCESS, "no grant reaches the resource's scope on " + line.usageDate(),
          day, steps);
    }
    List<AccessGrant> all = kept;
    kept = keep(kept, g -> g.assignment() == Assignment.ACTIVE);
    steps.add(new FunnelStep("active assignments", Reason.ASSIGNMENT_NOT_ACTIVE, kept));
    if (kept.isEmpty()) {
      return failFunnel(rule, Reason.ASSIGNMENT_NOT_ACTIVE, "only eligible (just-in-time) assignments: " + ids(all),
          day, steps);
    }
    List<AccessGrant> active = kept;
    kept = keep(kept, g -> f.roles().isPecEligible(g.roleDefinitionId(), g.roleName()));
    steps.add(new FunnelStep("PEC-eligible roles", Reason.ROLE_NOT_ELIGIBLE, kept));
    if (kept.isEmpty()) {
      return failFunnel(rule, Reason.ROLE_NOT_ELIGIBLE, "only roles that do not earn PEC: " + roles(active),
          day, steps);
    }
    List<AccessGrant> eligibleRoles = kept;
    kept = keep(kept, AccessGrant::isAttributed);
    steps.add(new FunnelStep("grants attributed to a partner ID", Reason.PARTNER_NOT_LINKED, kept));
    if (kept.isEmpty()) {
      return failFunnel(rule, Reason.PARTNER_NOT_LINKED, "not linked to a partner ID: " + ids(eligibleRoles),
          day, steps);
    }
    List<AccessGrant> linked = kept;
    kept = keep(kept, g -> {
      String org = f.partners().organizationOf(g.partnerId().orElseThrow());
      return org.equals(billed) || org.equals(reseller);
    });
    steps.add(new FunnelStep("grants of the billed partner or its reseller", Reason.OTHER_PARTNER, kept));
    if (kept.isEmpty()) {
      return failFunnel(rule, Reason.OTHER_PARTNER, "held only by other partners: " + partners(linked), day, steps);
    }
    Timeline held = timelineOf(kept);
    Timeline covered = held.intersection(Timeline.of(day));
    Timeline uncovered = Timeline.of(day).minus(held);
    boolean whole = f.coverage() == CoveragePolicy.UNION
        ? held.encloses(day)
        : kept.stream().anyMatch(g -> g.interval().encloses(day));
    steps.add(new FunnelStep(f.coverage() == CoveragePolicy.UNION
        ? "the union of the grants encloses the day" : "one grant alone encloses the day",
        Reason.PARTIAL_DAY, whole ? kept : List.of()));
    if (!whole) {
      String detail = uncovered.isEmpty()
          ? "no single grant holds the whole day (" + ids(kept) + " together do)"
          : "held " + describeWithin(covered, day) + " only; not held " + describeWithin(uncovered, day);
      return Verdict.fail(rule, Reason.PARTIAL_DAY, detail).withEvidence(
          new AccessEvidence(day, steps, covered, uncovered));
    }
    return Verdict.pass(rule, "held all day by " + describeGrants(kept)).withEvidence(
        new AccessEvidence(day, steps, covered, Timeline.empty()));
  }

  private static Verdict failFunnel(String rule, Reason reason, String detail, Interval day, List<FunnelStep> steps) {
    return Verdict.fail(rule, reason, detail).withEvidence(
        new AccessEvidence(day, steps, Timeline.empty(), Timeline.of(day)));
  }

  /** The union of the grants' intervals. */
  public static Timeline timelineOf(List<AccessGrant> grants) {
    List<Interval> intervals = new ArrayList<>(grants.size());
    for (AccessGrant g : grants) {
      intervals.add(g.interval());
    }
    return Timeline.of(intervals);
  }

  private static List<AccessGrant> keep(List<AccessGrant> grants, Predicate<AccessGrant> test) {
    List<AccessGrant> out = new ArrayList<>(grants.size());
    for (AccessGrant g : grants) {
      if (test.test(g)) {
        out.add(g);
      }
    }
    return out;
  }

  private static String ids(List<AccessGrant> grants) {
    StringBuilder sb = new StringBuilder();
    for (AccessGrant g : inNameOrder(grants)) {
      sb.append(sb.length() == 0 ? "" : ", ").append(g.grantId());
    }
    return sb.toString();
  }

  private static String roles(List<AccessGrant> grants) {
    StringBuilder sb = new StringBuilder();
    for (AccessGrant g : inNameOrder(grants)) {
      sb.append(sb.length() == 0 ? "" : ", ").append(g.roleLabel()).append(" (").append(g.grantId()).append(')');
    }
    return sb.toString();
  }

  private static String partners(List<AccessGrant> grants) {
    StringBuilder sb = new StringBuilder();
    for (AccessGrant g : inNameOrder(grants)) {
      sb.append(sb.length() == 0 ? "" : ", ").append(g.partnerId().orElse("")).append(" (").append(g.grantId())
          .append(')');
    }
    return sb.toString();
  }

  private static String describeGrants(List<AccessGrant> grants) {
    StringBuilder sb = new StringBuilder();
    for (AccessGrant g : inNameOrder(grants)) {
      sb.append(sb.length() == 0 ? "" : ", ").append(g.grantId()).append(" (").append(g.roleLabel());
      if (!g.channel().isBlank()) {
        sb.append(", ").append(g.channel());
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /**
   * The grants ordered by id, then start: sentences name grants in this order, so that they do not depend on the
   * order of the grants file.
   */
  private static List<AccessGrant> inNameOrder(List<AccessGrant> grants) {
    if (grants.size() < 2) {
      return grants;
    }
    List<AccessGrant> sorted = new ArrayList<>(grants);
    sorted.sort(java.util.Comparator.comparing(AccessGrant::grantId).thenComparing(AccessGrant::grantedAt));
    return sorted;
  }

  /** Pieces of a timeline within one day as {@code HH:mm:ss–HH:mm:ss} UTC, the day's end shown as 24:00:00. */
  public static String describeWithin(Timeline timeline, Interval day) {
    StringBuilder sb = new StringBuilder();
    for (Interval piece : timeline.intersection(Timeline.of(day)).intervals()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(clock(piece.start(), day)).append('–')
          .append(clock(piece.end(), day)).append('Z');
    }
    return sb.length() == 0 ? "never" : sb.toString();
  }

  private static final java.time.format.DateTimeFormatter CLOCK =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private static String clock(Instant t, Interval day) {
    return t.equals(day.end()) ? "24:00:00" : CLOCK.format(t);
  }
}
