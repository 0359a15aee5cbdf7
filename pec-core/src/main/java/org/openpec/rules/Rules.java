package org.openpec.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PriceListEntry;
import org.openpec.model.UsageLine;
import org.openpec.internal.text.Words;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;

/**
 * The standard PEC rules and the combinators that compose them.
 *
 * <p>{@link #standard()} is the rule of the specification: the product rules in their order (price list, third
 * party, reservation, marketplace, Spot, benefit), then the partner agreement, then the access funnel. To change
 * it, start from {@link #standardRules()}, add, remove or replace elements, and combine them with
 * {@link #allOf(List)}: the primary reason is always the first failing rule in list order. Every rule, standard or
 * composed, answers {@link EligibilityRule#decide} cheaply and {@link EligibilityRule#explain} in full, and the
 * calculator treats the standard rule like any other.
 */
public final class Rules {

  private Rules() {}

  private static final Leaf IN_PRICE_LIST = new Leaf(Rules::checkInPriceList,
      "the product is in the Azure plan consumption price list on the usage day");
  private static final Leaf NOT_THIRD_PARTY = new Leaf(Rules::checkNotThirdParty,
      "the price-list entry is not tagged Third Party");
  private static final Leaf NOT_RESERVATION = new Leaf(Rules::checkNotReservation,
      "the line is neither a reservation product nor a purchase");
  private static final Leaf NOT_MARKETPLACE = new Leaf(Rules::checkNotMarketplace,
      "the publisher is Microsoft (not a marketplace product)");
  private static final Leaf NOT_SPOT = new Leaf(Rules::checkNotSpot, "the meter is not a Spot VM");
  private static final Leaf NOT_BENEFIT = new Leaf(Rules::checkNotBenefit,
      "the usage is not covered by a reservation or savings-plan benefit");
  private static final Leaf AGREEMENT = new Leaf(Rules::checkAgreement,
      "the billed partner holds an active partner agreement on the usage day");
  private static final Leaf FUNNEL = new Leaf(Rules::checkAccess,
      "an eligible, active, linked grant of the billed partner or its reseller covers the scope all day");
  private static final EligibilityRule HELD_ALL_DAY = rememberedByAccess(FUNNEL);

  private static final List<EligibilityRule> STANDARD_RULES = List.of(IN_PRICE_LIST, NOT_THIRD_PARTY,
      NOT_RESERVATION, NOT_MARKETPLACE, NOT_SPOT, NOT_BENEFIT, AGREEMENT, HELD_ALL_DAY);
  private static final EligibilityRule STANDARD = allOf(STANDARD_RULES);

  /** {@return the specification's rule: all of {@link #standardRules()}, in order} */
  public static EligibilityRule standard() {
    return STANDARD;
  }

  /** {@return the parts of {@link #standard()}, in the order that decides the primary reason} */
  public static List<EligibilityRule> standardRules() {
    return STANDARD_RULES;
  }

  /**
   * {@return {@code NOT_IN_PRICE_LIST}: an entry in force on the usage day prices the line; holds when no price list
   * is given}
   */
  public static EligibilityRule inPriceList() {
    return IN_PRICE_LIST;
  }

  /** {@return {@code THIRD_PARTY}; holds when no price list is given} */
  public static EligibilityRule notThirdParty() {
    return NOT_THIRD_PARTY;
  }

  /**
   * {@return {@code RESERVATION}: a reservation product, or a purchase; holds when no price list is given (the
   * purchase test too)}
   */
  public static EligibilityRule notReservation() {
    return NOT_RESERVATION;
  }

  /** {@return {@code MARKETPLACE}: a publisher other than Microsoft} */
  public static EligibilityRule notMarketplace() {
    return NOT_MARKETPLACE;
  }

  /**
   * {@return {@code SPOT_VM}: the word Spot in the meter sub-category, meter name, SKU name or price-list SKU title}
   */
  public static EligibilityRule notSpot() {
    return NOT_SPOT;
  }

  /** {@return {@code BENEFIT_COVERED}: a reservation or savings-plan benefit covers the usage} */
  public static EligibilityRule notBenefitCovered() {
    return NOT_BENEFIT;
  }

  /** {@return {@code AGREEMENT_INACTIVE}: the billed partner has no active agreement on the usage day} */
  public static EligibilityRule agreementActive() {
    return AGREEMENT;
  }

