package org.openpec.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.openpec.model.UsageLine;
import org.openpec.internal.text.DecimalText;
import org.openpec.internal.io.TextValues;

/**
 * Streams the records of a daily rated usage file (rules §11): each record becomes a {@link UsageRecord}, either a
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

  /** The bytes of records a chunk aims at: small enough to stay out of the garbage collector's large objects. */
  static final int CHUNK_BYTES = 256 * 1024;

  /** The most entries in one chunk. */
  private static final int CHUNK_ENTRIES = 4096;

  private final CsvChunks chunks;
  /** The records of another kind of source, or null for a CSV file ({@link UsageSource}). */
  private final UsageFeed feed;
  private final CsvDialect dialect;
  private final Map<String, Integer> duplicates = new HashMap<>();
  private final String displayName;
  private final String fileName;
  private final String[] header;
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
  private final CsvFields fields;
  private CsvChunks.Chunk chunk;
  private int at;
  private UsageRecord next;

  private UsageReader(InputStream in, String displayName, String fileName, CsvDialect dialect, int chunkBytes) {
    this.displayName = displayName;
    this.fileName = fileName;
    this.feed = null;
    this.dialect = dialect;
    this.chunks = new CsvChunks(in, chunkBytes, dialect.delimiter());
    this.fields = CsvFields.remembering(dialect.delimiter());
    try {
      header = readHeader();
      chunks.width(header.length);
      Map<String, Integer> positions = new HashMap<>();
      for (int i = header.length - 1; i >= 0; i--) {
        positions.put(CsvTable.normalise(header[i]), i);
      }
      for (int i = 0; i < header.length; i++) {
        String key = CsvTable.normalise(header[i]);
        if (positions.get(key) != i) {
          duplicates.putIfAbsent(key, i);
        }
      }
      columns = new UsageColumns(positions);
      if (column("CustomerId") < 0) {
        String hint = DialectHint.of(header.clone(), dialect);
        if (hint != null) {
          throw new InputException(displayName + ": " + hint);
        }
      }
      int[] at = requireColumns(UsageColumns.REQUIRED);
      customer = at[0];
      mpn = at[1];
      subscription = at[2];
      entitlement = at[3];
      usageDate = at[4];
      product = at[5];
      sku = at[6];
      meter = at[7];
      resource = at[8];
      quantity = at[9];
      unitPrice = at[10];
      pricingCurrency = at[11];
      billingCurrency = at[12];
      fx = at[13];
      optional = new int[OPTIONAL.length];
      for (int i = 0; i < OPTIONAL.length; i++) {
        optional[i] = column(OPTIONAL[i]);
      }
    } catch (InputException e) {
      close();
      throw e;
    }
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

  private String[] readHeader() {
    CsvChunks.Chunk first;
    try {
      first = chunks.next(1);
    } catch (IOException e) {
      throw new InputException(displayName + ": cannot read the header: " + e.getMessage(), e);
    }
    if (first == null) {
      throw new InputException(displayName + ": empty file (no header line)");
    }
    if (first.kind(0) == CsvChunks.TOO_LONG) {
      throw new InputException(displayName + ": cannot read the header: " + first.note(0));
    }
    CsvFields f = new CsvFields(dialect.delimiter()).parse(first.data(), first.start(0), first.end(0));
    int bad = f.invalidUtf8Field();
    if (bad >= 0) {
      throw new InputException(displayName + ": cannot read the header: field " + (bad + 1)
          + " is not valid UTF-8 (line " + first.line(0) + ")");
    }
    String[] h = f.all().toArray(new String[0]);
    if (h.length == 1 && h[0].isBlank()) {
      throw new InputException(displayName + ": empty file (no header line)");
    }
    if (String.join(",", h).indexOf('\u0000') >= 0) {
      throw new InputException(displayName + ": not UTF-8 text: the header line holds NUL bytes, as UTF-16 text "
          + "without a byte-order mark does; save the file as UTF-8");
    }
    return h;
  }

  /**
   * The 0-based index of a column, or -1.
   *
   * @throws InputException when the header names the column twice (ignoring case)
   */
  private int column(String name) {
    String key = CsvTable.normalise(name);
    Integer second = duplicates.get(key);
    if (second != null) {
      throw new InputException(displayName + ": column " + name + " appears twice in the header (columns "
          + (columns.index(name) + 1) + " and " + (second + 1) + ")");
    }
    return columns.index(name);
  }

  /** The indexes of required columns; every missing one is named. */
  private int[] requireColumns(String... required) {
    int[] at = new int[required.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < required.length; i++) {
      at[i] = column(required[i]);
      if (at[i] < 0) {
        missing.add(required[i]);
      }
    }
    if (missing.size() == 1) {
      throw new InputException(displayName + ": required column " + missing.get(0) + " is missing");
    }
    if (!missing.isEmpty()) {
      throw new InputException(displayName + ": required columns " + String.join(", ", missing) + " are missing");
    }
    return at;
  }

  /** A reader of records that another source decodes (JSON Lines, a manifest, several files). */
  private UsageReader(UsageFeed feed) {
    this.chunks = null;
    this.fields = null;
    this.feed = feed;
    this.dialect = CsvDialect.STANDARD;
    this.displayName = feed.fileName();
    this.fileName = feed.fileName();
    this.header = null;
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

  /** Whether the records arrive decoded from another kind of source (read them with {@link #next}). */
  boolean isFeed() {
    return feed != null;
  }

  /** A fresh {@link CsvFields} for a thread that decodes this reader's records. */
  CsvFields fieldsForThread() {
    return CsvFields.remembering(dialect.delimiter());
  }

  /**
   * Opens a usage file and reads its header.
   *
   * @param path the file to read
   * @return the reader, positioned before the first record
   * @throws InputException when the file cannot be read, is empty, or lacks a required column
   */
  public static UsageReader open(Path path) {
    return open(path, CsvDialect.STANDARD);
  }

  /**
   * Opens a usage CSV written in {@code dialect} and reads its header. {@link UsageSource} also reads gzip, JSON
   * Lines and manifests, and several files as one.
   *
   * @param path the file to read
   * @param dialect the delimiter and decimal separator of the file
   * @return the reader, positioned before the first record
   * @throws InputException when the file cannot be read, is empty, or lacks a required column; when the header
   *     is separated by another delimiter, the message names it
   */
  public static UsageReader open(Path path, CsvDialect dialect) {
    String display = path.toString();
    InputStream in;
    try {
      in = Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new InputException(display + ": file not found");
    } catch (IOException e) {
      throw new InputException(display + ": cannot read file: " + e.getMessage(), e);
    }
    return new UsageReader(in, display, path.getFileName() == null ? display : path.getFileName().toString(),
        dialect, CHUNK_BYTES);
  }

  /**
   * Reads a usage file from a stream (e.g. standard input).
   *
   * @param in the stream; closed with the reader
   * @param name the name used in messages
   * @return the reader, positioned before the first record
   * @throws InputException when the text is empty or lacks a required column
   */
  public static UsageReader open(InputStream in, String name) {
    return open(in, name, name, CsvDialect.STANDARD);
  }

  /** Reads a usage CSV in {@code dialect} from a stream; {@code display} names it in fatal messages. */
  static UsageReader open(InputStream in, String display, String name, CsvDialect dialect) {
    return new UsageReader(in, display, name, dialect, CHUNK_BYTES);
  }

  /** Reads a usage file from a stream in chunks of about {@code chunkBytes} (tests use tiny chunks). */
  static UsageReader open(InputStream in, String name, int chunkBytes) {
    return new UsageReader(in, name, name, CsvDialect.STANDARD, chunkBytes);
  }

  /** {@return the file's name without folders, as problems name it} */
  public String fileName() {
    return feed != null ? feed.fileName() : fileName;
  }

  /**
   * {@return whether the header has the column}
   *
   * @param name the column name
   */
  public boolean hasColumn(String name) {
    return feed != null ? feed.hasColumn(name) : columns.index(name) >= 0;
  }

  /** {@return the records that remain, lazily, in file order; closing the stream closes the reader} */
  public Stream<UsageRecord> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
  }

  @Override
  public boolean hasNext() {
    if (next == null && feed != null) {
      next = feed.next();
      return next != null;
    }
    while (next == null) {
      if (chunk == null || at == chunk.size()) {
        chunk = nextChunk();
        at = 0;
        if (chunk == null) {
          return false;
        }
      }
      next = decode(chunk, at++, fields);
    }
    return true;
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
   * Hands back the buffer of a chunk from {@link #nextChunk} whose records are all decoded and none of which is
   * kept: a later chunk is read into it.
   */
  void reuse(CsvChunks.Chunk c) {
    if (chunks != null) {
      chunks.reuse(c);
    }
  }

  /**
   * The next chunk of whole records, numbered in file order, or null at the end; its records are then decoded
   * ({@link #decode}) on any thread.
   *
   * @throws InputException when the file cannot be read
   */
  CsvChunks.Chunk nextChunk() {
    if (feed != null) {
      throw new IllegalStateException("a feed's records arrive decoded: read them with next()");
    }
    if (next != null || (chunk != null && at < chunk.size())) {
      throw new IllegalStateException("nextChunk after hasNext: read either chunks or records");
    }
    try {
      return chunks.next(CHUNK_ENTRIES);
    } catch (IOException e) {
      throw new InputException(displayName + ": cannot read file: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes entry {@code i} of a chunk. Thread-safe as long as each thread passes its own {@code fields}
   * (it reads only the header's column positions). The common record — well formed, every value plain and
   * valid — is read here; any other is handed to {@link #decodeExactly}, which finds and names its problem, so
   * that rare paths stay out of the code the JIT compiles for every record.
   */
  UsageRecord decode(CsvChunks.Chunk c, int i, CsvFields f) {
    if (c.kind(i) != CsvChunks.RECORD) {
      return decodeExactly(c, i, f);
    }
    byte[] data = c.data();
    int start = c.start(i);
    int end = c.end(i);
    f.parse(data, start, end);
    if (f.count() != header.length || f.invalidUtf8Field() >= 0) {
      return decodeExactly(c, i, f);
    }
    BigDecimal qty = null;
    BigDecimal price = null;
    BigDecimal rate = null;
    LocalDate day = null;
    String[] text = f.scratchTexts(header.length);
    for (int k = 0; k < order.length; k++) {
      int col = order[k];
      Kind kind = kinds[k];
      if (kind == Kind.TEXT) {
        String t = f.plainTrimmed(col);
        if (t == null) {
          t = textOrNull(f, col);
          if (t == null) {
            return decodeExactly(c, i, f);
          }
        }
        text[col] = t;
      } else if (kind == Kind.NUMBER) {
        BigDecimal v = (BigDecimal) f.remembered(col);
        if (v == null) {
          v = numberOrNull(f, col);
          if (v == null) {
            return decodeExactly(c, i, f);
          }
        }
        if (col == quantity) {
          qty = v;
        } else if (col == unitPrice) {
          price = v;
        } else {
          rate = v;
        }
      } else if (kind == Kind.DAY) {
        LocalDate d = (LocalDate) f.remembered(col);
        if (d == null) {
          d = dayOrNull(f, col);
          if (d == null) {
            return decodeExactly(c, i, f);
          }
        }
        day = d;
      }
    }
    UsageLine line = lineOrNull(f, text, day, qty, price, rate);
    if (line == null) {
      return decodeExactly(c, i, f);
    }
    return new UsageRecord(c.firstRecord() + i, c.line(i), data, start, end, dialect.delimiter(), columns, line,
        null);
  }

  /** The trimmed text of a required text field that is not plain, or null when it is blank. */
  private static String textOrNull(CsvFields f, int col) {
    String value = f.text(col);
    return value.isBlank() ? null : value.trim();
  }

  /** The number a field reads as (remembered when plain), or null when it does not read as one. */
  private BigDecimal numberOrNull(CsvFields f, int col) {
    String point = dialect.toPointNotation(f.text(col));
    BigDecimal v = point == null ? null : DecimalText.parse(point).orElse(null);
    if (v != null) {
      f.remember(col, v);
    }
    return v;
  }

  /** The day a field reads as (remembered when plain), or null when it is blank, not a day, or out of range. */
  private static LocalDate dayOrNull(CsvFields f, int col) {
    String value = f.text(col);
    if (value.isBlank()) {
      return null;
    }
    LocalDate d;
    try {
      d = TextValues.parseDay(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
      return null;
    }
    f.remember(col, d);
    return d;
  }

  /** The usage line of valid values, or null when the line itself refuses them. */
  private UsageLine lineOrNull(CsvFields f, String[] text, LocalDate day, BigDecimal qty, BigDecimal price,
      BigDecimal rate) {
    try {
      return line(f, text, day, qty, price, rate);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  private UsageLine line(CsvFields f, String[] text, LocalDate day, BigDecimal qty, BigDecimal price,
      BigDecimal rate) {
    UsageLine.Builder b = UsageLine.builder();
    b.customerId(text[customer])
        .billedPartnerId(text[mpn])
        .subscriptionId(text[subscription])
        .entitlementId(text[entitlement])
        .usageDate(day)
        .productId(text[product])
        .skuId(text[sku])
        .meterId(text[meter])
        .resourceUri(trimmed(f, resource))
        .quantity(qty)
        .unitPrice(price)
        .pricingCurrency(text[pricingCurrency])
        .billingCurrency(text[billingCurrency])
        .pcToBcExchangeRate(rate);
    String[] opt = new String[OPTIONAL.length];
    for (int k = 0; k < optional.length; k++) {
      opt[k] = optional[k] < 0 ? "" : trimmed(f, optional[k]);
    }
    b.resellerPartnerId(opt[0]).publisherName(opt[1]).meterName(opt[2]).meterSubCategory(opt[3])
        .skuName(opt[4]).benefitId(opt[5]).benefitType(opt[6]).chargeType(opt[7]);
    return b.build();
  }

  /**
   * Decodes entry {@code i} of a chunk the long way, naming the first problem exactly: the record the fast path
   * ({@link #decode}) hands here is one it could not read as it is.
   */
  private UsageRecord decodeExactly(CsvChunks.Chunk c, int i, CsvFields f) {
    long number = c.firstRecord() + i;
    long physical = c.line(i);
    byte[] data = c.data();
    int start = c.start(i);
    int end = c.end(i);
    if (c.kind(i) != CsvChunks.RECORD) {
      return rejected(number, physical, data, start, end, -1, c.note(i));
    }
    f.parse(data, start, end);
    int n = f.count();
    if (n != header.length) {
      return rejected(number, physical, data, start, end, -1,
          "record has " + n + " field" + (n == 1 ? "" : "s") + ", the header has " + header.length);
    }
    int badText = f.invalidUtf8Field();
    if (badText >= 0) {
      return rejected(number, physical, data, start, end, badText, header[badText].trim()
          + " is not valid UTF-8 text (a byte sequence no character is encoded as)");
    }
    BigDecimal qty = null;
    BigDecimal price = null;
    BigDecimal rate = null;
    LocalDate day = null;
    String[] text = new String[header.length];
    for (int k = 0; k < order.length; k++) {
      int col = order[k];
      switch (kinds[k]) {
        case TEXT: {
          String t = f.plainTrimmed(col);
          if (t == null) {
            String value = f.text(col);
            if (value.isBlank()) {
              return rejected(number, physical, data, start, end, col, names[k] + " must not be empty");
            }
            t = value.trim();
          }
          text[col] = t;
          break;
        }
        case NUMBER: {
          BigDecimal v = (BigDecimal) f.remembered(col);
          if (v == null) {
            String value = f.text(col);
            String point = dialect.toPointNotation(value);
            v = point == null ? null : DecimalText.parse(point).orElse(null);
            if (v == null) {
              return rejected(number, physical, data, start, end, col, value.isEmpty()
                  ? names[k] + " must not be empty"
                  : names[k] + " must be a decimal number, was \"" + shown(value) + "\""
                  + DialectHint.ofNumber(value, dialect));
            }
            f.remember(col, v);
          }
          if (col == quantity) {
            qty = v;
          } else if (col == unitPrice) {
            price = v;
          } else {
            rate = v;
          }
          break;
        }
        case DAY: {
          LocalDate d = (LocalDate) f.remembered(col);
          if (d == null) {
            String value = f.text(col);
            if (value.isBlank()) {
              return rejected(number, physical, data, start, end, col, names[k] + " must not be empty");
            }
            try {
              d = TextValues.parseDay(value);
            } catch (IllegalArgumentException e) {
              return rejected(number, physical, data, start, end, col, names[k]
                  + " must be a date (yyyy-MM-dd, M/d/yyyy or ISO date-time), was \"" + shown(value) + "\"");
            }
            if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
              return rejected(number, physical, data, start, end, col, names[k] + " must be a day of the years "
                  + MIN_YEAR + " to " + MAX_YEAR + ", was \"" + shown(value) + "\"");
            }
            f.remember(col, d);
          }
          day = d;
          break;
        }
        default:
          break;
      }
    }
    try {
      UsageLine line = line(f, text, day, qty, price, rate);
      return new UsageRecord(number, physical, data, start, end, dialect.delimiter(), columns, line, null);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return rejected(number, physical, data, start, end, -1, e.getMessage());
    }
  }

  /** The trimmed text of field {@code i} ({@code text(i).trim()}), shared with earlier records when plain. */
  private static String trimmed(CsvFields f, int i) {
    String t = f.plainTrimmed(i);
    return t != null ? t : f.text(i).trim();
  }

  /** The earliest year of a usage day openpec reads. */
  static final int MIN_YEAR = 1;
  /** The latest year of a usage day openpec reads. */
  static final int MAX_YEAR = 9999;

  /** A value as a message shows it: at most 200 characters. */
  private static String shown(String value) {
    return value.length() <= 200 ? value : value.substring(0, 200) + "... (" + value.length() + " characters)";
  }

  private UsageRecord rejected(long number, long physical, byte[] data, int start, int end, int column,
      String message) {
    return new UsageRecord(number, physical, data, start, end, dialect.delimiter(), columns, null,
        new InputProblem(fileName, physical, column < 0 ? 0 : column + 1, message));
  }

  @Override
  public void close() {
    if (feed != null) {
      feed.close();
      return;
    }
    try {
      chunks.close();
    } catch (IOException ignored) {
      // nothing more to report
    }
  }
}
