package org.openpec.examples.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes a deterministic synthetic month of Azure plan data in the real file formats: Microsoft's daily rated
 * usage file with its full 55-column header, the consumption price list, a grants file and a partners file
 * (rules §11).
 *
 * <p>The same parameters and seed always give the same bytes. Usage is streamed: one customer is held in memory
 * at a time (its resources and usage slots, in proportion to its lines per day), never the month, so a month of
 * tens of millions of lines is written in flat memory.
 *
 * <p>Two {@link Shape}s. {@link Shape#REALISTIC} is a partner's month as it looks in practice (see
 * {@code RealisticTenant} and {@code RealisticCatalog}): about one customer per 4 500 lines, 1–4 Azure
 * subscriptions each, 2–6 resource groups of 5–18 resources, 1–3 meters per resource and day, resources created
 * and deleted mid-month, resource IDs in canonical, lower-case and {@code resourcegroups} spellings, a price list
 * of about 2 300 meters, about 1.4 grants per 1 000 lines telling every access story. {@link Shape#DENSE} (the
 * builder's default, unchanged byte for byte) is what the rest of this comment describes in detail.
 *
 * <p>The month has the shapes a CSP partner knows: a direct partner, an indirect provider with several resellers
 * ({@code Tier2MpnId}) and a second location, a direct partner whose agreement lapses for three days; customers
 * with one to three Azure subscriptions under one Azure plan, resource groups holding many resources, several
 * meters per resource and day; access history at subscription, resource-group and resource level through AOBO,
 * Lighthouse and customer-directory identities, with reader-only customers, PIM-eligible assignments, unlinked
 * grants, other partners' grants, mid-day revocations and re-grants (see {@link Scenario}); customers billed in
 * EUR and GBP; marketplace, third-party, reservation, Spot, benefit-covered and unpriced products; negative
 * corrections; and rare malformed records (bad number, bad date, missing value, wrong field count). The PEC
 * columns of the usage file are filled from the scenario (15 or 0, {@code EffectiveUnitPrice = UnitPrice × 0.85}
 * when 15); they are plausible, not openpec's verdict.
 *
 * <p>Precision stays within what a {@code DECIMAL(38, s)} holds exactly: {@code UnitPrice} ≤ 10 decimals,
 * {@code Quantity} ≤ 6, {@code PCToBCExchangeRate} ≤ 9, {@code EffectiveUnitPrice} ≤ 12,
 * {@code PricingPreTaxTotal} ≤ 18 (exact product), {@code BillingPreTaxTotal} 2 (FLOOR). No number is written
 * with an exponent.
 *
 * <pre>{@code
 * GeneratedMonth month = MonthGenerator.builder().customers(50).days(30).seed(7).targetLines(2_000_000)
 *     .build().writeTo(Path.of("bench-data"));
 * month.usageRecords();        // 2 000 000 give or take the few reservation purchases
 * month.malformedRecords();    // about one in 50 000
 * }</pre>
 *
 * Immutable and thread-safe; each {@link #writeTo} call writes the whole month again.
 */
public final class MonthGenerator {

  /** The customers of a month unless told otherwise. */
  public static final int DEFAULT_CUSTOMERS = 50;
  /** The usage days of a month unless told otherwise. */
  public static final int DEFAULT_DAYS = 30;
  /** The first usage day unless told otherwise. */
  public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2026, 3, 1);
  /** The seed unless told otherwise. */
  public static final long DEFAULT_SEED = 1;
  /** Usage lines per customer and day, on average, unless told otherwise. */
  public static final int DEFAULT_LINES_PER_CUSTOMER_DAY = 40;
  /** One malformed usage record in this many, unless told otherwise (at least four per month). */
  public static final long DEFAULT_MALFORMED_EVERY = 50_000;
  /** One negative-quantity correction in this many usage records (at least one per month). */
  static final long CORRECTION_EVERY = 20_000;

  /** File name of the usage file in the output directory. */
  public static final String USAGE_FILE = "usage.csv";
  /** File name of the grants file in the output directory. */
  public static final String GRANTS_FILE = "grants.csv";
  /** File name of the price list in the output directory. */
  public static final String PRICES_FILE = "prices.csv";
  /** File name of the partners file in the output directory. */
  public static final String PARTNERS_FILE = "partners.csv";

  /** The 55 columns of the daily rated usage file, in the order Microsoft writes them. */
  public static final List<String> USAGE_COLUMNS = List.of("PartnerId", "PartnerName", "CustomerId",
      "CustomerName", "CustomerDomainName", "CustomerCountry", "MpnId", "Tier2MpnId", "InvoiceNumber", "ProductId",
      "SkuId", "AvailabilityId", "SkuName", "ProductName", "PublisherName", "PublisherId", "SubscriptionDescription",
      "SubscriptionId", "ChargeStartDate", "ChargeEndDate", "UsageDate", "MeterType", "MeterCategory", "MeterId",
      "MeterSubCategory", "MeterName", "MeterRegion", "Unit", "ResourceLocation", "ConsumedService",
      "ResourceGroup", "ResourceURI", "ChargeType", "UnitPrice", "Quantity", "UnitType", "BillingPreTaxTotal",
      "BillingCurrency", "PricingPreTaxTotal", "PricingCurrency", "ServiceInfo1", "ServiceInfo2", "Tags",
      "AdditionalInfo", "EffectiveUnitPrice", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "EntitlementId",
      "EntitlementDescription", "PartnerEarnedCreditPercentage", "CreditPercentage", "CreditType",
      "BenefitOrderId", "BenefitId", "BenefitType");
  /** The columns of the grants file. */
  public static final List<String> GRANT_COLUMNS = List.of("GrantId", "PartnerId", "Channel", "PrincipalId",
      "PrincipalType", "RoleDefinitionId", "RoleName", "Scope", "Assignment", "GrantedAt", "RevokedAt");
  /** The columns of the price list. */
  public static final List<String> PRICE_COLUMNS = List.of(Catalog.PRICE_HEADER);
  /** The columns of the partners file. */
  public static final List<String> PARTNER_COLUMNS = List.of("PartnerId", "OrganizationId", "AgreementStart",
      "AgreementEnd");

  /** Relative customer sizes. */
  private static final int[] SIZE_WEIGHTS = {4, 6, 8, 10, 10, 12, 15, 20, 30, 50};
  private static final int PROGRESS_EVERY = 1 << 16;
  private static final byte[] USD = ByteSink.utf8("USD,");
  private static final byte[] NO_CREDIT = ByteSink.utf8("0,,");
  private static final byte[] AZURE_CREDIT = ByteSink.utf8("100,Azure Credit Applied,");
  private static final byte[] EOL = ByteSink.utf8(Csv.EOL);
  private static final byte[] ZERO = ByteSink.utf8("0");
  private static final byte[] FIFTEEN = ByteSink.utf8("15");

  private final int customers;
  private final int days;
  private final LocalDate firstDay;
  private final long seed;
  private final long linesPerDay;
  private final long malformedEvery;
  private final Shape shape;
  private final long targetLines;

  private MonthGenerator(Builder b) {
    this.customers = b.customers;
    this.days = b.days;
    this.firstDay = b.firstDay;
    this.seed = b.seed;
    this.linesPerDay = b.targetLines > 0
        ? Math.max(b.customers, (b.targetLines + b.days / 2) / b.days)
        : (long) b.customers * b.linesPerCustomerDay;
    this.malformedEvery = b.malformedEvery;
    this.shape = b.shape;
    this.targetLines = b.targetLines;
  }

  /** A builder with the defaults: 50 customers, 30 days from 2026-03-01, seed 1, 40 lines per customer and day. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of usage records {@link #writeTo} will write (known before writing, e.g. for a progress bar). */
  public long plannedUsageRecords() {
    return shape == Shape.REALISTIC ? realisticPlan().total : plan().total;
  }

  /** The record numbers the malformed records will have, ascending (for tests: known without writing). */
  long[] plannedMalformedRecordNumbers() {
    return (shape == Shape.REALISTIC ? realisticPlan() : plan()).malformed.clone();
  }

  /** The shape of the months this generator writes. */
  public Shape shape() {
    return shape;
  }

  /**
   * Writes the month into {@code directory} (created if needed; existing files of the same names are replaced).
   *
   * @return what was written
   * @throws IOException if a file cannot be written
   */
  public GeneratedMonth writeTo(Path directory) throws IOException {
    return writeTo(directory, n -> {});
  }

  /**
   * Writes the month into {@code directory}, reporting the usage records written so far to {@code progress} every
   * 65 536 records and once at the end.
   *
   * @return what was written
   * @throws IOException if a file cannot be written
   */
  public GeneratedMonth writeTo(Path directory, LongConsumer progress) throws IOException {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(progress, "progress");
    Files.createDirectories(directory);
    if (shape == Shape.REALISTIC) {
      return writeRealistic(directory, progress);
    }
    Catalog catalog = new Catalog();
    Partner.Set partners = new Partner.Set();
    Path prices = directory.resolve(PRICES_FILE);
    Path partnersFile = directory.resolve(PARTNERS_FILE);
    Path grantsFile = directory.resolve(GRANTS_FILE);
    Path usage = directory.resolve(USAGE_FILE);
    int priceRows;
    try (Writer w = textWriter(prices)) {
      priceRows = catalog.writePriceList(w, firstDay);
    }
    try (Writer w = textWriter(partnersFile)) {
      partners.writePartners(w, firstDay, days);
    }
    Plan plan = plan();
    Dates dates = new Dates(firstDay, days);
    LineWriter lines;
    int grantRows = 0;
    try (Writer grants = textWriter(grantsFile);
        ByteSink out = new ByteSink(Files.newOutputStream(usage), 1 << 20)) {
      Csv.writeRow(grants, GRANT_COLUMNS.toArray(String[]::new));
      out.write(ByteSink.utf8(String.join(",", USAGE_COLUMNS) + Csv.EOL));
      lines = new LineWriter(out, dates, plan, progress);
      for (int c = 0; c < customers; c++) {
        Tenant t = new Tenant(c, seed, plan.slotsPerDay[c], plan.purchase[c], catalog, partners, firstDay, days);
        for (String[] g : t.grants) {
          Csv.writeRow(grants, g);
          grantRows++;
        }
        SplittableRandom r = new SplittableRandom(Ids.mix(seed, 3_000_017L + c));
        for (int d = 0; d < days; d++) {
          if (d == 0 && t.purchase != null) {
            lines.write(t, t.purchase, d, t.purchase.quantityOn(d, r), r);
          }
          for (Tenant.Slot s : t.slots) {
            lines.write(t, s, d, s.quantityOn(d, r), r);
          }
        }
      }
      out.close();
      progress.accept(lines.record);
      return new GeneratedMonth(directory, usage, grantsFile, prices, partnersFile, lines.record,
          lines.malformedWritten, lines.corrections, grantRows, priceRows, customers, firstDay, days, seed,
          out.size());
    }
  }

  private GeneratedMonth writeRealistic(Path directory, LongConsumer progress) throws IOException {
    RealisticCatalog catalog = new RealisticCatalog();
    Partner.Set partners = new Partner.Set();
    Path prices = directory.resolve(PRICES_FILE);
    Path partnersFile = directory.resolve(PARTNERS_FILE);
    Path grantsFile = directory.resolve(GRANTS_FILE);
    Path usage = directory.resolve(USAGE_FILE);
    int priceRows;
    try (Writer w = textWriter(prices)) {
      priceRows = catalog.writePriceList(w, firstDay);
    }
    try (Writer w = textWriter(partnersFile)) {
      partners.writePartners(w, firstDay, days);
    }
    Plan plan = realisticPlan(catalog, partners);
    Dates dates = new Dates(firstDay, days);
    int grantRows = 0;
    try (Writer grants = textWriter(grantsFile);
        ByteSink out = new ByteSink(Files.newOutputStream(usage), 1 << 20)) {
      Csv.writeRow(grants, GRANT_COLUMNS.toArray(String[]::new));
      out.write(ByteSink.utf8(String.join(",", USAGE_COLUMNS) + Csv.EOL));
      LineWriter lines = new LineWriter(out, dates, plan, progress);
      for (int c = 0; c < plan.customers; c++) {
        RealisticTenant t = new RealisticTenant(c, seed, catalog, partners, firstDay, days);
        for (String[] g : t.grants) {
          Csv.writeRow(grants, g);
          grantRows++;
        }
        SplittableRandom r = new SplittableRandom(Ids.mix(seed, 9_000_019L + c));
        for (int d = 0; d < days; d++) {
          if (d == 0 && t.purchase != null) {
            lines.write(t, t.purchase, d, t.purchase.quantityOn(d, r), r);
          }
          for (RealisticTenant.Use u : t.uses) {
            if (u.activeOn(d)) {
              lines.write(t, u.slot, d, u.quantityOn(d, r), r);
            }
          }
        }
      }
      out.close();
      if (lines.record != plan.total) {
        throw new IllegalStateException("planned " + plan.total + " usage records, wrote " + lines.record);
      }
      progress.accept(lines.record);
      return new GeneratedMonth(directory, usage, grantsFile, prices, partnersFile, lines.record,
          lines.malformedWritten, lines.corrections, grantRows, priceRows, plan.customers, firstDay, days, seed,
          out.size());
    }
  }

  private Plan realisticPlan() {
    return realisticPlan(new RealisticCatalog(), new Partner.Set());
  }

  /**
   * The realistic month's plan: customers are added until the month holds {@code targetLines} lines (when set),
   * else the builder's number of customers; then the rare records are spread over the month.
   */
  private Plan realisticPlan(RealisticCatalog catalog, Partner.Set partners) {
    Plan p = new Plan();
    long total = 0;
    int c = 0;
    while (targetLines > 0 ? total < targetLines : c < customers) {
      total += new RealisticTenant(c, seed, catalog, partners, firstDay, days).lines();
      c++;
    }
    p.customers = c;
    p.total = total;
    SplittableRandom r = new SplittableRandom(Ids.mix(seed, 43));
    long malformedCount = malformedEvery == 0 ? 0 : Math.min(total, Math.max(4, total / malformedEvery));
    p.malformed = spread(r, total, malformedCount);
    p.corrections = spread(r, total, Math.min(total, Math.max(1, total / CORRECTION_EVERY)));
    return p;
  }

  private static Writer textWriter(Path file) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
  }

  /** How many lines each customer writes per day, who buys a reservation, and where the rare records go. */
  private static final class Plan {
    int[] slotsPerDay;
    boolean[] purchase;
    int customers;
    long total;
    long[] malformed;
    long[] corrections;
  }

  private Plan plan() {
    Plan p = new Plan();
    SplittableRandom r = new SplittableRandom(Ids.mix(seed, 42));
    long[] weight = new long[customers];
    long weights = 0;
    for (int c = 0; c < customers; c++) {
      weight[c] = SIZE_WEIGHTS[r.nextInt(SIZE_WEIGHTS.length)];
      weights += weight[c];
    }
    // One line each, the rest by weight with largest remainders: the day has exactly linesPerDay lines.
    long rest = linesPerDay - customers;
    p.slotsPerDay = new int[customers];
    long[] remainder = new long[customers];
    long given = 0;
    for (int c = 0; c < customers; c++) {
      long share = rest * weight[c];
      p.slotsPerDay[c] = Math.toIntExact(1 + share / weights);
      remainder[c] = share % weights;
      given += share / weights;
    }
    Integer[] order = new Integer[customers];
    for (int c = 0; c < customers; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> remainder[a] != remainder[b] ? Long.compare(remainder[b], remainder[a])
        : Integer.compare(a, b));
    for (int i = 0; i < rest - given; i++) {
      p.slotsPerDay[order[i]]++;
    }
    p.purchase = new boolean[customers];
    long total = linesPerDay * days;
    for (int c = 0; c < customers; c++) {
      p.purchase[c] = Tenant.hasPurchase(seed, c);
      total += p.purchase[c] ? 1 : 0;
    }
    p.total = total;
    long malformedCount = malformedEvery == 0 ? 0 : Math.min(total, Math.max(4, total / malformedEvery));
    p.malformed = spread(r, total, malformedCount);
    p.corrections = spread(r, total, Math.min(total, Math.max(1, total / CORRECTION_EVERY)));
    return p;
  }

  /** {@code count} distinct record numbers in {@code [1, total]}, one drawn in each of {@code count} equal parts. */
  private static long[] spread(SplittableRandom r, long total, long count) {
    long[] at = new long[Math.toIntExact(count)];
    for (int i = 0; i < count; i++) {
      long lo = 1 + i * total / count;
      long hi = (i + 1) * total / count;
      at[i] = lo + r.nextLong(hi - lo + 1);
    }
    return at;
  }

  /** The usage-day texts of each day, in every form the file uses. */
  private static final class Dates {
    final byte[][] iso;
    final byte[][] us;
    final byte[][] usWithTime;
    final byte[][] isoDateTime;
    final String[] impossible;
    final String[] dayFirst;

    Dates(LocalDate firstDay, int days) {
      iso = new byte[days][];
      us = new byte[days][];
      usWithTime = new byte[days][];
      isoDateTime = new byte[days][];
      impossible = new String[days];
      dayFirst = new String[days];
      for (int d = 0; d < days; d++) {
        LocalDate day = firstDay.plusDays(d);
        String usText = day.getMonthValue() + "/" + day.getDayOfMonth() + "/" + day.getYear();
        iso[d] = ByteSink.utf8(day.toString());
        us[d] = ByteSink.utf8(usText);
        usWithTime[d] = ByteSink.utf8(usText + " 12:00:00 AM");
        isoDateTime[d] = ByteSink.utf8(day + "T00:00:00Z");
        impossible[d] = day.getYear() + "-02-30";
        dayFirst[d] = "31/" + day.getMonthValue() + "/" + day.getYear();
      }
    }
  }

  /** Writes usage lines, numbering records and placing the rare malformed and correction records. */
  private static final class LineWriter {
    private final ByteSink out;
    private final Dates dates;
    private final long[] malformedAt;
    private final long[] correctionAt;
    private final LongConsumer progress;
    private int nextMalformed;
    private int nextCorrection;
    long record;
    long corrections;
    final List<Long> malformedWritten = new ArrayList<>();

    LineWriter(ByteSink out, Dates dates, Plan plan, LongConsumer progress) {
      this.out = out;
      this.dates = dates;
      this.malformedAt = plan.malformed;
      this.correctionAt = plan.corrections;
      this.progress = progress;
    }

    /** Writes the line of slot {@code s} on day index {@code d} with quantity {@code q} (millionths). */
    void write(Customer t, Tenant.Slot s, int d, long q, SplittableRandom r) throws IOException {
      record++;
      int malformed = -1;
      if (nextMalformed < malformedAt.length && malformedAt[nextMalformed] == record) {
        malformed = nextMalformed++;
        malformedWritten.add(record);
      }
      boolean correction = false;
      while (nextCorrection < correctionAt.length && correctionAt[nextCorrection] <= record) {
        correction |= correctionAt[nextCorrection++] == record && malformed < 0;
      }
      Meter m = s.meter;
      int phase = m.phaseOn(d);
      if (correction) {
        q = -q;
        corrections++;
      }
      int dateForm = r.nextInt(400);
      boolean credit = s.productEligible && t.accessQualifies(d, s);
      boolean benefit = s.isBenefitCovered();
      // Malformation kinds: 0 bad number, 1 bad date, 2 missing value, 3 wrong field count; two variants each.
      int kind = malformed < 0 ? -1 : malformed % 4;
      boolean second = malformed >= 0 && (malformed / 4) % 2 == 1;

      out.write(t.customerChunk());
      out.write(m.productChunk);
      out.write(t.planChunk());
      if (kind == 1) {
        out.writeAscii(second ? dates.dayFirst[d] : dates.impossible[d]);
      } else if (dateForm < 10) {
        out.write(dates.us[d]);
      } else if (dateForm < 12) {
        out.write(dates.usWithTime[d]);
      } else if (dateForm < 14) {
        out.write(dates.isoDateTime[d]);
      } else {
        out.write(dates.iso[d]);
      }
      out.writeByte(',');
      out.write(s.meterChunk);
      if (!(kind == 2 && !second)) {
        out.write(m.priceBytes[phase]);
      }
      out.writeByte(',');
      if (kind == 0) {
        out.writeAscii(second ? "N/A" : "\"" + (q / 1_000_000) + "," + Math.abs(q % 1_000_000) + "\"");
      } else if (!(kind == 2 && second)) {
        out.writeScaled(q, 6);
      }
      out.writeByte(',');
      out.write(m.unitChunk);
      // BillingPreTaxTotal = FLOOR(charged × Quantity × FX, 2), PricingPreTaxTotal = charged × Quantity (exact).
      long unit = benefit ? 0 : m.exact[phase][credit ? 2 : 0];
      int unitScale = benefit ? 0 : (int) m.exact[phase][credit ? 3 : 1];
      long high = Math.multiplyHigh(unit, q);
      long low = unit * q;
      if (t.fx() == null && (high == 0 && low >= 0 || high == -1 && low < 0)) {
        out.writeScaled(Math.floorDiv(low, ByteSink.pow10(unitScale + 4)), 2);
        out.writeByte(',');
        out.write(t.currencyChunk());
        out.writeScaled(low, unitScale + 6);
      } else {
        BigDecimal pricing = BigDecimal.valueOf(unit, unitScale).multiply(BigDecimal.valueOf(q, 6));
        BigDecimal billing = (t.fx() == null ? pricing : pricing.multiply(t.fx())).setScale(2, RoundingMode.FLOOR);
        out.writeAscii(ByteSink.plain(billing));
        out.writeByte(',');
        out.write(t.currencyChunk());
        out.writeAscii(ByteSink.plain(pricing));
      }
      out.writeByte(',');
      out.write(USD);
      out.write(s.infoChunk);
      out.write(benefit ? ZERO : credit ? m.priceWithCreditBytes[phase] : m.priceBytes[phase]);
      out.writeByte(',');
      out.write(s.entitlement.fxChunk);
      out.write(credit ? FIFTEEN : ZERO);
      if (kind == 3 && !second) {
        out.write(EOL); // 50 fields: the last five are cut off
        tick();
        return;
      }
      out.writeByte(',');
      out.write(t.azureCreditOn(d) ? AZURE_CREDIT : NO_CREDIT);
      out.write(s.benefitChunk);
      if (kind == 3) {
        out.writeAscii(",unexpected"); // 56 fields
      }
      out.write(EOL);
      tick();
    }

    private void tick() {
      if ((record & (PROGRESS_EVERY - 1)) == 0) {
        progress.accept(record);
      }
    }
  }

  /** Builds a {@link MonthGenerator}; not thread-safe. */
  public static final class Builder {
    private int customers = DEFAULT_CUSTOMERS;
    private int days = DEFAULT_DAYS;
    private LocalDate firstDay = DEFAULT_FIRST_DAY;
    private long seed = DEFAULT_SEED;
    private int linesPerCustomerDay = DEFAULT_LINES_PER_CUSTOMER_DAY;
    private long targetLines = -1;
    private long malformedEvery = DEFAULT_MALFORMED_EVERY;
    private Shape shape = Shape.DENSE;

    private Builder() {}

    /**
     * The shape of the month (default {@link Shape#DENSE}, the shape of the first benchmarks; {@code pec generate}
     * defaults to {@link Shape#REALISTIC}). In the realistic shape the number of customers follows from
     * {@link #targetLines(long)} when it is set (customers are added until the month holds that many lines, about
     * one customer per 4 500 lines over 30 days), else it is {@link #customers(int)}; lines per customer and day
     * follow from each customer's resources, so {@link #linesPerCustomerDay(int)} does not apply.
     */
    public Builder shape(Shape s) {
      this.shape = Objects.requireNonNull(s, "shape");
      return this;
    }

    /**
     * The number of customers (default 50). The first thirteen take the {@link Scenario}s in order, so a month
     * of at least thirteen customers shows every access story.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Builder customers(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("customers must be at least 1, was " + n);
      }
      this.customers = n;
      return this;
    }

    /**
     * The number of usage days (default 30), from {@link #firstDay(LocalDate)} on.
     *
     * @throws IllegalArgumentException if {@code n} is not in {@code [1, 366]}
     */
    public Builder days(int n) {
      if (n < 1 || n > 366) {
        throw new IllegalArgumentException("days must be between 1 and 366, was " + n);
      }
      this.days = n;
      return this;
    }

    /** The first usage day (default 2026-03-01). */
    public Builder firstDay(LocalDate day) {
      this.firstDay = Objects.requireNonNull(day, "firstDay");
      return this;
    }

    /** The seed (default 1): the same seed and parameters always give the same bytes. */
    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /**
     * The average number of usage lines per customer and day (default 40); customers differ in size, the day's
     * total is exactly {@code customers × k}. Replaces an earlier {@link #targetLines(long)}.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public Builder linesPerCustomerDay(int k) {
      if (k < 1) {
        throw new IllegalArgumentException("linesPerCustomerDay must be at least 1, was " + k);
      }
      this.linesPerCustomerDay = k;
      this.targetLines = -1;
      return this;
    }

    /**
     * About {@code n} usage lines in the month: {@code round(n / days)} lines per day (at least one per
     * customer), plus one line per reservation purchase. Replaces an earlier {@link #linesPerCustomerDay(int)}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Builder targetLines(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("targetLines must be at least 1, was " + n);
      }
      this.targetLines = n;
      return this;
    }

    /**
     * One malformed usage record in {@code n} (default 50 000; at least four per month, one of each kind);
     * {@code 0} writes none.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public Builder malformedEvery(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("malformedEvery must not be negative, was " + n);
      }
      this.malformedEvery = n;
      return this;
    }

    /** The generator of these parameters. */
    public MonthGenerator build() {
      return new MonthGenerator(this);
    }
  }
}
