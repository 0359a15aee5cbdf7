package org.openpec.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.openpec.model.UsageLine;
import org.openpec.money.DecimalText;

/**
 * Streams the records of a daily rated usage file (spec §11): each record becomes a {@link UsageRecord}, either a
 * {@link UsageLine} or the {@link InputProblem} that rejects it. Memory stays flat whatever the file's size.
 *
 * <p>A record is rejected when its field count differs from the header's, when a required value other than
 * {@code ResourceURI} is empty, or when a number or a date does not parse; the problem names the first
 * offending column in file order. IDs are trimmed and never rejected for their shape. Not thread-safe: one
 * reader, one consumer ({@link UsageRun} decodes on several threads while one thread reads).
 *
 * <p>{@link UsageSource} also makes readers of other sources — gzip, JSON Lines, a Graph export manifest,
 * several files in a row — whose records arrive decoded, with the same contract.
 */
public final class UsageReader implements Iterator<UsageRecord>, Closeable {

  private enum Kind { TEXT, OPTIONAL_TEXT, NUMBER, DAY }

  private static final String[] OPTIONAL = {"Tier2MpnId", "PublisherName", "MeterName", "MeterSubCategory", "SkuName",
      "BenefitId", "BenefitType", "ChargeType"};

  private final CsvTable table;
  /** The records of another kind of source, or null for a CSV file ({@link UsageSource}). */
  private final UsageFeed feed;
  private final CsvDialect dialect;
  private final UsageColumns columns;
  private final int[] order;
  private final Kind[] kinds;
  private final String[] names;
  private final int customer;
  private final int mpn;
  private final int subscription;
  private final int entitlement;
  private final int usageDate;
  private final int product;
  private final int sku;
  private final int meter;
  private final int resource;
  private final int quantity;
  private final int unitPrice;
  private final int pricingCurrency;
  private final int billingCurrency;
  private final int fx;
  private final int[] optional;
  private long recordNumber;
  private UsageRecord next;

  private UsageReader(CsvTable table, CsvDialect dialect) {
    this.table = table;
    this.feed = null;
    this.dialect = dialect;
    try {
      if (table.column("CustomerId") < 0) {
        String hint = DialectHint.of(table.header(), dialect);
        if (hint != null) {
          throw new InputException(table.displayName() + ": " + hint);
        }
      }
      customer = table.requireColumn("CustomerId");
      mpn = table.requireColumn("MpnId");
      subscription = table.requireColumn("SubscriptionId");
      entitlement = table.requireColumn("EntitlementId");
      usageDate = table.requireColumn("UsageDate");
      product = table.requireColumn("ProductId");
      sku = table.requireColumn("SkuId");
      meter = table.requireColumn("MeterId");
      resource = table.requireColumn("ResourceURI");
      quantity = table.requireColumn("Quantity");
      unitPrice = table.requireColumn("UnitPrice");
      pricingCurrency = table.requireColumn("PricingCurrency");
      billingCurrency = table.requireColumn("BillingCurrency");
      fx = table.requireColumn("PCToBCExchangeRate");
    } catch (InputException e) {
      table.close();
      throw e;
    }
    optional = new int[OPTIONAL.length];
    for (int i = 0; i < OPTIONAL.length; i++) {
      optional[i] = table.column(OPTIONAL[i]);
    }
    Map<String, Integer> positions = new HashMap<>();
    String[] header = table.header();
    for (int i = header.length - 1; i >= 0; i--) {
      positions.put(CsvTable.normalise(header[i]), i);
    }
    columns = new UsageColumns(positions);
    int[] checked = {customer, mpn, subscription, entitlement, usageDate, product, sku, meter, quantity, unitPrice,
        pricingCurrency, billingCurrency, fx};
    Kind[] checkedKinds = {Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.DAY, Kind.TEXT, Kind.TEXT, Kind.TEXT,
        Kind.NUMBER, Kind.NUMBER, Kind.TEXT, Kind.TEXT, Kind.NUMBER};
    Integer[] idx = new Integer[checked.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Integer.compare(checked[a], checked[b]));
    order = new int[checked.length];
    kinds = new Kind[checked.length];
    names = new String[checked.length];
    for (int i = 0; i < idx.length; i++) {
      order[i] = checked[idx[i]];
      kinds[i] = checkedKinds[idx[i]];
      names[i] = header[order[i]].trim();
    }
  }

