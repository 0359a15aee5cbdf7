package org.openpec.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.UsageLine;
import org.openpec.pricing.PriceListConflictException.Kind;

/**
 * Repricing from the price list (rules §8 and §12): the list cost of each usage line taken from the price-list
 * entries in force on its usage day, with graduated tiers, instead of from the line's own {@code UnitPrice}.
 *
 * <p><b>Schedules.</b> The entries that match a line as in rules §6.1 (same {@code ProductId} and {@code SkuId}
 * ignoring case; the line's meter listed, or no meter listed; in force on the usage day) are its price
 * schedule, one tier per entry ({@link PriceSchedule}); an entry without tier bounds is one unbounded tier, an
 * empty {@code PricingTierRangeMin} counts as 0. <b>[decision]</b> When entries that list the line's meter are
 * in force, they alone are its schedule; the entries without meters apply only on days when none that list it
 * are in force (the more specific row wins, which is why the spec does not count a meter-specific and a
 * meter-less entry as a conflict). Equal entries (same tier range and price) are duplicates and count once.
 *
 * <p><b>Validation.</b> {@link #of} rejects the whole price list, whether or not a usage line would reach the
 * entries at fault, with a {@link PriceListConflictException} when an entry has no unit price; when two entries
 * a line could both select (same product, SKU, a shared meter or both without meters, the same tier range and
 * overlapping days) have different prices; or when the tiers that would be in force together for one meter
 * (or for the meter-less rows) on some day do not tile from 0. Conflicts are looked for before tilings.
 *
 * <p><b>Accumulation.</b> Tiers are graduated over the cumulative quantity of an (Azure plan
 * {@code SubscriptionId}, {@code MeterId}, calendar month), both ids compared ignoring case. Every readable
 * usage line accumulates whatever its PEC reason, whether or not it is repriced; rejected records are not
 * given to the planner and do not. The order of accumulation is {@code UsageDate}, then {@code EntitlementId},
 * then {@code ResourceURI} (trimmed; empty first), both compared ignoring case as
 * {@link String#CASE_INSENSITIVE_ORDER} does, then the record number; so a line's cost never depends on the
 * order of the input. A line uses the tiers in force on its own day while the cumulative quantity keeps
 * running when an entry ends and the next begins. A line with no entry in force is not repriced (it keeps its
 * own {@code UnitPrice}) but still accumulates.
 *
 * <p><b>Two passes.</b> The first pass ({@link #planner()} or {@link #plan(Stream)}) sees every readable line
 * and keeps a small record only of the lines that can meet tiers: those whose meter is listed by a tiered
 * schedule, or whose product and SKU have a meter-less tiered schedule. It then computes the list cost of
 * every line priced by more than one tier and keeps only that ({@link Plan}: a record number and an amount per
 * tiered line). The second pass asks the plan for each line's list cost ({@link Plan#listCost}); lines with a
 * one-tier schedule are priced on the spot ({@code UnitPrice × Quantity}), so memory stays proportional to the
 * tier-relevant lines. <b>[assumption]</b> A {@code MeterId} belongs to one product and SKU (as in
 * Microsoft's catalogue): a line of another product that shares a meter with lines tiered only through a
 * meter-less schedule would not be counted in their cumulative quantity.
 *
 * <pre>{@code
 * Repricing repricing = Repricing.of(priceList);          // throws PriceListConflictException
 * Repricing.Plan plan = repricing.plan(readableLines());   // pass 1: Stream<NumberedLine>
 * for (NumberedLine n : readableLinesAgain()) {           // pass 2, in input order
 *   LineResult r = plan.listCost(n.recordNumber(), n.line())
 *       .map(cost -> calculator.evaluate(n.line(), cost))
 *       .orElseGet(() -> calculator.evaluate(n.line()));
 * }
 * }</pre>
 *
 * <p><b>Currency.</b> An entry's {@code Currency}, when given, must be the usage line's {@code PricingCurrency}
 * (ignoring case): a EUR price never reprices a USD line. Entries in force together for one meter that name
 * different currencies, or a readable line whose in-force entries are in another currency, make the input
 * unusable: {@link PriceListConflictException} of kind {@code CURRENCY_MISMATCH}, raised by the first pass
 * ({@link Planner#add}) before any line is priced, naming the entry and the record. An entry without
 * {@code Currency} fits every line.
 *
 * <p>Immutable and thread-safe; the amounts are exact (add, subtract, multiply only).
 */
