package org.openpec.examples.format;

import static org.openpec.examples.format.ColumnKind.DATE;
import static org.openpec.examples.format.ColumnKind.EXACT_NUMBER;
import static org.openpec.examples.format.ColumnKind.INTEGER;
import static org.openpec.examples.format.ColumnKind.NUMBER;
import static org.openpec.examples.format.ColumnKind.TEXT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.openpec.LineResult;
import org.openpec.internal.io.CsvOutput;
import org.openpec.io.InputProblem;
import org.openpec.io.UsageOutcome;
import org.openpec.io.UsageRecord;
import org.openpec.internal.losses.LossTracker;
import org.openpec.model.UsageLine;
import org.openpec.money.LineAmounts;
import org.openpec.money.RoundingPolicy;
import org.openpec.rules.Reason;

/**
 * {@code pec credit --format focus}: one row per usage record in the columns of the FinOps Open Cost and Usage
 * Specification (FOCUS) 1.2 that daily rated usage can fill, plus {@code x_} columns for the partner credit, so
 * that FinOps hubs and Power BI load openpec's expectation beside Microsoft's own FOCUS exports.
 *
 * <p>Costs are in the billing currency and are openpec's expectation, not the reported values:
 * {@code BilledCost = EffectiveCost = BillingPreTaxTotal} (after PEC, FLOOR to cents),
 * {@code ListCost = ContractedCost = BillingPreTaxTotal + BillingCredit} (before PEC, FLOOR to cents), so that
 * {@code ListCost − BilledCost = x_PecCredit}. Unit prices in the billing currency are exact
 * ({@code UnitPrice × PCToBCExchangeRate}); the {@code PricingCurrency…} columns hold the pricing-currency values
 * unchanged. Every column, its source and its unit: {@code docs/focus-mapping.md}. A rejected record keeps its
 * identifying columns as read, no money, {@code x_PecReason = REJECTED} and its problem in {@code x_PecDetail}.
 * Thread-safe.
 */
public final class FocusTable {

  private FocusTable() {}

  private static final Map<String, ColumnKind> COLUMNS = new LinkedHashMap<>();

  static {
    c("BilledCost", NUMBER);
    c("BillingAccountId", TEXT);
    c("BillingAccountName", TEXT);
    c("BillingAccountType", TEXT);
    c("BillingCurrency", TEXT);
    c("BillingPeriodEnd", TEXT);
    c("BillingPeriodStart", TEXT);
    c("ChargeCategory", TEXT);
    c("ChargeClass", TEXT);
    c("ChargeDescription", TEXT);
    c("ChargeFrequency", TEXT);
    c("ChargePeriodEnd", TEXT);
    c("ChargePeriodStart", TEXT);
    c("ConsumedQuantity", NUMBER);
    c("ConsumedUnit", TEXT);
    c("ContractedCost", NUMBER);
    c("ContractedUnitPrice", EXACT_NUMBER);
    c("EffectiveCost", NUMBER);
    c("InvoiceId", TEXT);
    c("InvoiceIssuerName", TEXT);
    c("ListCost", NUMBER);
    c("ListUnitPrice", EXACT_NUMBER);
    c("PricingCategory", TEXT);
    c("PricingCurrency", TEXT);
    c("PricingCurrencyContractedUnitPrice", EXACT_NUMBER);
    c("PricingCurrencyEffectiveCost", EXACT_NUMBER);
    c("PricingCurrencyListUnitPrice", EXACT_NUMBER);
    c("PricingQuantity", NUMBER);
    c("PricingUnit", TEXT);
    c("ProviderName", TEXT);
    c("PublisherName", TEXT);
    c("RegionId", TEXT);
    c("RegionName", TEXT);
    c("ResourceId", TEXT);
    c("ResourceName", TEXT);
    c("ServiceName", TEXT);
    c("SkuId", TEXT);
    c("SkuMeter", TEXT);
    c("SkuPriceId", TEXT);
    c("SubAccountId", TEXT);
    c("SubAccountName", TEXT);
    c("SubAccountType", TEXT);
    c("Tags", TEXT);
    c("x_CustomerId", TEXT);
    c("x_CustomerName", TEXT);
    c("x_PartnerCreditApplied", TEXT);
    c("x_PartnerCreditRate", NUMBER);
    c("x_PecCredit", NUMBER);
    c("x_PecReason", TEXT);
    c("x_PecCreditLost", NUMBER);
    c("x_PecUsageDate", DATE);
    c("x_PecLine", INTEGER);
    c("x_PecDetail", TEXT);
  }

