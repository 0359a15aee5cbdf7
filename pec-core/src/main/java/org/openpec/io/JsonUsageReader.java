package org.openpec.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openpec.internal.io.TextValues;
import org.openpec.internal.text.DecimalText;
import org.openpec.model.UsageLine;

/**
 * Reads daily rated usage written as JSON Lines — one JSON object per line, as the Microsoft Graph billed and
 * unbilled usage reconciliation export (v2) writes its blobs — into the same {@link UsageRecord}s as the CSV.
 *
 * <p>A field is the CSV column of the same name in camelCase ({@code customerId}, {@code resourceUri},
 * {@code pcToBCExchangeRate}, ...); names compare ignoring case, so PascalCase objects read too, and
 * {@code resellerMpnId} stands for {@code Tier2MpnId}. Values may be JSON strings or numbers (a number keeps the
 * exact digits written); {@code null} is an empty field; nested objects and arrays are skipped; unknown fields
 * are ignored. Blank lines are not records.
 *
 * <p>The first object must carry every field pec needs (those of the CSV's required columns, plus any the caller
 * names); otherwise the file cannot be used at all ({@link InputException}), and the message names the fields and
 * asks for the full attribute set of the export. A later object lacking one is a rejected record. A rejected
 * record's problem is {@code file:line:column}: the physical line and the 1-based character column where the
 * offending value starts (0 when the whole line is at fault). Streams line by line; not thread-safe.
 */
final class JsonUsageReader implements UsageFeed {

  /** The usage columns in the order of the CSV header; a JSON field is one of them in camelCase. */
  static final List<String> COLUMNS = List.of("PartnerId", "PartnerName", "CustomerId", "CustomerName",
      "CustomerDomainName", "CustomerCountry", "MpnId", "Tier2MpnId", "InvoiceNumber", "ProductId", "SkuId",
      "AvailabilityId", "SkuName", "ProductName", "PublisherName", "PublisherId", "SubscriptionDescription",
      "SubscriptionId", "ChargeStartDate", "ChargeEndDate", "UsageDate", "MeterType", "MeterCategory", "MeterId",
      "MeterSubCategory", "MeterName", "MeterRegion", "Unit", "ResourceLocation", "ConsumedService", "ResourceGroup",
      "ResourceURI", "ChargeType", "UnitPrice", "Quantity", "UnitType", "BillingPreTaxTotal", "BillingCurrency",
      "PricingPreTaxTotal", "PricingCurrency", "ServiceInfo1", "ServiceInfo2", "Tags", "AdditionalInfo",
      "EffectiveUnitPrice", "PCToBCExchangeRate", "PCToBCExchangeRateDate", "EntitlementId",
      "EntitlementDescription", "PartnerEarnedCreditPercentage", "CreditPercentage", "CreditType", "BenefitOrderId",
      "BenefitId", "BenefitType");

  private static final Map<String, Integer> INDEX = new HashMap<>();
  private static final String[] JSON_NAMES = new String[COLUMNS.size()];

  static {
    for (int i = 0; i < COLUMNS.size(); i++) {
      String c = COLUMNS.get(i);
      INDEX.put(c.toLowerCase(Locale.ROOT), i);
      JSON_NAMES[i] = c.startsWith("PCToBC") ? "pcToBC" + c.substring(6)
          : c.equals("ResourceURI") ? "resourceUri" : Character.toLowerCase(c.charAt(0)) + c.substring(1);
    }
    INDEX.put("resellermpnid", COLUMNS.indexOf("Tier2MpnId"));
  }

  private enum Kind { TEXT, OPTIONAL_TEXT, NUMBER, DAY }

  private static final int CUSTOMER = col("CustomerId");
  private static final int MPN = col("MpnId");
  private static final int TIER2 = col("Tier2MpnId");
  private static final int SUBSCRIPTION = col("SubscriptionId");
  private static final int ENTITLEMENT = col("EntitlementId");
  private static final int USAGE_DATE = col("UsageDate");
  private static final int PRODUCT = col("ProductId");
  private static final int SKU = col("SkuId");
  private static final int METER = col("MeterId");
  private static final int RESOURCE = col("ResourceURI");
  private static final int QUANTITY = col("Quantity");
  private static final int UNIT_PRICE = col("UnitPrice");
  private static final int PRICING_CURRENCY = col("PricingCurrency");
  private static final int BILLING_CURRENCY = col("BillingCurrency");
  private static final int FX = col("PCToBCExchangeRate");