  /**
   * The access funnel: {@code NO_ACCESS}, {@code ASSIGNMENT_NOT_ACTIVE}, {@code ROLE_NOT_ELIGIBLE},
   * {@code PARTNER_NOT_LINKED}, {@code OTHER_PARTNER} or {@code PARTIAL_DAY}, with its evidence; remembered per
   * {@link LineFacts#accessKey()}.
    *
    * @return the rule
   */
  public static EligibilityRule heldAllDay() {
    return HELD_ALL_DAY;
  }

  private static final Decision ALWAYS = Decision.pass("no rule to hold");
  private static final Decision EVERY_RULE_HOLDS = Decision.pass("every rule holds");
  private static final Decision NEVER = Decision.fail(Reason.RULE_NOT_MET, "no alternative holds");

  /**
   * Holds when every rule holds. {@code decide} stops at the first failing rule; {@code explain} evaluates every
   * rule so the verdict lists every failure. The primary reason is the first failing rule's; when all hold, the
   * detail is that of the last rule whose detail is the access funnel's, else "every rule holds". An empty list
   * holds.
   *
   * @param rules the rules, in order
   * @return the rule that passes when every one passes
   */
  public static EligibilityRule allOf(List<EligibilityRule> rules) {
    return new AllOf(List.copyOf(rules));
  }

  /**
   * Holds when at least one rule holds. {@code decide} stops at the first rule that holds; {@code explain}
   * evaluates every rule. When none holds, the primary reason is the first rule's. An empty list never holds
   * ({@link Reason#RULE_NOT_MET}).
   *
   * @param rules the rules, in order
   * @return the rule that passes when any one passes
   */
  public static EligibilityRule anyOf(List<EligibilityRule> rules) {
    return new AnyOf(List.copyOf(rules));
  }

  /**
   * Holds when {@code rule} does not; fails with {@code reason} when it does.
   *
   * @param rule the rule to negate
   * @param reason the reason code
   * @return the rule that passes when {@code rule} fails
   */
  public static EligibilityRule not(EligibilityRule rule, Reason reason) {
    Objects.requireNonNull(rule, "rule");
    if (Objects.requireNonNull(reason, "reason") == Reason.ELIGIBLE) {
      throw new IllegalArgumentException("a negation needs a failing reason, not ELIGIBLE");
    }
    return new Not(rule, reason);
  }

  /**
   * {@return a rule with a sentence of its own, for callers' custom rules}
   *
   * @param description the sentence that names the rule in explanations
   * @param rule the rule to name
   */
  public static EligibilityRule named(String description, EligibilityRule rule) {
    return new Named(Objects.requireNonNull(description, "description"), Objects.requireNonNull(rule, "rule"));
  }

  /**
   * {@code rule}, its verdict remembered per {@link LineFacts#accessKey()} in the facts' memory
   * ({@link LineFacts#remember}): for rules whose verdict depends on nothing but the access facts (the grants
   * reaching the scope on the day, the partners, roles and coverage), such as the access funnel. Lines of one
   * resource and day then share one verdict; the result is the same as without remembering.
   *
   * @param rule a rule whose verdict depends on the access facts only
   * @return the rule, remembering its verdicts
   */
  public static EligibilityRule rememberedByAccess(EligibilityRule rule) {
    return new RememberedByAccess(Objects.requireNonNull(rule, "rule"));
  }