  private static void c(String name, ColumnKind kind) {
    COLUMNS.put(name, kind);
  }

  /** The table: FOCUS columns in alphabetical order, then the {@code x_} columns. */
  public static final TableSpec SPEC = new TableSpec("focus", new ArrayList<>(COLUMNS.keySet()),
      new ArrayList<>(COLUMNS.values()));

  private static final int WIDTH = COLUMNS.size();

  /**
   * The cells of one outcome's row.
   *
   * @param o the outcome
   * @param detail turns a line's detail into the text of {@code x_PecDetail} (e.g. to mark an uncertain day)
   */
  public static String[] cells(UsageOutcome o, BiFunction<String, LineResult, String> detail) {
    Row row = new Row();
    UsageRecord rec = o.record();
    row.put("x_PecLine", Long.toString(rec.recordNumber()));
    row.put("x_CustomerName", CsvOutput.text(rec.field("CustomerName").trim()));
    row.put("BillingAccountName", CsvOutput.text(rec.field("PartnerName").trim()));
    row.put("InvoiceId", CsvOutput.text(rec.field("InvoiceNumber").trim()));
    row.put("ConsumedUnit", CsvOutput.text(unit(rec)));
    row.put("PricingUnit", CsvOutput.text(unit(rec)));
    row.put("RegionId", CsvOutput.text(rec.field("ResourceLocation").trim()));
    row.put("RegionName", CsvOutput.text(rec.field("MeterRegion").trim()));
    row.put("ServiceName", CsvOutput.text(rec.field("MeterCategory").trim()));
    row.put("SubAccountName", CsvOutput.text(rec.field("EntitlementDescription").trim()));
    row.put("Tags", CsvOutput.text(rec.field("Tags").trim()));
    row.put("ProviderName", "Microsoft");
    row.put("InvoiceIssuerName", "Microsoft");
    row.put("BillingAccountType", "Partner");
    row.put("SubAccountType", "Subscription");
    row.put("ChargeCategory", "Usage");
    row.put("ChargeFrequency", "Usage-Based");
    row.put("PricingCategory", "Standard");
    LineResult r = o.result();
    if (r == null) {
      row.put("x_CustomerId", CsvOutput.text(rec.field("CustomerId")));
      row.put("SubAccountId", CsvOutput.text(rec.field("EntitlementId")));
      row.put("ResourceId", CsvOutput.text(rec.field("ResourceURI")));
      row.put("x_PecUsageDate", CsvOutput.text(rec.field("UsageDate")));
      row.put("BillingCurrency", CsvOutput.text(rec.field("BillingCurrency")));
      row.put("PricingCurrency", CsvOutput.text(rec.field("PricingCurrency")));
      row.put("x_PecReason", Reason.REJECTED.name());
      row.put("x_PecDetail", CsvOutput.text(rec.problem().map(InputProblem::toString).orElse("")));
      return row.cells;
    }
    UsageLine l = r.line();
    LineAmounts a = r.amounts();
    BigDecimal fx = l.pcToBcExchangeRate();
    BigDecimal unitPrice = r.repriced() ? a.unitPrice() : l.unitPrice();
    LocalDate day = l.usageDate();
    row.put("x_CustomerId", CsvOutput.text(l.customerId()));
    row.put("BillingAccountId", CsvOutput.text(l.billedPartnerId()));
    row.put("SubAccountId", CsvOutput.text(l.entitlementId()));
    row.put("ResourceId", CsvOutput.text(l.resourceUri()));
    row.put("ResourceName", CsvOutput.text(lastSegment(l.resourceUri())));
    row.put("PublisherName", CsvOutput.text(l.publisherName()));
    row.put("ChargeDescription", CsvOutput.text(l.meterName()));
    row.put("SkuMeter", CsvOutput.text(l.meterName()));
    row.put("SkuId", CsvOutput.text(l.productId() + "/" + l.skuId()));
    row.put("SkuPriceId", CsvOutput.text(l.meterId()));
    row.put("BillingCurrency", CsvOutput.text(l.billingCurrency()));
    row.put("PricingCurrency", CsvOutput.text(l.pricingCurrency()));
    row.put("ChargePeriodStart", day + "T00:00:00Z");
    row.put("ChargePeriodEnd", day.plusDays(1) + "T00:00:00Z");
    row.put("BillingPeriodStart", day.withDayOfMonth(1) + "T00:00:00Z");
    row.put("BillingPeriodEnd", day.withDayOfMonth(1).plusMonths(1) + "T00:00:00Z");
    row.put("x_PecUsageDate", day.toString());
    row.put("ConsumedQuantity", CsvOutput.number(l.quantity()));
    row.put("PricingQuantity", CsvOutput.number(l.quantity()));
    BigDecimal listCost = a.billingPreTaxTotal().add(a.billingCredit());
    row.put("BilledCost", CsvOutput.number(a.billingPreTaxTotal()));
    row.put("EffectiveCost", CsvOutput.number(a.billingPreTaxTotal()));
    row.put("ListCost", CsvOutput.number(listCost));
    row.put("ContractedCost", CsvOutput.number(listCost));
    if (unitPrice != null) {
      String billingUnitPrice = CsvOutput.number(unitPrice.multiply(fx));
      row.put("ListUnitPrice", billingUnitPrice);
      row.put("ContractedUnitPrice", billingUnitPrice);
      row.put("PricingCurrencyListUnitPrice", CsvOutput.number(unitPrice));
      row.put("PricingCurrencyContractedUnitPrice", CsvOutput.number(unitPrice));
    }
    row.put("PricingCurrencyEffectiveCost", CsvOutput.number(a.pricingPreTaxTotal()));
    boolean applied = r.isEligible() && a.rate().signum() != 0;
    row.put("x_PartnerCreditApplied", applied ? "true" : "false");
    row.put("x_PartnerCreditRate", CsvOutput.number(applied ? a.rate() : BigDecimal.ZERO));
    row.put("x_PecCredit", CsvOutput.number(a.billingCredit()));
    row.put("x_PecReason", r.reason().name());
    row.put("x_PecCreditLost", CsvOutput.number(billingCreditLost(r)));
    row.put("x_PecDetail", CsvOutput.text(detail.apply(r.detail(), r)));
    return row.cells;
  }