public final class Repricing {

  private static final Comparator<String> IGNORING_CASE = String.CASE_INSENSITIVE_ORDER;

  /** Product-and-SKU key → meter key ({@code ""} for the rows without meters) → day segments. */
  private final Map<String, Map<String, DaySchedules>> schedules;
  /** Meter keys that some meter-specific tiered schedule prices. */
  private final Set<String> tieredMeters;
  /** Product-and-SKU keys that have a tiered schedule without meters. */
  private final Set<String> tieredMeterlessProducts;

  /** Names entries in messages. */
  private final Function<? super PriceListEntry, String> entryName;

  private Repricing(Map<String, Map<String, DaySchedules>> schedules, Set<String> tieredMeters,
      Set<String> tieredMeterlessProducts, Function<? super PriceListEntry, String> entryName) {
    this.entryName = entryName;
    this.schedules = schedules;
    this.tieredMeters = tieredMeters;
    this.tieredMeterlessProducts = tieredMeterlessProducts;
  }

  /**
   * {@return the repricing from {@code prices}, validated; the entries at fault are named by {@link #describe}}
   *
   * @param prices the price list
   * @throws PriceListConflictException when the price list cannot be used for repricing (see the class comment)
   */
  public static Repricing of(PriceList prices) {
    return of(prices, Repricing::describe);
  }

  /**
   * Repricing from {@code prices}, validated, naming the entries at fault with {@code entryName} (for example
   * {@code prices.csv:12}, looked up by identity from the entries the reader built).
   *
   * @param prices the price list
   * @param entryName names an entry in messages
   * @return the repricing
   * @throws PriceListConflictException when the price list cannot be used for repricing (see the class comment)
   */
  public static Repricing of(PriceList prices, Function<? super PriceListEntry, String> entryName) {
    Objects.requireNonNull(prices, "prices");
    Objects.requireNonNull(entryName, "entryName");
    return new Builder(prices, entryName).build();
  }

  /**
   * An entry as text for messages: its product, SKU, meters, tier bounds, days and unit price, e.g.
   * {@code ProductId DZH318Z0BQ4L, SkuId 0001, MeterIds m1, tier [1, 100], days 2026-01-01..open, UnitPrice 1.00}.
   *
   * @param entry the price-list entry
   * @return the description
   */
  public static String describe(PriceListEntry entry) {
    StringBuilder s = new StringBuilder("ProductId ").append(entry.productId()).append(", SkuId ").append(entry.skuId());
    s.append(", MeterIds ").append(entry.meterIds().isEmpty() ? "(none)" : String.join(";", entry.meterIds()));
    if (entry.tierMin().isPresent() || entry.tierMax().isPresent()) {
      s.append(", tier ").append(rangeOf(entry));
    }
    s.append(", days ").append(days(entry.effectiveStart(), entry.effectiveEnd()));
    s.append(", UnitPrice ").append(entry.unitPrice().map(BigDecimal::toPlainString).orElse("(none)"));
    return s.toString();
  }

  /**
   * The price schedule of {@code line} on its usage day; empty when no entry is in force (the line then keeps
   * its own unit price).
   *
   * @param line the usage line
   * @return the schedule, or empty when none prices the line
   */
  public Optional<PriceSchedule> scheduleFor(UsageLine line) {
    Objects.requireNonNull(line, "line");
    return scheduleFor(line.productId(), line.skuId(), line.meterId(), line.usageDate());
  }