  private static String describe(List<EligibilityRule> parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(parts.get(i).description());
    }
    return sb.toString();
  }

  /** Every rule holds. */
  private static final class AllOf implements EligibilityRule {
    private final EligibilityRule[] parts;
    private final String description;
    private final String label;

    AllOf(List<EligibilityRule> parts) {
      this.parts = parts.toArray(new EligibilityRule[0]);
      this.description = parts.isEmpty() ? "always" : "all of: " + describe(parts);
      this.label = parts.isEmpty() ? "always" : "all of these " + parts.size() + " rules";
    }

    @Override
    public Decision decide(LineFacts facts) {
      Decision passDetail = null;
      for (EligibilityRule r : parts) {
        Decision d = r.decide(facts);
        if (!d.isEligible()) {
          return d;
        }
        if (d.fromAccess()) {
          passDetail = d;
        }
      }
      return passDetail != null ? passDetail : parts.length == 0 ? ALWAYS : EVERY_RULE_HOLDS;
    }

    @Override
    public Verdict explain(LineFacts facts) {
      List<Verdict> children = new ArrayList<>(parts.length);
      Decision firstFailure = null;
      Decision passDetail = null;
      for (EligibilityRule r : parts) {
        Verdict v = r.explain(facts);
        children.add(v);
        Decision d = v.decision();
        if (!d.isEligible() && firstFailure == null) {
          firstFailure = d;
        }
        if (d.isEligible() && d.fromAccess()) {
          passDetail = d;
        }
      }
      Decision d = firstFailure != null ? firstFailure
          : passDetail != null ? passDetail : parts.length == 0 ? ALWAYS : EVERY_RULE_HOLDS;
      return Verdict.composed(label, d, children);
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** At least one rule holds. */
  private static final class AnyOf implements EligibilityRule {
    private final EligibilityRule[] parts;
    private final String description;
    private final String label;

    AnyOf(List<EligibilityRule> parts) {
      this.parts = parts.toArray(new EligibilityRule[0]);
      this.description = parts.isEmpty() ? "never" : "any of: " + describe(parts);
      this.label = parts.isEmpty() ? "never" : "any of these " + parts.size() + " rules";
    }

    @Override
    public Decision decide(LineFacts facts) {
      Decision first = null;
      for (EligibilityRule r : parts) {
        Decision d = r.decide(facts);
        if (d.isEligible()) {
          return d;
        }
        if (first == null) {
          first = d;
        }
      }
      return first != null ? first : NEVER;
    }

    @Override
    public Verdict explain(LineFacts facts) {
      List<Verdict> children = new ArrayList<>(parts.length);
      Decision firstPass = null;
      for (EligibilityRule r : parts) {
        Verdict v = r.explain(facts);
        children.add(v);
        if (v.isEligible() && firstPass == null) {
          firstPass = v.decision();
        }
      }
      Decision d = firstPass != null ? firstPass : children.isEmpty() ? NEVER : children.get(0).decision();
      return Verdict.composed(label, d, children);
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** The rule does not hold. */
  private static final class Not implements EligibilityRule {
    private final EligibilityRule rule;
    private final Reason reason;
    private final String description;

    Not(EligibilityRule rule, Reason reason) {
      this.rule = rule;
      this.reason = reason;
      this.description = "not (" + rule.description() + ")";
    }

    private Decision negation(Decision inner) {
      return inner.isEligible() ? Decision.fail(reason, "holds: " + inner.detail())
          : Decision.pass("does not hold: " + inner.detail());
    }

    @Override
    public Decision decide(LineFacts facts) {
      return negation(rule.decide(facts));
    }

    @Override
    public Verdict explain(LineFacts facts) {
      Verdict inner = rule.explain(facts);
      return Verdict.composed(description, negation(inner.decision()), List.of(inner));
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** A rule and its sentence. */
  private record Named(String description, EligibilityRule body) implements EligibilityRule {
    @Override
    public Decision decide(LineFacts facts) {
      return body.decide(facts);
    }

    @Override
    public Verdict explain(LineFacts facts) {
      return body.explain(facts);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  /** A rule whose verdict is remembered per access key. */
  private static final class RememberedByAccess implements EligibilityRule {
    private final EligibilityRule rule;
    private final Function<LineFacts, Verdict> compute;

    RememberedByAccess(EligibilityRule rule) {
      this.rule = rule;
      this.compute = rule::explain;
    }

    @Override
    public Decision decide(LineFacts facts) {
      return explain(facts).decision();
    }

    @Override
    public Verdict explain(LineFacts facts) {
      return facts.remember(this, facts.accessKey(), compute);
    }

    @Override
    public String description() {
      return rule.description();
    }

    @Override
    public String toString() {
      return rule.description();
    }
  }

  /**
   * One of the standard rules: its check is called through a function of its own, so that the JIT compiles each
   * check as a method of its own rather than the whole rule tree as one (a fresh {@code pec credit} then spends seconds
   * less compiling, and its worker less time in code waiting to be compiled).
   */
  private static final class Leaf implements EligibilityRule {
    private final Function<LineFacts, Verdict> check;
    private final String description;

    Leaf(Function<LineFacts, Verdict> check, String description) {
      this.check = check;
      this.description = description;
    }

    @Override
    public Decision decide(LineFacts facts) {
      return explain(facts).decision();
    }

    @Override
    public Verdict explain(LineFacts f) {
      return check.apply(f);
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public String toString() {
      return description;
    }
  }

  // ---- product rules ------------------------------------------------------------------------------------------

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
    if (!f.hasPriceList()) {
      return Pass.IN_PRICE_LIST_SKIPPED;
    }
    UsageLine l = f.line();
    List<PriceListEntry> entries = f.priceEntriesAnyDay();
    for (int k = 0; k < entries.size(); k++) { // indexed: no iterator per line
      PriceListEntry e = entries.get(k);
      if (e.isInForceOn(l.usageDate())) {
        return Pass.IN_PRICE_LIST;
      }
    }
    return Verdict.fail(IN_PRICE_LIST.description(), Reason.NOT_IN_PRICE_LIST, "no consumption price-list entry for product "
        + l.productId() + ", SKU " + l.skuId() + ", meter " + l.meterId() + " on " + l.usageDate());
  }

  private static Verdict checkNotThirdParty(LineFacts f) {
    if (!f.hasPriceList()) {
      return Pass.NOT_THIRD_PARTY_SKIPPED;
    }
    return anyThirdPartyEntry(f)
        ? Verdict.fail(NOT_THIRD_PARTY.description(), Reason.THIRD_PARTY, "the price list tags the product Third Party")
        : Pass.NOT_THIRD_PARTY;
  }

  private static Verdict checkNotReservation(LineFacts f) {
    if (!f.hasPriceList()) {
      return Pass.NOT_RESERVATION_SKIPPED;
    }
    String rule = NOT_RESERVATION.description();
    if (anyReservationEntry(f)) {
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
    java.time.LocalDate day = f.line().usageDate();
    List<PriceListEntry> entries = f.priceEntriesAnyDay();
    for (int k = 0; k < entries.size(); k++) { // indexed: no iterator per line
      PriceListEntry e = entries.get(k);
      if (e.hasSpotTitle() && e.isInForceOn(day)) {
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

  /** Whether an entry in force on the usage day is tagged Third Party (one loop per test: no shared call site). */
  private static boolean anyThirdPartyEntry(LineFacts f) {
    java.time.LocalDate day = f.line().usageDate();
    List<PriceListEntry> entries = f.priceEntriesAnyDay();
    for (int k = 0; k < entries.size(); k++) { // indexed: no iterator per line
      PriceListEntry e = entries.get(k);
      if (e.isThirdParty() && e.isInForceOn(day)) {
        return true;
      }
    }
    return false;
  }

  /** Whether an entry in force on the usage day is tagged Reservations. */
  private static boolean anyReservationEntry(LineFacts f) {
    java.time.LocalDate day = f.line().usageDate();
    List<PriceListEntry> entries = f.priceEntriesAnyDay();
    for (int k = 0; k < entries.size(); k++) { // indexed: no iterator per line
      PriceListEntry e = entries.get(k);
      if (e.isReservation() && e.isInForceOn(day)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} holds the word {@code Spot}, ignoring case, bounded on each side by a character that
   * is not a letter or digit or by the end of the text ({@code D2s_v3_Spot} does, {@code Spotlight} does not).
   *
   * @param text the SKU or meter text
   * @return whether the text holds the word
   */
  static boolean hasWordSpot(String text) {
    return Words.containsWord(text, "spot");
  }

  // ---- agreement ----------------------------------------------------------------------------------------------

  private static Verdict checkAgreement(LineFacts f) {
    UsageLine l = f.line();
    return f.partners().hasAgreementOn(l.billedPartnerId(), l.usageDate())
        ? Pass.AGREEMENT
        : Verdict.fail(AGREEMENT.description(), Reason.AGREEMENT_INACTIVE,
            "partner " + l.billedPartnerId() + " has no active agreement on " + l.usageDate());
  }

  // ---- access funnel ------------------------------------------------------------------------------------------

  private static Verdict checkAccess(LineFacts f) {
    UsageLine line = f.line();
    String billed = f.partners().organizationOf(line.billedPartnerId());
    String reseller = line.reseller().map(f.partners()::organizationOf).orElse(null);
    return funnel(f, billed, reseller);
  }

  private static Verdict funnel(LineFacts f, String billed, String reseller) {
    String rule = FUNNEL.description();
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
          : "held " + covered.describeWithin(day) + " only; not held " + uncovered.describeWithin(day);
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

  /**
   * {@return the union of the grants' intervals}
   *
   * @param grants the grants, in input order
   */
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
}