  /** A reader of records that another source decodes (JSON Lines, a manifest, several files). */
  private UsageReader(UsageFeed feed) {
    this.table = null;
    this.feed = feed;
    this.dialect = CsvDialect.STANDARD;
    this.columns = null;
    this.order = null;
    this.kinds = null;
    this.names = null;
    this.optional = null;
    customer = mpn = subscription = entitlement = usageDate = product = sku = meter = resource = quantity = -1;
    unitPrice = pricingCurrency = billingCurrency = fx = -1;
  }

  /** A reader handing on the records of {@code feed}. */
  static UsageReader of(UsageFeed feed) {
    return new UsageReader(feed);
  }

  /**
   * Opens a usage file and reads its header.
   *
   * @throws InputException when the file cannot be read, is empty, or lacks a required column
   */
  public static UsageReader open(Path path) {
    return open(path, CsvDialect.STANDARD);
  }

  /**
   * Opens a usage CSV written in {@code dialect} and reads its header. {@link UsageSource} also reads gzip, JSON
   * Lines and manifests, and several files as one.
   *
   * @throws InputException when the file cannot be read, is empty, or lacks a required column; when the header
   *     is separated by another delimiter, the message names it
   */
  public static UsageReader open(Path path, CsvDialect dialect) {
    return new UsageReader(CsvTable.open(path, dialect.delimiter()), dialect);
  }

  /**
   * Reads a usage file from a stream (e.g. standard input).
   *
   * @param name the name used in messages
   * @throws InputException when the text is empty or lacks a required column
   */
  public static UsageReader open(InputStream in, String name) {
    return open(in, name, name, CsvDialect.STANDARD);
  }

  /** Reads a usage CSV in {@code dialect} from a stream; {@code display} names it in fatal messages. */
  static UsageReader open(InputStream in, String display, String name, CsvDialect dialect) {
    return new UsageReader(CsvTable.open(in, display, name, dialect.delimiter()), dialect);
  }

  /** The file's name without folders, as problems name it. */
  public String fileName() {
    return feed != null ? feed.fileName() : table.fileName();
  }

  /** Whether the header has the column. */
  public boolean hasColumn(String name) {
    return feed != null ? feed.hasColumn(name) : table.column(name) >= 0;
  }