  /**
   * The price schedule of a product, SKU and meter on {@code day}: the in-force entries that list the meter,
   * else the in-force entries without meters; empty when there are none.
   *
   * @param productId the {@code ProductId} of the price list
   * @param skuId the {@code SkuId} of the price list
   * @param meterId the {@code MeterId}
   * @param day the UTC usage day
   * @return the schedule, or empty when none is in force
   */
  public Optional<PriceSchedule> scheduleFor(String productId, String skuId, String meterId, LocalDate day) {
    Objects.requireNonNull(day, "day");
    Map<String, DaySchedules> byMeter = schedules.get(productKey(productId, skuId));
    if (byMeter == null) {
      return Optional.empty();
    }
    DaySchedules specific = byMeter.get(meterKey(meterId));
    PriceSchedule found = specific == null ? null : specific.on(day);
    if (found == null) {
      DaySchedules meterless = byMeter.get("");
      found = meterless == null ? null : meterless.on(day);
    }
    return Optional.ofNullable(found);
  }

  /**
   * Refuses a line whose in-force entries are in another currency than its {@code PricingCurrency}.
   *
   * @throws PriceListConflictException of kind {@code CURRENCY_MISMATCH}
   */
  void requireSameCurrency(long recordNumber, UsageLine line) {
    Map<String, DaySchedules> byMeter = schedules.get(productKey(line.productId(), line.skuId()));
    if (byMeter == null) {
      return;
    }
    DaySchedules specific = byMeter.get(meterKey(line.meterId()));
    int at = specific == null ? -1 : specific.indexOn(line.usageDate());
    DaySchedules used = specific;
    if (at < 0) {
      used = byMeter.get("");
      at = used == null ? -1 : used.indexOn(line.usageDate());
    }
    if (at < 0) {
      return;
    }
    PriceListEntry entry = used.currencyEntries[at];
    if (entry != null && !entry.currency().trim().equalsIgnoreCase(line.pricingCurrency().trim())) {
      throw new PriceListConflictException(Kind.CURRENCY_MISMATCH, List.of(entry),
          "price list entry " + entryName.apply(entry) + " is in " + entry.currency().trim() + " but usage record "
              + recordNumber + " (ProductId " + line.productId() + ", SkuId " + line.skuId() + ", "
              + line.usageDate() + ") is priced in " + line.pricingCurrency()
              + ": repricing never mixes currencies");
    }
  }

  /** Whether the first pass must keep {@code line}: it may meet tiers or precede a line that does. */
  boolean isTierRelevant(UsageLine line) {
    return tieredMeters.contains(meterKey(line.meterId()))
        || tieredMeterlessProducts.contains(productKey(line.productId(), line.skuId()));
  }

  /** {@return whether any schedule of the price list has more than one tier} */
  public boolean hasTiers() {
    return !tieredMeters.isEmpty() || !tieredMeterlessProducts.isEmpty();
  }

  /** {@return a first pass to fill with every readable line; see {@link Planner}} */
  public Planner planner() {
    return new Planner();
  }

  /**
   * The first pass over {@code lines} (every readable line, in any order): a plan holding the list cost of
   * every tiered line. The stream is consumed sequentially.
   *
   * @param lines the usage lines
   * @return the plan
   * @throws IllegalArgumentException when two tier-relevant lines share a record number
   */
  public Plan plan(Stream<NumberedLine> lines) {
    Objects.requireNonNull(lines, "lines");
    Planner planner = planner();
    for (Iterator<NumberedLine> it = lines.iterator(); it.hasNext(); ) {
      planner.add(it.next());
    }
    return planner.plan();
  }

  /**
   * The first pass over {@code lines} numbered 1, 2, … in list order: a convenience for tests and small
   * programs.
   *
   * @param lines the usage lines
   * @return the plan
   */
  public Plan plan(List<UsageLine> lines) {
    Objects.requireNonNull(lines, "lines");
    Planner planner = planner();
    long number = 1;
    for (UsageLine line : lines) {
      planner.add(number++, line);
    }
    return planner.plan();
  }

  /**
   * The first pass: collects the tier-relevant lines, then {@link #plan()} computes their list costs in the
   * order of accumulation. Memory grows with the tier-relevant lines only. Single use and not thread-safe.
   */
  public final class Planner {

