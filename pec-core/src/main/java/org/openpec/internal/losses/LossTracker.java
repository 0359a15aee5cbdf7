package org.openpec.internal.losses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.AccessGrant;
import org.openpec.model.ManagementHierarchy;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.money.RoundingPolicy;
import org.openpec.rules.Reason;

/**
 * Gathers the lines that lost credit and merges them into {@link LossEpisode}s (rules §12, docs/cli.md {@code losses}).
 *
 * <p><b>Which lines.</b> A line is a loss ({@link #isLoss}) when its product is eligible and its verdict is not
 * {@code ELIGIBLE}: access losses, {@code AGREEMENT_INACTIVE}, and the codes of custom rules. Product exclusions
 * are not losses, and rejected records never reach a tracker. Every loss line lands in exactly one episode, so
 * Σ episode {@code creditLost} = Σ {@link LineResult#creditLost()} over all lines.
 *
 * <p><b>Episodes.</b> Lines are grouped by (customer id, resource compared as a scope, reason); within a group the
 * usage days holding at least one line are split into maximal runs of consecutive days. So that billing amounts
 * are never summed across currencies, lines of different billing currencies never share an episode (a customer
 * normally has one billing currency, so this splits nothing in practice). A day without a loss
 * line of that reason for that resource — no usage, only excluded, eligible or other-reason lines — ends a run.
 * Input may arrive in any order. Days are kept as runs that merge as soon as they touch, so memory is
 * proportional to the number of episodes (each holding its sums and one sentence), not to the number of days.
 *
 * <p><b>Money per line</b> ({@code rate} = {@link LineResult#rateInForce()}, {@code listCost} =
 * {@code amounts().listCost()}, so repriced lines use their repriced cost): {@code creditLost = listCost × rate}
 * (pricing currency, exact) and {@code billingCreditLost = FLOOR(listCost × FX, 2) − FLOOR(listCost × (1 − rate) × FX, 2)}
 * (billing currency), summed exactly.
 *
 * <p><b>Start event</b>, from the episode's first day (of the lines of that day, the one with the smallest billed
 * partner, reseller and entitlement ids speaks; then the smallest sentence):
 * <ul>
 *   <li>{@code NO_ACCESS}: the grant covering the resource whose revocation is the latest at or before the day's
 *       start — {@code grant G17 (Owner, AOBO, /subscriptions/S) revoked 2026-03-10T14:30:00Z} — or
 *       {@code no grant before 2026-03-01} when no covering grant was revoked by then (none existed before the
 *       day);</li>
 *   <li>{@code PARTIAL_DAY}: the same, at the first uncovered instant of the day (a qualifying grant wins a tie);
 *       when nothing was revoked by then, {@code no grant before <first covered instant>} (a grant made
 *       mid-day);</li>
 *   <li>{@code ASSIGNMENT_NOT_ACTIVE}: {@code only just-in-time (eligible) assignments, none active: grant G5 (...)};</li>
 *   <li>{@code ROLE_NOT_ELIGIBLE}: {@code only read-only roles (Reader)};</li>
 *   <li>{@code PARTNER_NOT_LINKED}: {@code grant G20 not linked to a partner ID};</li>
 *   <li>{@code OTHER_PARTNER}: {@code held only by other partners: grant G9 of partner Q, not the billed partner P};</li>
 *   <li>{@code AGREEMENT_INACTIVE}: {@code partner P has no active partner agreement on 2026-03-05};</li>
 *   <li>other codes (custom rules): the verdict's detail.</li>
 * </ul>
 * The grants covering a resource come from the grants given to the tracker (normally the calculator's), with
 * the management-group hierarchy for group scopes.
 *
 * <p>Mutable and not thread-safe: one tracker per thread, then {@link #merge}; {@link #collector} does this for
 * parallel streams.
 *
 * <pre>{@code
 * LossReport report = pec.evaluate(lines.stream()).collect(LossTracker.collector(pec));
 * report.episodes().get(0);   // the episode that lost the most credit
 * report.byCustomer();        // roll-ups per customer
 * }</pre>
 */
public final class LossTracker {

  private final CoveringGrants covering;
  private final Map<GroupKey, TreeMap<LocalDate, Run>> groups = new HashMap<>();

  private LossTracker(CoveringGrants covering) {
    this.covering = covering;
  }

