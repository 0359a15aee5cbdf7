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
import org.openpec.model.RoleCatalog;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.money.PecRate;
import org.openpec.pricing.Repricing;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.EligibilityRule;
import org.openpec.rules.LineFacts;
import org.openpec.rules.Decision;
import org.openpec.rules.Reason;
import org.openpec.rules.Rules;
import org.openpec.rules.Verdict;
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

  /** {@return a builder; every attribute has a default (no grants: every line is {@code NO_ACCESS})} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PecCalculator}; not thread-safe. */
  public static final class Builder extends ImmutablePecCalculator.Builder {
    Builder() {}
  }

  /** {@return the eligibility rule; {@link Rules#standard()} by default} */
  @Value.Default
  @Value.Auxiliary
  public EligibilityRule rule() {
    return Rules.standard();
  }

  /** {@return the rate schedule; 15 % on every date by default} */
  @Value.Default
  public PecRate rates() {
    return PecRate.standard();
  }

  /** {@return the role catalogue; the bundled one by default} */
  @Value.Default
  @Value.Auxiliary
  public RoleCatalog roles() {
    return RoleCatalog.bundled();
  }

  /** {@return the consumption price list; without one, price-list rules are skipped (rules §6)} */
  @Value.Auxiliary
  public abstract Optional<PriceList> priceList();

  /** {@return the grants, in input order} */
  @Value.Auxiliary
  public abstract List<AccessGrant> grants();

  /** {@return partner organisations and agreements; without a partners file, every agreement is assumed active} */
  @Value.Default
  @Value.Auxiliary
  public PartnerDirectory partners() {
    return PartnerDirectory.assumeAllActive();
  }

  /** {@return the management-group hierarchy; none by default (group-scope grants then cover nothing)} */
  @Value.Default
  @Value.Auxiliary
  public ManagementHierarchy hierarchy() {
    return ManagementHierarchy.none();
  }

  /** {@return how qualifying grants must cover the day; {@link CoveragePolicy#UNION} by default} */
  @Value.Default
  public CoveragePolicy coverage() {
    return CoveragePolicy.UNION;
  }

  @Value.Derived
  @Value.Auxiliary
  GrantIndex index() {
    return new GrantIndex(grants());
  }

  /** What the rules remember across lines with equal facts ({@link LineFacts#remember}); invisible in results. */
  @Value.Derived
  @Value.Auxiliary
  Memo memo() {
    return new Memo(1 << 14);
  }

  /**
   * The number of grants at management-group scope that cover nothing because no hierarchy was given; a
   * caller reports this once rather than per line.
    *
    * @return the number of such grants
   */
  public int unresolvedGroupGrants() {
    return hierarchy().isGiven() ? 0 : index().groupGrantCount();
  }

  /**
   * The facts the rules see for {@code line}, each looked up on first request; for one thread (a rule reads them
   * while deciding the line).
   *
   * @param line the usage line
   * @return the facts the rules see
   */
  public LineFacts factsOf(UsageLine line) {
    return new CalculatorFacts(this, Objects.requireNonNull(line, "line"));
  }

  /**
   * {@return the verdict of the rule for {@code line}: the full tree, with every rule's result and the evidence}
   *
   * @param line the usage line
   */
  public Verdict verdictOf(UsageLine line) {
    return rule().explain(factsOf(line));
  }

  /**
   * Evaluates one line priced by its own unit price.
   *
   * @param line the usage line
   * @return the line's result
   */
  public LineResult evaluate(UsageLine line) {
    return evaluate(line, null);
  }

  /**
   * Evaluates one repriced line: its list cost comes from the price list rather than from its unit price.
   *
   * @param line the usage line
   * @param listCost the line's graduated list cost, pricing currency; null to price the line by its own unit price
   * @return the line's result, repriced
   */
  public LineResult evaluate(UsageLine line, BigDecimal listCost) {
    Objects.requireNonNull(line, "line");
    BigDecimal inForce = rates().rateOn(line.usageDate());
    Decision decision = rule().decide(factsOf(line));
    BigDecimal applied = decision.isEligible() ? inForce : BigDecimal.ZERO;
    return LineResult.decided(line, decision.reason(), decision.detail(), inForce,
        amounts(line, listCost, applied, decision.reason()), listCost != null, () -> verdictOf(line));
  }

  /**
   * Evaluates one line of a repricing {@code plan}: priced from the price list's graduated tiers when the plan
   * prices it, else by its own unit price.
   *
   * @param line the usage line
   * @param plan the repricing plan of the file
   * @param recordNumber the line's record number in the usage file, as given to the plan's planner
   * @return the line's result
   */
  public LineResult evaluate(UsageLine line, long recordNumber, Repricing.Plan plan) {
    Objects.requireNonNull(plan, "plan");
    Optional<BigDecimal> cost = plan.listCost(recordNumber, line);
    return evaluate(line, cost.orElse(null));
  }

  /**
   * The line's money. Benefit-covered usage is prepaid (rules §8): Microsoft bills it at 0, so every amount is 0
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

  /** Identity: two calculators are equal only when they are the same object. */
  @Override
  public final boolean equals(Object other) {
    return this == other;
  }

  /** The identity hash code, consistent with {@link #equals}. */
  @Override
  public final int hashCode() {
    return System.identityHashCode(this);
  }

  /**
   * Evaluates the lines lazily, in order; the stream may be parallel.
   *
   * @param lines the usage lines
   * @return the results, one per line, in order
   */
  public Stream<LineResult> evaluate(Stream<UsageLine> lines) {
    return lines.map(this::evaluate);
  }

  /** {@return a collector that evaluates lines and folds them into a statement} */
  public Collector<UsageLine, ?, CreditStatement> toStatement() {
    return Collectors.mapping(this::evaluate, CreditStatement.collector());
  }
}