    private List<Pending> pending = new ArrayList<>();

    private Planner() {}

    /**
     * Adds one readable usage line (whatever its PEC reason; never a rejected record).
     *
     * @param line the usage line
     * @param recordNumber the record's number in the usage file, unique within the run
     * @return this planner
     * @throws IllegalStateException when {@link #plan()} was already called
     * @throws PriceListConflictException when the entries in force for the line are in another currency than its
     *     {@code PricingCurrency}
     */
    public Planner add(long recordNumber, UsageLine line) {
      Objects.requireNonNull(line, "line");
      if (pending == null) {
        throw new IllegalStateException("this planner has already made its plan");
      }
      requireSameCurrency(recordNumber, line);
      if (isTierRelevant(line)) {
        pending.add(new Pending(line.subscriptionId().trim().toLowerCase(Locale.ROOT), meterKey(line.meterId()),
            line.usageDate(), line.entitlementId().trim(), line.resourceUri().trim(), recordNumber, line.quantity(),
            scheduleFor(line).orElse(null)));
      }
      return this;
    }

    /**
     * Adds one readable usage line; see {@link #add(long, UsageLine)}.
     *
     * @param line the usage line
     * @return this planner
     */
    public Planner add(NumberedLine line) {
      Objects.requireNonNull(line, "line");
      return add(line.recordNumber(), line.line());
    }

    /** {@return the number of lines kept so far (the tier-relevant ones)} */
    public int keptLines() {
      return pending == null ? 0 : pending.size();
    }

    /**
     * The plan: accumulates each (plan, meter, month) in the order of accumulation and records the list cost
     * {@code F(q + x) − F(q)} of every line whose schedule on its day has more than one tier.
     *
     * @return the plan
     * @throws IllegalArgumentException when two kept lines share a record number
     * @throws IllegalStateException when called twice
     */
    public Plan plan() {
      if (pending == null) {
        throw new IllegalStateException("this planner has already made its plan");
      }
      List<Pending> lines = pending;
      pending = null;
      lines.sort(ACCUMULATION_ORDER);
      List<Pending> tiered = new ArrayList<>();
      List<BigDecimal> tieredCosts = new ArrayList<>();
      String plan = null;
      String meter = null;
      YearMonth month = null;
      BigDecimal cumulative = BigDecimal.ZERO;
      for (Pending p : lines) {
        YearMonth m = YearMonth.from(p.day());
        if (!p.plan().equals(plan) || !p.meter().equals(meter) || !m.equals(month)) {
          plan = p.plan();
          meter = p.meter();
          month = m;
          cumulative = BigDecimal.ZERO;
        }
        if (p.schedule() != null && p.schedule().isTiered()) {
          tiered.add(p);
          tieredCosts.add(p.schedule().listCost(cumulative, p.quantity()));
        }
        cumulative = cumulative.add(p.quantity());
      }
      requireUniqueRecordNumbers(lines);
      Integer[] order = new Integer[tiered.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingLong(i -> tiered.get(i).recordNumber()));
      long[] records = new long[order.length];
      BigDecimal[] costs = new BigDecimal[order.length];
      for (int i = 0; i < order.length; i++) {
        records[i] = tiered.get(order[i]).recordNumber();
        costs[i] = tieredCosts.get(order[i]);
      }
      return new Plan(records, costs);
    }
  }

  private static void requireUniqueRecordNumbers(List<Pending> lines) {
    long[] numbers = new long[lines.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = lines.get(i).recordNumber();
    }
    Arrays.sort(numbers);
    for (int i = 1; i < numbers.length; i++) {
      if (numbers[i] == numbers[i - 1]) {
        throw new IllegalArgumentException("record number " + numbers[i] + " was given to the planner twice");
      }
    }
  }

  /**
   * The result of the first pass: the list cost of every tiered line by record number. The second pass asks it
   * for each line in input order. Immutable and thread-safe.
   */
  public final class Plan {