  /** The records that remain, lazily, in file order; closing the stream closes the reader. */
  public Stream<UsageRecord> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
  }

  @Override
  public boolean hasNext() {
    if (next == null && feed != null) {
      next = feed.next();
    } else if (next == null) {
      CsvRecord r = table.next();
      if (r != null) {
        next = decode(++recordNumber, r);
      }
    }
    return next != null;
  }

  @Override
  public UsageRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    UsageRecord r = next;
    next = null;
    return r;
  }

  /**
   * Reads up to {@code max} raw records without decoding them, numbering them in file order; empty at the end.
   * Decoding ({@link #decode}) may then run on other threads.
   */
  List<Raw> nextRaw(int max) {
    List<Raw> out = new java.util.ArrayList<>(max);
    if (next != null) {
      throw new IllegalStateException("nextRaw after hasNext: read either raw or decoded records");
    }
    if (feed != null) {
      for (UsageRecord r; out.size() < max && (r = feed.next()) != null; ) {
        out.add(new Raw(r.recordNumber(), null, r));
      }
      return out;
    }
    for (CsvRecord r; out.size() < max && (r = table.next()) != null; ) {
      out.add(new Raw(++recordNumber, r, null));
    }
    return out;
  }

  /** A record as the CSV parser gave it, with its number; or one a feed decoded already. */
  record Raw(long number, CsvRecord record, UsageRecord decoded) {}

  /** Decodes a raw record; thread-safe (reads only the header's column positions). */
  UsageRecord decode(Raw raw) {
    return raw.decoded() != null ? raw.decoded() : decode(raw.number(), raw.record());
  }

  private UsageRecord decode(long number, CsvRecord r) {
    CsvRecord f = r;
    InputProblem countProblem = table.fieldCountProblem(r);
    if (countProblem != null) {
      return new UsageRecord(number, r.getStartingLineNumber(), f.getFields(), columns, null, countProblem);
    }
    BigDecimal qty = null;
    BigDecimal price = null;
    BigDecimal rate = null;
    LocalDate day = null;
    for (int i = 0; i < order.length; i++) {
      int at = order[i];
      String value = f.getField(at);
      switch (kinds[i]) {
        case TEXT:
          if (value.isBlank()) {
            return rejected(number, r, f, at, names[i] + " must not be empty");
          }
          break;
        case NUMBER:
          String point = dialect.toPointNotation(value);
          BigDecimal v = point == null ? null : DecimalText.parse(point).orElse(null);
          if (v == null) {
            return rejected(number, r, f, at, value.isEmpty() ? names[i] + " must not be empty"
                : names[i] + " must be a decimal number, was \"" + value + "\"" + DialectHint.ofNumber(value, dialect));
          }
          if (at == quantity) {
            qty = v;
          } else if (at == unitPrice) {
            price = v;
          } else {
            rate = v;
          }
          break;
        case DAY:
          if (value.isBlank()) {
            return rejected(number, r, f, at, names[i] + " must not be empty");
          }
          try {
            day = TextValues.parseDay(value);
          } catch (IllegalArgumentException e) {
            return rejected(number, r, f, at, names[i] + " must be a date (yyyy-MM-dd, M/d/yyyy or ISO date-time), was \""
                + value + "\"");
          }
          break;
        default:
          break;
      }
    }
    try {
      UsageLine.Builder b = UsageLine.builder();
      b.customerId(f.getField(customer).trim())
          .billedPartnerId(f.getField(mpn).trim())
          .subscriptionId(f.getField(subscription).trim())
          .entitlementId(f.getField(entitlement).trim())
          .usageDate(day)
          .productId(f.getField(product).trim())
          .skuId(f.getField(sku).trim())
          .meterId(f.getField(meter).trim())
          .resourceUri(f.getField(resource).trim())
          .quantity(qty)
          .unitPrice(price)
          .pricingCurrency(f.getField(pricingCurrency).trim())
          .billingCurrency(f.getField(billingCurrency).trim())
          .pcToBcExchangeRate(rate);
      String[] opt = new String[OPTIONAL.length];
      for (int i = 0; i < optional.length; i++) {
        opt[i] = optional[i] < 0 ? "" : f.getField(optional[i]).trim();
      }
      b.resellerPartnerId(opt[0]).publisherName(opt[1]).meterName(opt[2]).meterSubCategory(opt[3])
          .skuName(opt[4]).benefitId(opt[5]).benefitType(opt[6]).chargeType(opt[7]);
      return new UsageRecord(number, r.getStartingLineNumber(), f.getFields(), columns, b.build(), null);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return rejected(number, r, f, -1, e.getMessage());
    }
  }

  private UsageRecord rejected(long number, CsvRecord r, CsvRecord f, int column, String message) {
    return new UsageRecord(number, r.getStartingLineNumber(), f.getFields(), columns, null,
        table.problem(r, column, message));
  }

  @Override
  public void close() {
    if (feed != null) {
      feed.close();
      return;
    }
    table.close();
  }
}
