package org.openpec.examples.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collector;
import org.openpec.LineResult;
import org.openpec.access.UncertainWindow;
import org.openpec.internal.losses.LossReport;
import org.openpec.internal.losses.LossTracker;
import org.openpec.model.UsageLine;
import org.openpec.money.Currencies;
import org.openpec.money.LineAmounts;
import org.openpec.money.Totals;
import org.openpec.internal.reconcile.ReconciledLine;
import org.openpec.internal.reconcile.ReconciliationSummary;
import org.openpec.rules.Reason;

/**
 * The figures of one usage month that the summary table and the HTML report show, folded from the outcomes of
 * a single pass over the usage file.
 *
 * <p>Memory follows the aggregates, never the lines: one entry per (customer, currency pair), per subscription
 * and usage day, per loss episode (kept by the {@link LossTracker}), per uncertain window, and per line to raise
 * with Microsoft. Amounts are exact sums ({@link BigDecimal}); rounding is for display only. Figures in the
 * pricing currency ({@code listCost}, {@code credit}, credit lost) and in the billing currency ({@code billed},
 * {@code billingCredit}, billing credit lost) are kept apart, keyed by the {@link CurrencyPair} of the lines.
 *
 * <p>Mutable while {@link #add}ing, on one thread; {@link #finish()} freezes the month.
 */
public final class MonthFigures {

  /**
   * A billing currency and the pricing currency of the lines billed in it.
   *
   * @param billing {@code BillingCurrency}
   * @param pricing {@code PricingCurrency}
   */
  public record CurrencyPair(String billing, String pricing) implements Comparable<CurrencyPair> {

    /** Validates the pair. */
    public CurrencyPair {
      Objects.requireNonNull(billing, "billing");
      Objects.requireNonNull(pricing, "pricing");
    }

    /** The pair of a usage line. */
    public static CurrencyPair of(UsageLine line) {
      return new CurrencyPair(line.billingCurrency(), line.pricingCurrency());
    }

    @Override
    public int compareTo(CurrencyPair o) {
      int c = billing.compareTo(o.billing);
      return c != 0 ? c : pricing.compareTo(o.pricing);
    }
  }

  /**
   * Exact sums of a set of lines: every line, the lines of eligible products, and the credit lost.
   *
   * <p>{@code creditLost} is Σ {@link LineResult#creditLost()} (pricing currency); {@code billingCreditLost} is
   * Σ {@code FLOOR(listCost × FX, 2) − FLOOR(listCost × (1 − rate) × FX, 2)} over the lines that lost credit
   * (billing currency), the formula of the loss episodes.
   */
  public static final class Sums {
    private final Acc all = new Acc();
    private final Acc productEligible = new Acc();
    private BigDecimal creditLost = BigDecimal.ZERO;
    private BigDecimal billingCreditLost = BigDecimal.ZERO;
    private final Map<Reason, BigDecimal> lostByReason = new TreeMap<>();
    private final Map<Reason, LocalDate> lostSince = new TreeMap<>();
    private final Map<Reason, Long> excludedLines = new TreeMap<>();

    void add(LineResult r) {
      LineAmounts a = r.amounts();
      all.add(r.line(), a);
      Reason reason = r.reason();
      if (reason.isProductExclusion()) {
        excludedLines.merge(reason, 1L, Long::sum);
        return;
      }
      productEligible.add(r.line(), a);
      if (LossTracker.isLoss(r)) {
        BigDecimal lost = r.creditLost();
        creditLost = creditLost.add(lost);
        billingCreditLost = billingCreditLost.add(MonthFigures.billingCreditLost(r));
        lostByReason.merge(reason, lost, BigDecimal::add);
        lostSince.merge(reason, r.line().usageDate(), (x, y) -> x.isBefore(y) ? x : y);
      }
    }

    /** Totals of every line. */
    public Totals all() {
      return all.toTotals();
    }

    /** Totals of the lines whose product is eligible. */
    public Totals productEligible() {
      return productEligible.toTotals();
    }

    /** Σ credit / Σ list cost over the lines of eligible products, scale 6, HALF_EVEN (display only). */
    public BigDecimal effectiveRate() {
      return productEligible().effectiveRate();
    }

    /** Σ credit lost, pricing currency. */
    public BigDecimal creditLost() {
      return creditLost;
    }

    /** Σ credit lost, billing currency. */
    public BigDecimal billingCreditLost() {
      return billingCreditLost;
    }