    private final long[] records;
    private final BigDecimal[] costs;

    private Plan(long[] records, BigDecimal[] costs) {
      this.records = records;
      this.costs = costs;
    }

    /**
     * The repriced list cost of a line, in the price list's currency, exact: for a line priced by more than one
     * tier, {@code F(q + x) − F(q)} as planned; for a one-tier schedule, {@code UnitPrice × Quantity} of the
     * entry in force; empty when no entry is in force on the line's day (the line keeps its own unit price).
     * Pass the result to {@code PecCalculator.evaluate(line, listCost)}, which makes the display divisions.
     *
     * @param recordNumber the number the line had in the first pass
     * @param line the same line as in the first pass
     * @return the list cost, or empty when the plan does not price the line
     * @throws IllegalArgumentException when the line is tiered but the first pass did not see its record number
     * @throws PriceListConflictException when the entries in force are in another currency than the line's
     */
    public Optional<BigDecimal> listCost(long recordNumber, UsageLine line) {
      Objects.requireNonNull(line, "line");
      requireSameCurrency(recordNumber, line);
      Optional<PriceSchedule> schedule = scheduleFor(line);
      if (schedule.isEmpty()) {
        return Optional.empty();
      }
      if (!schedule.get().isTiered()) {
        return Optional.of(schedule.get().listCost(BigDecimal.ZERO, line.quantity()));
      }
      int at = Arrays.binarySearch(records, recordNumber);
      if (at < 0) {
        throw new IllegalArgumentException("record " + recordNumber
            + " has a tiered price but the first pass did not see it");
      }
      return Optional.of(costs[at]);
    }

    /**
     * {@return the repriced list cost of a numbered line; see {@link #listCost(long, UsageLine)}}
     *
     * @param line the usage line
     */
    public Optional<BigDecimal> listCost(NumberedLine line) {
      Objects.requireNonNull(line, "line");
      return listCost(line.recordNumber(), line.line());
    }

    /** {@return the number of tiered lines the plan holds an amount for} */
    public int tieredLines() {
      return records.length;
    }
  }

  /** One kept line of the first pass: its accumulation key, its place in the order, its quantity and schedule. */
  private record Pending(String plan, String meter, LocalDate day, String entitlementId, String resourceUri,
      long recordNumber, BigDecimal quantity, PriceSchedule schedule) {}

  /** (plan, meter) then the spec's order: day, EntitlementId, ResourceURI ignoring case, record number. */
  private static final Comparator<Pending> ACCUMULATION_ORDER = Comparator.comparing(Pending::plan)
      .thenComparing(Pending::meter)
      .thenComparing(Pending::day)
      .thenComparing(Pending::entitlementId, IGNORING_CASE)
      .thenComparing(Pending::resourceUri, IGNORING_CASE)
      .thenComparingLong(Pending::recordNumber);

  static String productKey(String productId, String skuId) {
    return productId.trim().toLowerCase(Locale.ROOT) + '\u0000' + skuId.trim().toLowerCase(Locale.ROOT);
  }

  static String meterKey(String meterId) {
    return meterId.trim().toLowerCase(Locale.ROOT);
  }

  static PriceSchedule.Tier tierOf(PriceListEntry entry) {
    return new PriceSchedule.Tier(entry.tierMin().orElse(BigDecimal.ZERO), entry.tierMax(),
        entry.unitPrice().orElse(BigDecimal.ZERO));
  }

  private static String rangeOf(PriceListEntry entry) {
    return PriceSchedule.rangeText(entry.tierMin().orElse(BigDecimal.ZERO), entry.tierMax());
  }

  private static String days(Optional<LocalDate> start, Optional<LocalDate> end) {
    return start.map(LocalDate::toString).orElse("open") + ".." + end.map(LocalDate::toString).orElse("open");
  }

  /** The schedules of one product, SKU and meter key, by disjoint runs of days. */
  private static final class DaySchedules {
    private final LocalDate[] from;
    private final LocalDate[] to;
    private final PriceSchedule[] schedules;
    /** Per run, an entry that names the run's currency, or null when none names one. */
    final PriceListEntry[] currencyEntries;