  /** A tracker that explains starts with the calculator's grants and management-group hierarchy. */
  public static LossTracker of(PecCalculator calculator) {
    Objects.requireNonNull(calculator, "calculator");
    return of(calculator.grants(), calculator.hierarchy());
  }

  /**
   * A tracker that explains starts with the given grants.
   *
   * @param grants the grants the lines were evaluated with
   * @param hierarchy the management-group ancestry, for grants at group scope ({@link ManagementHierarchy#none()}
   *     if none)
   */
  public static LossTracker of(Collection<AccessGrant> grants, ManagementHierarchy hierarchy) {
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(hierarchy, "hierarchy");
    return new LossTracker(new CoveringGrants(List.copyOf(grants), hierarchy));
  }

  /** A collector of line results into a loss report, usable with parallel streams. */
  public static Collector<LineResult, ?, LossReport> collector(PecCalculator calculator) {
    Objects.requireNonNull(calculator, "calculator");
    CoveringGrants shared = new CoveringGrants(List.copyOf(calculator.grants()), calculator.hierarchy());
    return new Collector<LineResult, LossTracker, LossReport>() {
      @Override
      public Supplier<LossTracker> supplier() {
        return () -> new LossTracker(shared);
      }

      @Override
      public BiConsumer<LossTracker, LineResult> accumulator() {
        return LossTracker::add;
      }

      @Override
      public BinaryOperator<LossTracker> combiner() {
        return LossTracker::merge;
      }

      @Override
      public Function<LossTracker, LossReport> finisher() {
        return LossTracker::toReport;
      }

      @Override
      public Set<Characteristics> characteristics() {
        return Set.of(Characteristics.UNORDERED);
      }
    };
  }

  /** Whether {@code result} lost credit: its product is eligible and its verdict is not {@code ELIGIBLE}. */
  public static boolean isLoss(LineResult result) {
    Reason r = result.reason();
    return r != Reason.ELIGIBLE && r != Reason.REJECTED && !r.isProductExclusion();
  }

  /** Adds one line; a line that is not a {@linkplain #isLoss loss} is ignored. Returns this tracker. */
  public LossTracker add(LineResult result) {
    Objects.requireNonNull(result, "result");
    if (!isLoss(result)) {
      return this;
    }
    UsageLine line = result.line();
    Scope resource = line.resource();
    GroupKey key = new GroupKey(line.customerId(), resource.key(), result.reason(), line.pricingCurrency(),
        line.billingCurrency());
    BigDecimal listCost = result.amounts().listCost();
    BigDecimal rate = result.rateInForce();
    BigDecimal fx = line.pcToBcExchangeRate();
    BigDecimal billingLost = RoundingPolicy.billed(listCost.multiply(fx))
        .subtract(RoundingPolicy.billed(listCost.multiply(BigDecimal.ONE.subtract(rate)).multiply(fx)));
    String rep = representative(line);
    LocalDate day = line.usageDate();
    Run incoming = new Run(day, day, 1, listCost, listCost.multiply(rate), billingLost, line.entitlementId(),
        line.billingCurrency(), resource.path(), rep, null);
    insert(groups.computeIfAbsent(key, k -> new TreeMap<>()), incoming, result.reason().isAccessLoss(),
        () -> StartEvents.of(result, covering));
    return this;
  }

  /**
   * Adds the lines gathered by {@code other} (which should have been built from the same grants) and returns
   * this tracker; {@code other} must not be used afterwards.
   *
   * @throws IllegalArgumentException if {@code other} is this tracker
   */
  public LossTracker merge(LossTracker other) {
    Objects.requireNonNull(other, "other");
    if (other == this) {
      throw new IllegalArgumentException("a tracker cannot merge itself");
    }
    other.groups.forEach((key, runs) -> {
      TreeMap<LocalDate, Run> into = groups.computeIfAbsent(key, k -> new TreeMap<>());
      runs.values().forEach(run -> insert(into, run, false, run::event));
    });
    return this;
  }

  /** The episodes gathered so far, sorted, with their roll-ups. The tracker can go on adding lines. */
  public LossReport toReport() {
    List<LossEpisode> episodes = new ArrayList<>();
    groups.forEach((key, runs) -> runs.values().forEach(run -> episodes.add(episode(key, run))));
    return LossReport.of(episodes);
  }