    /** Credit lost per reason, pricing currency, in reason-code order. */
    public Map<Reason, BigDecimal> lostByReason() {
      return Collections.unmodifiableMap(lostByReason);
    }

    /** The first usage day on which credit was lost, per reason. */
    public Map<Reason, LocalDate> lostSince() {
      return Collections.unmodifiableMap(lostSince);
    }

    /** The number of lines of products that never earn credit, per reason. */
    public Map<Reason, Long> excludedLines() {
      return Collections.unmodifiableMap(excludedLines);
    }
  }

  /** Mutable exact sums of line amounts (one object per bucket, no allocation per line but the sums). */
  private static final class Acc {
    private Currencies currencies;
    private long lines;
    private BigDecimal listCost = BigDecimal.ZERO;
    private BigDecimal pricingPreTaxTotal = BigDecimal.ZERO;
    private BigDecimal credit = BigDecimal.ZERO;
    private BigDecimal billingPreTaxTotal = BigDecimal.ZERO;
    private BigDecimal billingCredit = BigDecimal.ZERO;

    void add(UsageLine line, LineAmounts a) {
      if (currencies == null) {
        currencies = new Currencies(line.pricingCurrency(), line.billingCurrency());
      }
      lines++;
      listCost = listCost.add(a.listCost());
      pricingPreTaxTotal = pricingPreTaxTotal.add(a.pricingPreTaxTotal());
      credit = credit.add(a.credit());
      billingPreTaxTotal = billingPreTaxTotal.add(a.billingPreTaxTotal());
      billingCredit = billingCredit.add(a.billingCredit());
    }

    Totals toTotals() {
      return lines == 0 ? Totals.zero() : new Totals(currencies, lines, listCost, pricingPreTaxTotal, credit, billingPreTaxTotal, billingCredit);
    }
  }

  /** The billing credit a line lost (the loss episodes' formula). */
  static BigDecimal billingCreditLost(LineResult r) {
    BigDecimal listCost = r.amounts().listCost();
    BigDecimal fx = r.line().pcToBcExchangeRate();
    return org.openpec.money.RoundingPolicy.billed(listCost.multiply(fx)).subtract(
        org.openpec.money.RoundingPolicy.billed(listCost.multiply(BigDecimal.ONE.subtract(r.rateInForce()))
            .multiply(fx)));
  }

  /**
   * One customer's figures in one currency pair.
   *
   * @param customerId {@code CustomerId}
   * @param name {@code CustomerName} of the customer's first record that names it; empty text when none
   * @param currency the billing and pricing currencies of the lines
   * @param sums the lines' sums
   */
  public record Customer(String customerId, String name, CurrencyPair currency, Sums sums) {

    /** The name, or the id when the usage file names no customer. */
    public String displayName() {
      return name.isEmpty() ? customerId : name;
    }
  }

  /** One usage day of one subscription: what its lines earned and lost, per reason. */
  public static final class Day {
    private long eligibleLines;
    private BigDecimal credit = BigDecimal.ZERO;
    private long excludedLines;
    private final Map<Reason, Long> lostLines = new TreeMap<>();
    private final Map<Reason, BigDecimal> lost = new TreeMap<>();
    private final Map<Reason, String> why = new TreeMap<>();
    private java.util.Set<String> uncertain = Set.of();

    void addUncertain(List<UncertainWindow> windows) {
      if (uncertain.isEmpty()) {
        uncertain = new java.util.TreeSet<>();
      }
      for (UncertainWindow w : windows) {
        uncertain.add(w.assignmentId().substring(w.assignmentId().lastIndexOf('/') + 1));
      }
    }

    /** The names of the role assignments whose uncertain windows touch the day's lines, sorted. */
    public java.util.Set<String> uncertain() {
      return Collections.unmodifiableSet(uncertain);
    }