    DaySchedules(List<LocalDate> from, List<LocalDate> to, List<PriceSchedule> schedules,
        List<PriceListEntry> currencyEntries) {
      this.from = from.toArray(new LocalDate[0]);
      this.to = to.toArray(new LocalDate[0]);
      this.schedules = schedules.toArray(new PriceSchedule[0]);
      this.currencyEntries = currencyEntries.toArray(new PriceListEntry[0]);
    }

    /** The schedule in force on {@code day}, or null. */
    PriceSchedule on(LocalDate day) {
      int at = indexOn(day);
      return at >= 0 ? schedules[at] : null;
    }

    /** The index of the run holding {@code day}, or -1. */
    int indexOn(LocalDate day) {
      int at = Arrays.binarySearch(from, day);
      if (at < 0) {
        at = -at - 2;
      }
      return at >= 0 && !day.isAfter(to[at]) ? at : -1;
    }

    boolean isTiered() {
      for (PriceSchedule s : schedules) {
        if (s.isTiered()) {
          return true;
        }
      }
      return false;
    }
  }

  /** A run of days {@code [from, to]} (inclusive) on which the same entries of one meter key are in force. */
  private record Segment(LocalDate from, LocalDate to, List<PriceListEntry> inForce) {}

  /** Builds and validates the index of schedules. */
  private static final class Builder {
    private final PriceList prices;
    private final Function<? super PriceListEntry, String> entryName;

    Builder(PriceList prices, Function<? super PriceListEntry, String> entryName) {
      this.prices = prices;
      this.entryName = entryName;
    }

    Repricing build() {
      // Product-and-SKU key → meter key → entries, in a fixed order so that the first fault reported is stable.
      TreeMap<String, TreeMap<String, List<PriceListEntry>>> buckets = new TreeMap<>();
      for (List<PriceListEntry> group : prices.groups()) {
        for (PriceListEntry e : group) {
          TreeMap<String, List<PriceListEntry>> byMeter =
              buckets.computeIfAbsent(productKey(e.productId(), e.skuId()), k -> new TreeMap<>());
          if (e.meterIds().isEmpty()) {
            byMeter.computeIfAbsent("", k -> new ArrayList<>()).add(e);
          } else {
            Set<String> meters = new TreeSet<>();
            for (String m : e.meterIds()) {
              meters.add(meterKey(m));
            }
            for (String m : meters) {
              byMeter.computeIfAbsent(m, k -> new ArrayList<>()).add(e);
            }
          }
        }
      }
      buckets.forEach((product, byMeter) -> byMeter.forEach((meter, entries) -> {
        for (PriceListEntry e : entries) {
          if (e.unitPrice().isEmpty()) {
            throw new PriceListConflictException(Kind.MISSING_UNIT_PRICE, List.of(e),
                "price list entry " + name(e) + " has no UnitPrice, which repricing needs");
          }
        }
      }));
      Map<String, Map<String, List<Segment>>> segments = new TreeMap<>();
      buckets.forEach((product, byMeter) -> byMeter.forEach((meter, entries) ->
          segments.computeIfAbsent(product, k -> new TreeMap<>()).put(meter, segmentsOf(entries))));
      segments.forEach((product, byMeter) -> byMeter.forEach((meter, runs) -> {
        for (Segment s : runs) {
          requireNoConflict(meter, s);
        }
      }));
      Map<String, Map<String, DaySchedules>> index = new HashMap<>();
      Set<String> tieredMeters = new HashSet<>();
      Set<String> tieredMeterlessProducts = new HashSet<>();
      segments.forEach((product, byMeter) -> byMeter.forEach((meter, runs) -> {
        List<LocalDate> from = new ArrayList<>();
        List<LocalDate> to = new ArrayList<>();
        List<PriceSchedule> schedules = new ArrayList<>();
        List<PriceListEntry> currencies = new ArrayList<>();
        for (Segment s : runs) {
          from.add(s.from());
          to.add(s.to());
          schedules.add(scheduleOf(meter, s));
          currencies.add(currencyOf(meter, s));
        }
        DaySchedules daySchedules = new DaySchedules(from, to, schedules, currencies);
        index.computeIfAbsent(product, k -> new HashMap<>()).put(meter, daySchedules);
        if (daySchedules.isTiered()) {
          if (meter.isEmpty()) {
            tieredMeterlessProducts.add(product);
          } else {
            tieredMeters.add(meter);
          }
        }
      }));
      Map<String, Map<String, DaySchedules>> frozen = new HashMap<>();
      index.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
      return new Repricing(Map.copyOf(frozen), Set.copyOf(tieredMeters), Set.copyOf(tieredMeterlessProducts),
          entryName);
    }