  /** The fields every record needs, with how each is checked. */
  private static final int[] CHECKED = {CUSTOMER, MPN, SUBSCRIPTION, ENTITLEMENT, USAGE_DATE, PRODUCT, SKU, METER,
      RESOURCE, QUANTITY, UNIT_PRICE, PRICING_CURRENCY, BILLING_CURRENCY, FX};
  private static final Kind[] CHECKED_KINDS = {Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.DAY, Kind.TEXT,
      Kind.TEXT, Kind.TEXT, Kind.OPTIONAL_TEXT, Kind.NUMBER, Kind.NUMBER, Kind.TEXT, Kind.TEXT, Kind.NUMBER};

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final BufferedReader in;
  private final String display;
  private final String fileName;
  private final Map<Long, UsageColumns> shapes = new HashMap<>();
  private final Deque<UsageRecord> ahead = new ArrayDeque<>();
  private long firstShape = -1;
  private long physicalLine;
  private long recordNumber;

  private JsonUsageReader(BufferedReader in, String display, String fileName) {
    this.in = in;
    this.display = display;
    this.fileName = fileName;
  }

  private static int col(String name) {
    return COLUMNS.indexOf(name);
  }

  /** The JSON field name of a usage column (its CSV name in camelCase). */
  static String jsonName(String column) {
    Integer i = INDEX.get(column.toLowerCase(Locale.ROOT));
    return i == null ? column : JSON_NAMES[i];
  }

  /** The JSON names of the fields every record needs. */
  static List<String> requiredFields() {
    List<String> out = new ArrayList<>();
    for (int c : CHECKED) {
      out.add(JSON_NAMES[c]);
    }
    return out;
  }