    void add(LineResult r) {
      Reason reason = r.reason();
      if (reason == Reason.ELIGIBLE) {
        eligibleLines++;
        credit = credit.add(r.amounts().credit());
      } else if (reason.isProductExclusion()) {
        excludedLines++;
      } else {
        lostLines.merge(reason, 1L, Long::sum);
        lost.merge(reason, r.creditLost(), BigDecimal::add);
        why.merge(reason, r.detail(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }

    /** Lines that earned credit. */
    public long eligibleLines() {
      return eligibleLines;
    }

    /** Credit earned, pricing currency. */
    public BigDecimal credit() {
      return credit;
    }

    /** Lines of products that never earn. */
    public long excludedLines() {
      return excludedLines;
    }

    /** Lines that lost credit, per reason. */
    public Map<Reason, Long> lostLines() {
      return Collections.unmodifiableMap(lostLines);
    }

    /** Credit lost per reason, pricing currency. */
    public Map<Reason, BigDecimal> lost() {
      return Collections.unmodifiableMap(lost);
    }

    /** Per reason, the verdict's sentence of one line (the smallest, so that it does not depend on order). */
    public Map<Reason, String> why() {
      return Collections.unmodifiableMap(why);
    }

    /** The reason that lost the most credit that day (then the most lines, then code order), or null. */
    public Reason worstLoss() {
      Reason worst = null;
      for (Map.Entry<Reason, BigDecimal> e : lost.entrySet()) {
        if (worst == null) {
          worst = e.getKey();
          continue;
        }
        int c = e.getValue().compareTo(lost.get(worst));
        if (c > 0 || c == 0 && lostLines.get(e.getKey()) > lostLines.get(worst)) {
          worst = e.getKey();
        }
      }
      return worst;
    }
  }

  /** One subscription's days. */
  public static final class Subscription {
    private final String entitlementId;
    private final String customerId;
    private final String pricingCurrency;
    private final TreeMap<LocalDate, Day> days = new TreeMap<>();
    private BigDecimal creditLost = BigDecimal.ZERO;
    private BigDecimal listCost = BigDecimal.ZERO;

    Subscription(String entitlementId, String customerId, String pricingCurrency) {
      this.entitlementId = entitlementId;
      this.customerId = customerId;
      this.pricingCurrency = pricingCurrency;
    }

    void add(LineResult r, List<UncertainWindow> affecting) {
      Day day = days.computeIfAbsent(r.line().usageDate(), d -> new Day());
      day.add(r);
      if (!affecting.isEmpty()) {
        day.addUncertain(affecting);
      }
      creditLost = creditLost.add(r.creditLost());
      listCost = listCost.add(r.amounts().listCost());
    }

    /** The subscription's {@code EntitlementId}. */
    public String entitlementId() {
      return entitlementId;
    }

    /** The customer of the subscription's first line. */
    public String customerId() {
      return customerId;
    }

    /** The pricing currency of the subscription's first line. */
    public String pricingCurrency() {
      return pricingCurrency;
    }

    /** The usage days that have lines, in order. */
    public Map<LocalDate, Day> days() {
      return Collections.unmodifiableMap(days);
    }

    /** Σ credit lost, pricing currency. */
    public BigDecimal creditLost() {
      return creditLost;
    }

    /** Σ list cost, pricing currency. */
    public BigDecimal listCost() {
      return listCost;
    }
  }

  /** An uncertain window of the access import, and the lines whose verdict it bears on. */
  public static final class Uncertain {
    private final UncertainWindow window;
    private String pricingCurrency;
    private long lines;
    private BigDecimal listCost = BigDecimal.ZERO;
    private BigDecimal credit = BigDecimal.ZERO;
    private BigDecimal creditLost = BigDecimal.ZERO;

    Uncertain(UncertainWindow window) {
      this.window = window;
    }

    void add(LineResult r) {
      lines++;
      String cur = r.line().pricingCurrency();
      pricingCurrency = pricingCurrency == null || pricingCurrency.equals(cur) ? cur : "(mixed currencies)";
      listCost = listCost.add(r.amounts().listCost());
      credit = credit.add(r.amounts().credit());
      creditLost = creditLost.add(r.creditLost());
    }

    /** The window. */
    public UncertainWindow window() {
      return window;
    }

    /** The pricing currency of the lines it bears on; empty text when none. */
    public String pricingCurrency() {
      return pricingCurrency == null ? "" : pricingCurrency;
    }

    /** The lines it bears on. */
    public long lines() {
      return lines;
    }

    /** Σ list cost of those lines, pricing currency. */
    public BigDecimal listCost() {
      return listCost;
    }

    /** Σ credit earned by those lines, pricing currency. */
    public BigDecimal credit() {
      return credit;
    }

    /** Σ credit lost by those lines, pricing currency. */
    public BigDecimal creditLost() {
      return creditLost;
    }
  }

  /** The buckets of the last line added. */
  private record Buckets(String customerId, CurrencyPair pair, Sums currency, Sums customer,
      Subscription subscription) {}

  private Buckets last;
  private final LossTracker losses;
  private final Map<CurrencyPair, Sums> byCurrency = new TreeMap<>();
  private final Map<String, Map<CurrencyPair, Sums>> byCustomer = new LinkedHashMap<>();
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, Subscription> subscriptions = new HashMap<>();
  private final Map<UncertainWindow, Uncertain> uncertain = new IdentityHashMap<>();
  private final List<UncertainWindow> windows;
  private final Fold<ReconciledLine, ReconciliationSummary> reconcile;
  private final List<String> problems = new ArrayList<>();
  private long rejected;
  private long lines;
  private LocalDate firstDay;
  private LocalDate lastDay;
  private LossReport lossReport;
  private ReconciliationSummary reconciliation;

  private MonthFigures(LossTracker losses, List<UncertainWindow> windows, boolean reconcile) {
    this.losses = losses;
    this.windows = windows;
    this.reconcile = reconcile ? new Fold<>(ReconciliationSummary.collector()) : null;
    if (windows != null) {
      windows.forEach(w -> uncertain.put(w, new Uncertain(w)));
    }
  }

  /**
   * An empty month.
   *
   * @param losses the tracker that merges the lost lines into episodes (built from the run's grants)
   * @param windows the uncertain windows of the access import, or null when the access came from a grants file
   * @param reconcile whether the usage carries Microsoft's PEC columns, so that lines are reconciled
   */
  public static MonthFigures of(LossTracker losses, List<UncertainWindow> windows, boolean reconcile) {
    return new MonthFigures(Objects.requireNonNull(losses, "losses"), windows == null ? null : List.copyOf(windows),
        reconcile);
  }

  /**
   * Adds one evaluated line.
   *
   * @param r the line's result
   * @param customerName the {@code CustomerName} of the record, empty text when none
   * @param affecting the uncertain windows that bear on the line (empty when none)
   * @param reconciled the line reconciled against Microsoft's columns, or null when not reconciling
   */
  public void add(LineResult r, String customerName, List<UncertainWindow> affecting, ReconciledLine reconciled) {
    UsageLine line = r.line();
    lines++;
    if (last == null || !last.customerId.equals(line.customerId())
        || !last.subscription.entitlementId.equals(line.entitlementId())
        || !last.pair.billing().equals(line.billingCurrency()) || !last.pair.pricing().equals(line.pricingCurrency())) {
      // Lines of one customer and subscription tend to come together: look the buckets up only when they change.
      CurrencyPair pair = CurrencyPair.of(line);
      last = new Buckets(line.customerId(), pair, byCurrency.computeIfAbsent(pair, k -> new Sums()),
          byCustomer.computeIfAbsent(line.customerId(), k -> new TreeMap<>()).computeIfAbsent(pair, k -> new Sums()),
          subscriptions.computeIfAbsent(line.entitlementId(),
              k -> new Subscription(k, line.customerId(), line.pricingCurrency())));
      if (!customerName.isEmpty()) {
        names.putIfAbsent(line.customerId(), customerName);
      }
    }
    last.currency.add(r);
    last.customer.add(r);
    last.subscription.add(r, affecting);
    losses.add(r);
    for (UncertainWindow w : affecting) {
      uncertain.computeIfAbsent(w, Uncertain::new).add(r);
    }
    LocalDate day = line.usageDate();
    if (firstDay == null || day.isBefore(firstDay)) {
      firstDay = day;
    }
    if (lastDay == null || day.isAfter(lastDay)) {
      lastDay = day;
    }
    if (reconcile != null && reconciled != null) {
      reconcile.add(reconciled);
    }
  }

  /** Adds a record that could not be read: counted, its problem kept (the first {@code 20}). */
  public void addRejected(String problem, ReconciledLine reconciled) {
    rejected++;
    if (problems.size() < 20) {
      problems.add(problem);
    }
    if (reconcile != null && reconciled != null) {
      reconcile.add(reconciled);
    }
  }

  /** Ends the month: the loss episodes are merged. */
  public MonthFigures finish() {
    lossReport = losses.toReport();
    reconciliation = reconcile == null ? null : reconcile.finish();
    return this;
  }

  private void requireFinished() {
    if (lossReport == null) {
      throw new IllegalStateException("finish() the month first");
    }
  }

  /** The number of lines evaluated. */
  public long lines() {
    return lines;
  }

  /** The number of records that could not be read. */
  public long rejected() {
    return rejected;
  }

  /** The problems of the first rejected records, {@code FILE:LINE:COLUMN: message}. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** The first usage day, or null when no line was evaluated. */
  public LocalDate firstDay() {
    return firstDay;
  }

  /** The last usage day, or null when no line was evaluated. */
  public LocalDate lastDay() {
    return lastDay;
  }

  /** The month at a glance, per currency pair (sorted). */
  public Map<CurrencyPair, Sums> byCurrency() {
    return Collections.unmodifiableMap(byCurrency);
  }

  /**
   * One row per customer and currency pair: customers by credit lost (descending, summed over their pairs),
   * then list cost (descending), then id.
   */
  public List<Customer> customers() {
    List<Customer> rows = new ArrayList<>();
    Map<String, BigDecimal[]> rank = new HashMap<>();
    byCustomer.forEach((id, pairs) -> {
      BigDecimal lost = BigDecimal.ZERO;
      BigDecimal cost = BigDecimal.ZERO;
      for (Map.Entry<CurrencyPair, Sums> e : pairs.entrySet()) {
        rows.add(new Customer(id, names.getOrDefault(id, ""), e.getKey(), e.getValue()));
        lost = lost.add(e.getValue().creditLost());
        cost = cost.add(e.getValue().all().listCost());
      }
      rank.put(id, new BigDecimal[] {lost, cost});
    });
    Comparator<Customer> order = Comparator.<Customer, BigDecimal>comparing(c -> rank.get(c.customerId())[0])
        .reversed().thenComparing(Comparator.<Customer, BigDecimal>comparing(c -> rank.get(c.customerId())[1])
            .reversed()).thenComparing(Customer::customerId).thenComparing(Customer::currency);
    rows.sort(order);
    return rows;
  }

  /** The number of distinct customers. */
  public int customerCount() {
    return byCustomer.size();
  }

  /** The customer's name from the usage file, or empty text. */
  public String name(String customerId) {
    return names.getOrDefault(customerId, "");
  }

  /** The subscriptions, most credit lost first, then most list cost, then id. */
  public List<Subscription> subscriptions() {
    List<Subscription> list = new ArrayList<>(subscriptions.values());
    list.sort(Comparator.comparing(Subscription::creditLost).reversed()
        .thenComparing(Comparator.comparing(Subscription::listCost).reversed())
        .thenComparing(Subscription::entitlementId));
    return list;
  }

  /** The loss episodes and their roll-ups. */
  public LossReport losses() {
    requireFinished();
    return lossReport;
  }

  /** Whether the access came from Azure's records, so that uncertain windows are known. */
  public boolean hasUncertainty() {
    return windows != null;
  }

  /** The uncertain windows with the lines they bear on, most list cost first, then in the import's order. */
  public List<Uncertain> uncertain() {
    List<Uncertain> list = new ArrayList<>();
    if (windows != null) {
      windows.forEach(w -> list.add(uncertain.get(w)));
    }
    uncertain.forEach((w, u) -> {
      if (!list.contains(u)) {
        list.add(u);
      }
    });
    list.sort(Comparator.comparing(Uncertain::listCost).reversed());
    return list;
  }

  /** The reconciliation with Microsoft's columns, when the usage carries them. */
  public java.util.Optional<ReconciliationSummary> reconciliation() {
    requireFinished();
    return java.util.Optional.ofNullable(reconciliation);
  }

  /** A collector's accumulation on the calling thread, without building a result per element. */
  private static final class Fold<T, R> {
    private final Inner<T, ?, R> inner;

    Fold(Collector<T, ?, R> collector) {
      this.inner = new Inner<>(collector);
    }

    void add(T t) {
      inner.add(t);
    }

    R finish() {
      return inner.finish();
    }

    private static final class Inner<T, A, R> {
      private final BiConsumer<A, T> accumulator;
      private final Function<A, R> finisher;
      private final A container;

      Inner(Collector<T, A, R> c) {
        this.accumulator = c.accumulator();
        this.finisher = c.finisher();
        this.container = c.supplier().get();
      }

      void add(T t) {
        accumulator.accept(container, t);
      }

      R finish() {
        return finisher.apply(container);
      }
    }
  }
}