    /** Cuts the days into runs on which the same entries are in force; runs with no entry are left out. */
    private static List<Segment> segmentsOf(List<PriceListEntry> entries) {
      TreeSet<LocalDate> bounds = new TreeSet<>();
      for (PriceListEntry e : entries) {
        bounds.add(e.effectiveStart().orElse(LocalDate.MIN));
        e.effectiveEnd().filter(d -> d.isBefore(LocalDate.MAX)).ifPresent(d -> bounds.add(d.plusDays(1)));
      }
      List<LocalDate> starts = new ArrayList<>(bounds);
      List<Segment> runs = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        LocalDate from = starts.get(i);
        LocalDate to = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : LocalDate.MAX;
        List<PriceListEntry> inForce = new ArrayList<>();
        for (PriceListEntry e : entries) {
          if (e.isInForceOn(from)) {
            inForce.add(e);
          }
        }
        if (inForce.isEmpty()) {
          continue;
        }
        Segment last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last.to().plusDays(1).equals(from) && sameEntries(last.inForce(), inForce)) {
          runs.set(runs.size() - 1, new Segment(last.from(), to, last.inForce()));
        } else {
          runs.add(new Segment(from, to, List.copyOf(inForce)));
        }
      }
      return runs;
    }

    private static boolean sameEntries(List<PriceListEntry> a, List<PriceListEntry> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) != b.get(i)) {
          return false;
        }
      }
      return true;
    }

    private void requireNoConflict(String meter, Segment s) {
      List<PriceListEntry> inForce = s.inForce();
      for (int i = 0; i < inForce.size(); i++) {
        PriceListEntry a = inForce.get(i);
        for (int j = i + 1; j < inForce.size(); j++) {
          PriceListEntry b = inForce.get(j);
          if (sameRange(a, b) && a.unitPrice().get().compareTo(b.unitPrice().get()) != 0) {
            throw new PriceListConflictException(Kind.DIFFERENT_PRICES, List.of(a, b),
                "price list entries " + name(a) + " and " + name(b) + " conflict: both price ProductId "
                    + a.productId() + ", SkuId " + a.skuId() + ", " + meterText(meter) + ", tier "
                    + tierOf(a).range() + " on days " + overlap(a, b) + " with different unit prices ("
                    + a.unitPrice().get().toPlainString() + " and " + b.unitPrice().get().toPlainString() + ")");
          }
        }
      }
    }

    /** An entry naming the run's currency, or null; entries naming different currencies are a conflict. */
    private PriceListEntry currencyOf(String meter, Segment s) {
      PriceListEntry named = null;
      for (PriceListEntry e : s.inForce()) {
        if (e.currency().isBlank()) {
          continue;
        }
        if (named == null) {
          named = e;
        } else if (!named.currency().trim().equalsIgnoreCase(e.currency().trim())) {
          throw new PriceListConflictException(Kind.CURRENCY_MISMATCH, List.of(named, e),
              "price list entries " + name(named) + " and " + name(e) + " are in force together for ProductId "
                  + e.productId() + ", SkuId " + e.skuId() + ", " + meterText(meter) + " but in different currencies ("
                  + named.currency().trim() + " and " + e.currency().trim() + ")");
        }
      }
      return named;
    }

    private PriceSchedule scheduleOf(String meter, Segment s) {
      List<PriceSchedule.Tier> tiers = new ArrayList<>();
      List<PriceListEntry> sources = new ArrayList<>();
      for (PriceListEntry e : s.inForce()) {
        boolean duplicate = false;
        for (PriceListEntry kept : sources) {
          duplicate |= sameRange(kept, e);
        }
        if (!duplicate) {
          PriceSchedule.Tier tier;
          try {
            tier = tierOf(e);
          } catch (IllegalArgumentException badBounds) {
            throw new PriceListConflictException(Kind.TIERS_DO_NOT_TILE, List.of(e),
                "price list entry " + name(e) + " cannot be a tier: " + badBounds.getMessage());
          }
          tiers.add(tier);
          sources.add(e);
        }
      }
      Integer[] order = new Integer[tiers.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparing(i -> tiers.get(i).min()));
      List<PriceSchedule.Tier> sortedTiers = new ArrayList<>();
      List<PriceListEntry> sortedSources = new ArrayList<>();
      for (Integer i : order) {
        sortedTiers.add(tiers.get(i));
        sortedSources.add(sources.get(i));
      }
      Optional<PriceSchedule.TilingFault> fault = PriceSchedule.tilingFault(sortedTiers);
      if (fault.isPresent()) {
        PriceSchedule.TilingFault f = fault.get();
        List<PriceListEntry> atFault = new ArrayList<>();
        atFault.add(sortedSources.get(f.index()));
        if (f.neighbour() >= 0) {
          atFault.add(sortedSources.get(f.neighbour()));
        }
        StringBuilder names = new StringBuilder(name(atFault.get(0)));
        if (atFault.size() > 1) {
          names.append(" and ").append(name(atFault.get(1)));
        }
        PriceListEntry first = atFault.get(0);
        throw new PriceListConflictException(Kind.TIERS_DO_NOT_TILE, atFault,
            "price list tiers do not tile from 0 for ProductId " + first.productId() + ", SkuId "
                + first.skuId() + ", " + meterText(meter) + " on days "
                + days(Optional.of(s.from()).filter(d -> !d.equals(LocalDate.MIN)),
                    Optional.of(s.to()).filter(d -> !d.equals(LocalDate.MAX)))
                + ": " + f.message() + " (entries " + names + ")");
      }
      return PriceSchedule.of(sortedTiers);
    }

    private String name(PriceListEntry e) {
      return entryName.apply(e);
    }

    private static boolean sameRange(PriceListEntry a, PriceListEntry b) {
      BigDecimal minA = a.tierMin().orElse(BigDecimal.ZERO);
      BigDecimal minB = b.tierMin().orElse(BigDecimal.ZERO);
      return minA.compareTo(minB) == 0 && a.tierMax().isPresent() == b.tierMax().isPresent()
          && (a.tierMax().isEmpty() || a.tierMax().get().compareTo(b.tierMax().get()) == 0);
    }

    private static String meterText(String meter) {
      return meter.isEmpty() ? "no MeterIds" : "MeterId " + meter;
    }

    private static String overlap(PriceListEntry a, PriceListEntry b) {
      Optional<LocalDate> start = later(a.effectiveStart(), b.effectiveStart());
      Optional<LocalDate> end = earlier(a.effectiveEnd(), b.effectiveEnd());
      return days(start, end);
    }

    private static Optional<LocalDate> later(Optional<LocalDate> a, Optional<LocalDate> b) {
      if (a.isEmpty()) {
        return b;
      }
      return b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }

    private static Optional<LocalDate> earlier(Optional<LocalDate> a, Optional<LocalDate> b) {
      if (a.isEmpty()) {
        return b;
      }
      return b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
    }
  }

  @Override
  public String toString() {
    return "Repricing[" + schedules.size() + " products and SKUs, tiered meters " + tieredMeters.size()
        + ", tiered meter-less products " + tieredMeterlessProducts.size() + "]";
  }
}
