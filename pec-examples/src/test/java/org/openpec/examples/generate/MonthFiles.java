package org.openpec.examples.generate;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PartnerDirectory.Membership;
import org.openpec.model.PriceListEntry;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;

/**
 * A small reader of the generated files for the tests, written from rules §11 and independent of the generator:
 * FastCSV records, columns by header name, the spec's number and date forms.
 */
final class MonthFiles {

  static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern US_DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})( \\d{1,2}:\\d{2}:\\d{2} [AP]M)?");
  static final List<String> REQUIRED = List.of("CustomerId", "MpnId", "SubscriptionId", "EntitlementId",
      "UsageDate", "ProductId", "SkuId", "MeterId", "Quantity", "UnitPrice", "PricingCurrency", "BillingCurrency",
      "PCToBCExchangeRate");

  private MonthFiles() {}

  /** One usage record: its fields, and the line it reads as or the reason it cannot be read. */
  record UsageRow(long record, List<String> fields, Map<String, Integer> header, Optional<UsageLine> line,
      Optional<String> problem) {
    String field(String column) {
      return fields.get(header.get(column));
    }
  }

  static List<CsvRecord> records(Path file) {
    List<CsvRecord> out = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(file)) {
      reader.forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static Map<String, Integer> header(CsvRecord header) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < header.getFieldCount(); i++) {
      index.put(header.getField(i), i);
    }
    return index;
  }

  static List<UsageRow> usage(Path file) {
    List<UsageRow> rows = new ArrayList<>();
    forEachUsage(file, rows::add);
    return rows;
  }

  /** Reads the usage file record by record, in flat memory (for large months). */
  static void forEachUsage(Path file, java.util.function.Consumer<UsageRow> action) {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE).ofCsvRecord(file)) {
      java.util.Iterator<CsvRecord> it = reader.iterator();
      Map<String, Integer> h = header(it.next());
      long i = 0;
      while (it.hasNext()) {
        action.accept(row(++i, it.next().getFields(), h));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static UsageRow row(long i, List<String> f, Map<String, Integer> h) {
    String problem = problemOf(f, h);
    Optional<UsageLine> line = Optional.empty();
    if (problem == null) {
      line = Optional.of(UsageLine.builder().customerId(f.get(h.get("CustomerId")))
          .billedPartnerId(f.get(h.get("MpnId"))).resellerPartnerId(f.get(h.get("Tier2MpnId")))
          .subscriptionId(f.get(h.get("SubscriptionId"))).entitlementId(f.get(h.get("EntitlementId")))
          .usageDate(day(f.get(h.get("UsageDate"))).orElseThrow()).productId(f.get(h.get("ProductId")))
          .skuId(f.get(h.get("SkuId"))).meterId(f.get(h.get("MeterId"))).resourceUri(f.get(h.get("ResourceURI")))
          .quantity(new BigDecimal(f.get(h.get("Quantity")))).unitPrice(new BigDecimal(f.get(h.get("UnitPrice"))))
          .pricingCurrency(f.get(h.get("PricingCurrency"))).billingCurrency(f.get(h.get("BillingCurrency")))
          .pcToBcExchangeRate(new BigDecimal(f.get(h.get("PCToBCExchangeRate"))))
          .publisherName(f.get(h.get("PublisherName"))).meterName(f.get(h.get("MeterName")))
          .meterSubCategory(f.get(h.get("MeterSubCategory"))).skuName(f.get(h.get("SkuName")))
          .benefitId(f.get(h.get("BenefitId"))).benefitType(f.get(h.get("BenefitType")))
          .chargeType(f.get(h.get("ChargeType"))).build());
    }
    return new UsageRow(i, f, h, line, Optional.ofNullable(problem));
  }

  /** Why a usage record must be rejected (rules §9), or null when it can be read. */
  static String problemOf(List<String> f, Map<String, Integer> h) {
    if (f.size() != h.size()) {
      return "field count " + f.size();
    }
    for (String c : REQUIRED) {
      if (f.get(h.get(c)).isBlank()) {
        return "missing " + c;
      }
    }
    for (String c : List.of("Quantity", "UnitPrice", "PCToBCExchangeRate")) {
      if (!NUMBER.matcher(f.get(h.get(c)).trim()).matches()) {
        return "bad number " + c;
      }
    }
    if (day(f.get(h.get("UsageDate"))).isEmpty()) {
      return "bad date";
    }
    return null;
  }

  /** A day field in any form of rules §11, or empty when it does not parse. */
  static Optional<LocalDate> day(String text) {
    String s = text.trim();
    try {
      if (s.contains("T")) {
        try {
          return Optional.of(OffsetDateTime.parse(s).atZoneSameInstant(ZoneOffset.UTC).toLocalDate());
        } catch (DateTimeException e) {
          return Optional.of(LocalDateTime.parse(s).toLocalDate());
        }
      }
      Matcher m = US_DAY.matcher(s);
      if (m.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2))));
      }
      return Optional.of(LocalDate.parse(s));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  static Instant instant(String text) {
    String s = text.trim();
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeException e) {
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }
  }

  static List<AccessGrant> grants(Path file) {
    List<CsvRecord> all = records(file);
    Map<String, Integer> h = header(all.get(0));
    List<AccessGrant> out = new ArrayList<>();
    for (CsvRecord r : all.subList(1, all.size())) {
      String partner = r.getField(h.get("PartnerId"));
      String revoked = r.getField(h.get("RevokedAt"));
      AccessGrant.Builder b = AccessGrant.builder();
      b.grantId(r.getField(h.get("GrantId")))
          .channel(r.getField(h.get("Channel"))).principalId(r.getField(h.get("PrincipalId")))
          .principalType(r.getField(h.get("PrincipalType"))).roleDefinitionId(r.getField(h.get("RoleDefinitionId")))
          .roleName(r.getField(h.get("RoleName"))).scope(Scope.parse(r.getField(h.get("Scope"))))
          .assignment(Assignment.parse(r.getField(h.get("Assignment"))))
          .grantedAt(instant(r.getField(h.get("GrantedAt"))));
      if (!partner.isBlank()) {
        b.partnerId(partner);
      }
      if (!revoked.isBlank()) {
        b.revokedAt(instant(revoked));
      }
      out.add(b.build());
    }
    return out;
  }

  static List<PriceListEntry> prices(Path file) {
    List<CsvRecord> all = records(file);
    Map<String, Integer> h = header(all.get(0));
    List<PriceListEntry> out = new ArrayList<>();
    for (CsvRecord r : all.subList(1, all.size())) {
      PriceListEntry.Builder b = PriceListEntry.builder();
      b.productId(r.getField(h.get("ProductId"))).skuId(r.getField(h.get("SkuId")))
          .productTitle(r.getField(h.get("ProductTitle"))).skuTitle(r.getField(h.get("SkuTitle")))
          .publisher(r.getField(h.get("Publisher"))).currency(r.getField(h.get("Currency")))
          .unitOfMeasure(r.getField(h.get("UnitOfMeasure"))).tags(r.getField(h.get("Tags")))
          .addAllMeterIds(PriceListEntry.splitMeterIds(r.getField(h.get("MeterIds"))));
      number(r.getField(h.get("UnitPrice"))).ifPresent(b::unitPrice);
      number(r.getField(h.get("PricingTierRangeMin"))).ifPresent(b::tierMin);
      number(r.getField(h.get("PricingTierRangeMax"))).ifPresent(b::tierMax);
      String start = r.getField(h.get("EffectiveStartDate"));
      String end = r.getField(h.get("EffectiveEndDate"));
      if (!start.isBlank()) {
        b.effectiveStart(day(start).orElseThrow());
      }
      if (!end.isBlank()) {
        b.effectiveEnd(day(end).orElseThrow());
      }
      out.add(b.build());
    }
    return out;
  }

  static List<Membership> partners(Path file) {
    List<CsvRecord> all = records(file);
    Map<String, Integer> h = header(all.get(0));
    List<Membership> out = new ArrayList<>();
    for (CsvRecord r : all.subList(1, all.size())) {
      String start = r.getField(h.get("AgreementStart"));
      String end = r.getField(h.get("AgreementEnd"));
      out.add(new Membership(r.getField(h.get("PartnerId")), r.getField(h.get("OrganizationId")),
          start.isBlank() ? Optional.empty() : Optional.of(day(start).orElseThrow()),
          end.isBlank() ? Optional.empty() : Optional.of(day(end).orElseThrow())));
    }
    return out;
  }

  private static Optional<BigDecimal> number(String s) {
    return s.isBlank() ? Optional.empty() : Optional.of(new BigDecimal(s.trim()));
  }

  /** The number of decimals of a number as written ({@code 0.4250} → 4). */
  static int decimals(String s) {
    int dot = s.indexOf('.');
    return dot < 0 ? 0 : s.length() - dot - 1;
  }
}
