package org.openpec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.immutables.value.Value;
import org.openpec.model.AccessGrant;
import org.openpec.model.ManagementHierarchy;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.RoleCatalog;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.money.PecRate;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.EligibilityRule;
import org.openpec.rules.LineFacts;
import org.openpec.rules.Memo;
import org.openpec.rules.Reason;
import org.openpec.rules.Rules;
import org.openpec.rules.Verdict;
import org.openpec.time.Interval;
import org.openpec.time.UsageDays;
import org.openpec.value.PecStyle;

/**
 * Computes Partner Earned Credit for usage lines: the verdict of the rules and the exact money of each line.
 *
 * <p>Built once from the rule, the rate schedule, the role catalogue, the optional price list, the grants, the
 * partner directory, the optional management-group hierarchy and the coverage policy; then immutable and
 * thread-safe, so one calculator serves any number of threads. Grants are indexed by scope: a line looks up
 * only the scopes that can cover it, never every grant.
 *
 * <pre>{@code
 * PecCalculator pec = PecCalculator.builder().addGrants(owner).build();
 * LineResult r = pec.evaluate(line);
 * r.reason();              // ELIGIBLE
 * r.amounts().credit();    // 1.8000
 * }</pre>
 */
@Value.Immutable
@PecStyle
public abstract class PecCalculator {

  PecCalculator() {}

  /** A builder; every attribute has a default (no grants: every line is {@code NO_ACCESS}). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PecCalculator}; not thread-safe. */
  public static final class Builder extends ImmutablePecCalculator.Builder {
    Builder() {}
  }

  /** The eligibility rule; {@link Rules#standard()} by default. */
  @Value.Default
  @Value.Auxiliary
  public EligibilityRule rule() {
    return Rules.standard();
  }

  /** The rate schedule; 15 % on every date by default. */
  @Value.Default
  public PecRate rates() {
    return PecRate.standard();
  }

  /** The role catalogue; the bundled one by default. */
  @Value.Default
  @Value.Auxiliary
  public RoleCatalog roles() {
    return RoleCatalog.bundled();
  }

  /** The consumption price list; without one, price-list rules are skipped (spec §6). */
  @Value.Auxiliary
  public abstract Optional<PriceList> priceList();

  /** The grants, in input order. */
  @Value.Auxiliary
  public abstract List<AccessGrant> grants();

  /** Partner organisations and agreements; without a partners file, every agreement is assumed active. */
  @Value.Default
  @Value.Auxiliary
  public PartnerDirectory partners() {
    return PartnerDirectory.assumeAllActive();
  }

  /** The management-group hierarchy; none by default (group-scope grants then cover nothing). */
  @Value.Default
  @Value.Auxiliary
  public ManagementHierarchy hierarchy() {
    return ManagementHierarchy.none();
  }

  /** How qualifying grants must cover the day; {@link CoveragePolicy#UNION} by default. */
  @Value.Default
  public CoveragePolicy coverage() {
    return CoveragePolicy.UNION;
  }

  @Value.Derived
  @Value.Auxiliary
  GrantIndex index() {
    return new GrantIndex(grants());
  }

  /** A bounded memo of verdicts the rules may reuse across lines with equal facts; invisible in results. */
  @Value.Derived
  @Value.Auxiliary
  Memo memo() {
    return Memo.bounded(1 << 14);
  }

  /**
   * The number of grants at management-group scope that cover nothing because no hierarchy was given; a
   * caller reports this once rather than per line.
   */
  public int unresolvedGroupGrants() {
    return hierarchy().isGiven() ? 0 : index().groupGrantCount();
  }

  /** The facts the rules see for {@code line}. */
  public LineFacts factsOf(UsageLine line) {
    Objects.requireNonNull(line, "line");
    Interval day = UsageDays.of(line.usageDate());
    Optional<List<PriceListEntry>> entries = priceList().map(p -> p.entriesFor(line));
    List<AccessGrant> reaching = index().reaching(line.resource(), line.entitlementId(), hierarchy(), day);
    return new LineFacts(line, day, entries, reaching, roles(), partners(), coverage(), memo());
  }

  /** The verdict of the rule for {@code line}: the full tree, with every rule's result and the evidence. */
  public Verdict verdictOf(UsageLine line) {
    return rule().evaluate(factsOf(line));
  }