  /**
   * Opens JSON Lines text and checks its first object for the fields pec needs.
   *
   * @param stream the UTF-8 text (an optional BOM is skipped); closed by {@link #close}
   * @param display the file as given, for fatal messages
   * @param fileName the file's name without folders, for record problems
   * @param needed further columns (CSV names) the caller needs, e.g. the reported PEC columns for a reconciliation
   * @param advice what to do about missing fields, appended to the message
   * @throws InputException when the first object lacks a field pec needs, or the text cannot be read
   */
  static JsonUsageReader open(InputStream stream, String display, String fileName, Collection<String> needed,
      String advice) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
    JsonUsageReader r = new JsonUsageReader(reader, display, fileName);
    try {
      r.checkFirst(needed, advice);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  private void checkFirst(Collection<String> needed, String advice) {
    while (firstShape < 0) {
      UsageRecord rec = read();
      if (rec == null) {
        return;
      }
      ahead.add(rec);
    }
    Set<String> missing = new LinkedHashSet<>();
    for (int c : CHECKED) {
      if ((firstShape & (1L << c)) == 0) {
        missing.add(JSON_NAMES[c]);
      }
    }
    for (String c : needed) {
      Integer i = INDEX.get(c.toLowerCase(Locale.ROOT));
      if (i != null && (firstShape & (1L << i)) == 0) {
        missing.add(JSON_NAMES[i]);
      }
    }
    if (!missing.isEmpty()) {
      throw new InputException(display + ":" + ahead.peekLast().physicalLine() + ": the usage lacks the field"
          + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " that pec needs" + advice);
    }
  }

  @Override
  public UsageRecord next() {
    return ahead.isEmpty() ? read() : ahead.poll();
  }

  @Override
  public String fileName() {
    return fileName;
  }

  @Override
  public boolean hasColumn(String column) {
    Integer i = INDEX.get(column.toLowerCase(Locale.ROOT));
    return i != null && firstShape >= 0 && (firstShape & (1L << i)) != 0;
  }

  private UsageRecord read() {
    String text;
    try {
      do {
        text = in.readLine();
        if (text == null) {
          return null;
        }
        physicalLine++;
        if (physicalLine == 1 && text.startsWith("\uFEFF")) {
          text = text.substring(1);
        }
      } while (text.isBlank());
    } catch (IOException | UncheckedIOException e) {
      throw new InputException(display + ": cannot read file: " + e.getMessage(), e);
    }
    return parse(text, ++recordNumber, physicalLine);
  }

  private UsageRecord parse(String text, long number, long line) {
    String[] values = new String[COLUMNS.size()];
    String[] keys = new String[COLUMNS.size()];
    int[] at = new int[COLUMNS.size()];
    long shape = 0;
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return rejected(number, line, values, 0, 1, "the line is not a JSON object");
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String key = p.currentName();
        JsonToken v = p.nextToken();
        int column = (int) p.currentTokenLocation().getColumnNr();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        Integer i = INDEX.get(key.toLowerCase(Locale.ROOT));
        if (i == null) {
          continue;
        }
        values[i] = v == JsonToken.VALUE_NULL ? "" : p.getText();
        keys[i] = key;
        at[i] = column;
        shape |= 1L << i;
      }
      if (p.nextToken() != null) {
        return rejected(number, line, values, shape, (int) p.currentTokenLocation().getColumnNr(),
            "more than one JSON value on the line");
      }
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
      return rejected(number, line, values, shape, column, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (firstShape < 0) {
      firstShape = shape;
    }
    return decode(number, line, values, keys, at, shape);
  }

  private UsageRecord decode(long number, long line, String[] values, String[] keys, int[] at, long shape) {
    Integer[] order = new Integer[CHECKED.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(at[CHECKED[a]], at[CHECKED[b]]));
    BigDecimal qty = null;
    BigDecimal price = null;
    BigDecimal rate = null;
    LocalDate day = null;
    for (int k : order) {
      int c = CHECKED[k];
      String name = keys[c] == null ? JSON_NAMES[c] : keys[c];
      String value = values[c];
      if (value == null) {
        return rejected(number, line, values, shape, 0, "field " + name + " is absent");
      }
      switch (CHECKED_KINDS[k]) {
        case TEXT:
          if (value.isBlank()) {
            return rejected(number, line, values, shape, at[c], name + " must not be empty");
          }
          break;
        case NUMBER:
          BigDecimal v = DecimalText.parse(value).orElse(null);
          if (v == null) {
            return rejected(number, line, values, shape, at[c], value.isEmpty() ? name + " must not be empty"
                : name + " must be a decimal number, was \"" + value + "\"");
          }
          if (c == QUANTITY) {
            qty = v;
          } else if (c == UNIT_PRICE) {
            price = v;
          } else {
            rate = v;
          }
          break;
        case DAY:
          if (value.isBlank()) {
            return rejected(number, line, values, shape, at[c], name + " must not be empty");
          }
          try {
            day = TextValues.parseDay(value);
          } catch (IllegalArgumentException e) {
            return rejected(number, line, values, shape, at[c], name
                + " must be a date (yyyy-MM-dd, M/d/yyyy or ISO date-time), was \"" + value + "\"");
          }
          break;
        default:
          break;
      }
    }
    try {
      UsageLine l = UsageLine.builder()
          .customerId(values[CUSTOMER].trim())
          .billedPartnerId(values[MPN].trim())
          .subscriptionId(values[SUBSCRIPTION].trim())
          .entitlementId(values[ENTITLEMENT].trim())
          .usageDate(day)
          .productId(values[PRODUCT].trim())
          .skuId(values[SKU].trim())
          .meterId(values[METER].trim())
          .resourceUri(values[RESOURCE].trim())
          .quantity(qty)
          .unitPrice(price)
          .pricingCurrency(values[PRICING_CURRENCY].trim())
          .billingCurrency(values[BILLING_CURRENCY].trim())
          .pcToBcExchangeRate(rate)
          .resellerPartnerId(optional(values, TIER2))
          .publisherName(optional(values, col("PublisherName")))
          .meterName(optional(values, col("MeterName")))
          .meterSubCategory(optional(values, col("MeterSubCategory")))
          .skuName(optional(values, col("SkuName")))
          .benefitId(optional(values, col("BenefitId")))
          .benefitType(optional(values, col("BenefitType")))
          .chargeType(optional(values, col("ChargeType")))
          .build();
      return new UsageRecord(number, line, fields(values), columns(shape), l, null);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return rejected(number, line, values, shape, 0, e.getMessage());
    }
  }

  private static String optional(String[] values, int c) {
    return values[c] == null ? "" : values[c].trim();
  }

  private UsageRecord rejected(long number, long line, String[] values, long shape, int column, String message) {
    return new UsageRecord(number, line, fields(values), columns(shape), null,
        new InputProblem(fileName, line, column, message));
  }

  private static List<String> fields(String[] values) {
    String[] f = new String[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = values[i] == null ? "" : values[i];
    }
    return Arrays.asList(f);
  }

  /** The columns of records carrying the fields of {@code shape}; one instance per shape. */
  private UsageColumns columns(long shape) {
    return shapes.computeIfAbsent(shape, s -> {
      Map<String, Integer> positions = new HashMap<>();
      for (int i = 0; i < COLUMNS.size(); i++) {
        if ((s & (1L << i)) != 0) {
          positions.put(CsvTable.normalise(COLUMNS.get(i)), i);
        }
      }
      return new UsageColumns(positions);
    });
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing more to report
    }
  }
}