  /**
   * The credit a line lost, billing currency, as {@code pec losses} sums it: for a line whose product is eligible
   * but whose verdict is not, {@code FLOOR(ListCost × FX, 2) − FLOOR(ListCost × (1 − rate) × FX, 2)}; else 0.
   */
  static BigDecimal billingCreditLost(LineResult r) {
    if (!LossTracker.isLoss(r)) {
      return BigDecimal.ZERO;
    }
    BigDecimal listCost = r.amounts().listCost();
    BigDecimal fx = r.line().pcToBcExchangeRate();
    return RoundingPolicy.billed(listCost.multiply(fx))
        .subtract(RoundingPolicy.billed(listCost.multiply(BigDecimal.ONE.subtract(r.rateInForce())).multiply(fx)));
  }

  private static String unit(UsageRecord rec) {
    String unit = rec.field("Unit").trim();
    return unit.isEmpty() ? rec.field("UnitType").trim() : unit;
  }

  private static String lastSegment(String uri) {
    String u = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    return u.substring(u.lastIndexOf('/') + 1);
  }

  private static final class Row {
    final String[] cells = new String[WIDTH];

    Row() {
      java.util.Arrays.fill(cells, "");
    }

    void put(String column, String value) {
      cells[INDEX.get(column)] = value == null ? "" : value;
    }
  }

  private static final Map<String, Integer> INDEX = new LinkedHashMap<>();

  static {
    List<String> h = SPEC.header();
    for (int i = 0; i < h.size(); i++) {
      INDEX.put(h.get(i), i);
    }
  }
}