  private LossEpisode episode(GroupKey key, Run run) {
    return new LossEpisode(key.customerId(), run.entitlementId, Scope.parse(run.scopePath), key.reason(), run.first,
        run.last, run.lines, run.listCost, run.creditLost, key.pricingCurrency(), run.billingCurrency, run.billingCreditLost, run.event);
  }

  /**
   * Adds {@code incoming} (one line's day, or a run of another tracker) to the runs of a group: it is summed into
   * every run it overlaps or touches, and those runs become one. The start event is the one of the merged run's
   * first day: of the lines of that day, the smallest representative speaks, then the smallest sentence; for the
   * codes of agreement and access ({@code sameSentence}), equal representatives say the same sentence, so the
   * incoming one is not even worked out. {@code event} is called only when the incoming run may speak.
   */
  private static void insert(TreeMap<LocalDate, Run> runs, Run incoming, boolean sameSentence,
      Supplier<String> event) {
    LocalDate from = incoming.first.minusDays(1);
    Map.Entry<LocalDate, Run> floor = runs.floorEntry(from);
    LocalDate scanFrom = floor != null && !floor.getValue().last.isBefore(from) ? floor.getKey() : from;
    List<Run> touching = new ArrayList<>(runs.subMap(scanFrom, true, incoming.last.plusDays(1), true).values());
    if (touching.isEmpty()) {
      incoming.event = event.get();
      runs.put(incoming.first, incoming);
      return;
    }
    Run merged = touching.get(0);
    for (Run r : touching) {
      runs.remove(r.first);
    }
    for (int i = 1; i < touching.size(); i++) {
      merged.absorb(touching.get(i));
    }
    int order = incoming.first.compareTo(merged.first);
    if (order < 0) {
      merged.speakFor(incoming.first, incoming.representative, event.get());
    } else if (order == 0) {
      int c = merged.representative.compareTo(incoming.representative);
      if (c > 0) {
        merged.speakFor(merged.first, incoming.representative, event.get());
      } else if (c == 0 && !sameSentence) {
        String said = event.get();
        if (said.compareTo(merged.event) < 0) {
          merged.speakFor(merged.first, incoming.representative, said);
        }
      }
    }
    merged.absorb(incoming);
    runs.put(merged.first, merged);
  }

  private static String representative(UsageLine line) {
    return line.billedPartnerId() + '\u0000' + line.resellerPartnerId() + '\u0000' + line.entitlementId();
  }

  private static String min(String a, String b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Lines of another pricing or billing currency never share an episode: its sums stay in one pair. */
  private record GroupKey(String customerId, String scopeKey, Reason reason, String pricingCurrency,
      String billingCurrency) {}

  /**
   * The lost lines of one group on a run of consecutive days: sums, smallest descriptive values, and the start event
   * of the line that speaks for the first day. Mutable, confined to its tracker.
   */
  private static final class Run {
    LocalDate first;
    LocalDate last;
    long lines;
    BigDecimal listCost;
    BigDecimal creditLost;
    BigDecimal billingCreditLost;
    String entitlementId;
    final String billingCurrency;
    String scopePath;
    String representative;
    String event;

    Run(LocalDate first, LocalDate last, long lines, BigDecimal listCost, BigDecimal creditLost,
        BigDecimal billingCreditLost, String entitlementId, String billingCurrency, String scopePath,
        String representative, String event) {
      this.first = first;
      this.last = last;
      this.lines = lines;
      this.listCost = listCost;
      this.creditLost = creditLost;
      this.billingCreditLost = billingCreditLost;
      this.entitlementId = entitlementId;
      this.billingCurrency = billingCurrency;
      this.scopePath = scopePath;
      this.representative = representative;
      this.event = event;
    }

    String event() {
      return event;
    }

    /** The first day is now {@code day}, and this line speaks for it. */
    void speakFor(LocalDate day, String rep, String sentence) {
      first = day;
      representative = rep;
      event = sentence;
    }

    /** Adds the days, sums and smallest descriptive values of {@code other}; the speaker stays this run's. */
    void absorb(Run other) {
      if (other.last.isAfter(last)) {
        last = other.last;
      }
      lines += other.lines;
      listCost = listCost.add(other.listCost);
      creditLost = creditLost.add(other.creditLost);
      billingCreditLost = billingCreditLost.add(other.billingCreditLost);
      entitlementId = min(entitlementId, other.entitlementId);
      scopePath = min(scopePath, other.scopePath);
    }
  }
}