  /** Evaluates one line priced by its own unit price. */
  public LineResult evaluate(UsageLine line) {
    return evaluate(line, null);
  }

  /**
   * Evaluates one repriced line: its list cost comes from the price list (spec §8, repricing) rather than from
   * its unit price.
   *
   * @param listCost the line's graduated list cost, pricing currency; null to price the line by its own unit price
   */
  public LineResult evaluate(UsageLine line, BigDecimal listCost) {
    Objects.requireNonNull(line, "line");
    BigDecimal inForce = rates().rateOn(line.usageDate());
    Verdict access = rule() == Rules.standard() ? commonCase(line) : null;
    if (access != null) {
      BigDecimal applied = access.isEligible() ? inForce : BigDecimal.ZERO;
      return LineResult.decided(line, access.reason(), access.detail(), inForce,
          amounts(line, listCost, applied, access.reason()), listCost != null, () -> verdictOf(line));
    }
    Verdict verdict = verdictOf(line);
    BigDecimal applied = verdict.isEligible() ? inForce : BigDecimal.ZERO;
    return LineResult.of(line, verdict, inForce, amounts(line, listCost, applied, verdict.reason()),
        listCost != null);
  }

  /**
   * The line's money. Benefit-covered usage is prepaid (spec §8): Microsoft bills it at 0, so every amount is 0
   * and only the file's own unit price is echoed; under repricing its quantity has already counted in the tiers.
   */
  private static LineAmounts amounts(UsageLine line, BigDecimal listCost, BigDecimal rate, Reason reason) {
    if (reason == Reason.BENEFIT_COVERED) {
      BigDecimal zero = BigDecimal.ZERO;
      return new LineAmounts(zero, line.unitPrice(), zero, zero, zero, zero, zero, zero);
    }
    return listCost == null
        ? LineAmounts.of(line.unitPrice(), line.quantity(), line.pcToBcExchangeRate(), rate)
        : LineAmounts.ofListCost(listCost, line.quantity(), line.pcToBcExchangeRate(), rate);
  }

  /**
   * The fast path of the standard rule: the verdict that decides the line's reason and detail, found without
   * building the whole tree. The standard rule's reason and detail are those of its first failing part, in
   * order: a product rule, else the agreement, else the access funnel. Clean products are recognised in one
   * allocation-free pass; the access funnel depends only on the grants that can reach the resource, the day and
   * the partners, and is memoised on exactly those. Returns null if the one-pass product test and the product
   * rules ever disagreed (the full rule then decides).
   */
  private Verdict commonCase(UsageLine line) {
    List<PriceListEntry> entries = priceList().isPresent()
        ? priceList().get().entriesForMeter(line.productId(), line.skuId(), line.meterId()) : null;
    if (!Rules.passesProductRules(line, entries)) {
      LineFacts facts = factsOf(line);
      for (EligibilityRule productRule : Rules.productRules()) {
        Verdict v = productRule.evaluate(facts);
        if (!v.isEligible()) {
          return v;
        }
      }
      return null;
    }
    if (!partners().hasAgreementOn(line.billedPartnerId(), line.usageDate())) {
      return Rules.agreementActive().evaluate(factsOf(line));
    }
    int[] candidates = index().candidates(line.resource(), line.entitlementId(), hierarchy());
    return memo().get(new AccessKey(candidates, line.usageDate(), line.billedPartnerId(), line.resellerPartnerId()),
        () -> Rules.heldAllDay().evaluate(factsOf(line)));
  }

  /**
   * What the access funnel of a line depends on, given one calculator: the grants that can reach its resource
   * (an array memoised per resource, so compared by identity), its day, and its partner IDs.
   */
  private record AccessKey(int[] candidates, java.time.LocalDate day, String billedPartnerId,
      String resellerPartnerId) {}

  /** Evaluates the lines lazily, in order; the stream may be parallel. */
  public Stream<LineResult> evaluate(Stream<UsageLine> lines) {
    return lines.map(this::evaluate);
  }

  /** A collector that evaluates lines and folds them into a statement. */
  public Collector<UsageLine, ?, CreditStatement> toStatement() {
    return Collectors.mapping(this::evaluate, CreditStatement.collector());
  }
}
