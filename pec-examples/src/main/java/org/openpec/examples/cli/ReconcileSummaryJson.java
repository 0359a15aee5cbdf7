package org.openpec.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.openpec.internal.reconcile.Claim;
import org.openpec.internal.reconcile.Reconciler;
import org.openpec.internal.reconcile.ReconciliationKind;
import org.openpec.internal.reconcile.ReconciliationSummary;
import org.openpec.internal.reconcile.ReconciliationTotals;

/**
 * The JSON summary of a {@code reconcile} run: counts and amounts at stake per kind, overall and per customer,
 * and the lines to raise with Microsoft. Numbers are plain-notation strings; amounts at stake are per billing
 * currency ({@code reported − expected BillingPreTaxTotal}).
 */
final class ReconcileSummaryJson {

  private ReconcileSummaryJson() {}

  static void write(java.io.Writer out, ReconciliationSummary s, Reconciler reconciler, long badRows) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("records", s.lines());
      g.writeNumberField("rejected", s.count(ReconciliationKind.REJECTED));
      g.writeNumberField("badSideFileRows", badRows);
      g.writeStringField("priceTolerance", reconciler.priceTolerance().toPlainString());
      g.writeStringField("totalTolerance", reconciler.totalTolerance().toPlainString());
      g.writeFieldName("total");
      totals(g, s.total(), true);
      g.writeObjectFieldStart("byCustomer");
      for (Map.Entry<String, ReconciliationTotals> e : s.byCustomer().entrySet()) {
        g.writeFieldName(e.getKey());
        totals(g, e.getValue(), false);
      }
      g.writeEndObject();
      g.writeObjectFieldStart("toRaise");
      g.writeNumberField("lines", s.toRaise().size());
      money(g, "amountAtStake", s.amountToRaise());
      g.writeArrayFieldStart("claims");
      for (Claim c : s.toRaise()) {
        claim(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {lines, amountAtStake: {cur: a}, byKind: {KIND: {lines, amountAtStake}}}}; zero kinds only if asked. */
  private static void totals(JsonGenerator g, ReconciliationTotals t, boolean everyKind) throws IOException {
    g.writeStartObject();
    g.writeNumberField("lines", t.lines());
    money(g, "amountAtStake", t.amountAtStake());
    g.writeObjectFieldStart("byKind");
    for (Map.Entry<ReconciliationKind, Long> e : t.counts().entrySet()) {
      if (e.getValue() == 0 && !everyKind) {
        continue;
      }
      g.writeObjectFieldStart(e.getKey().name());
      g.writeNumberField("lines", e.getValue());
      if (e.getKey() != ReconciliationKind.REJECTED) {
        money(g, "amountAtStake", t.amountAtStake(e.getKey()));
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void claim(JsonGenerator g, Claim c) throws IOException {
    g.writeStartObject();
    g.writeNumberField("line", c.recordNumber());
    g.writeStringField("kind", c.kind().name());
    g.writeStringField("reason", c.reason().name());
    g.writeStringField("customerId", c.customerId());
    g.writeStringField("entitlementId", c.entitlementId());
    g.writeStringField("resourceUri", c.resourceUri());
    g.writeStringField("usageDate", c.usageDate().toString());
    g.writeStringField("meterId", c.meterId());
    amount(g, "expectedPercentage", c.expectedPercentage());
    amount(g, "reportedPercentage", c.reportedPercentage());
    amount(g, "expectedBillingPreTaxTotal", c.expectedBillingPreTaxTotal());
    amount(g, "reportedBillingPreTaxTotal", c.reportedBillingPreTaxTotal());
    amount(g, "amountAtStake", c.amountAtStake());
    g.writeStringField("billingCurrency", c.billingCurrency());
    g.writeEndObject();
  }

  private static void money(JsonGenerator g, String name, Map<String, BigDecimal> perCurrency) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, BigDecimal> e : perCurrency.entrySet()) {
      amount(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private static void amount(JsonGenerator g, String name, BigDecimal v) throws IOException {
    g.writeStringField(name, v.toPlainString());
  }
}
