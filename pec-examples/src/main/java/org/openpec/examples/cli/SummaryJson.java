package org.openpec.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.openpec.CreditStatement;
import org.openpec.money.Currencies;
import org.openpec.money.Totals;
import org.openpec.rules.Reason;

/**
 * The JSON summary of a {@code credit} run: counts over every currency, then the exact totals of each pair of
 * pricing and billing currencies in a section of its own (numbers as plain-notation strings). Amounts of
 * different currencies are never added: every figure of a section is in that section's currencies (list cost,
 * cost after PEC and credit in {@code pricingCurrency}; billed amounts in {@code billingCurrency}).
 */
final class SummaryJson {

  private SummaryJson() {}

  static void write(java.io.Writer out, CreditStatement s, long badRows) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("records", s.lines() + s.rejected());
      g.writeNumberField("evaluated", s.lines());
      g.writeNumberField("rejected", s.rejected());
      g.writeNumberField("badSideFileRows", badRows);
      g.writeObjectFieldStart("linesByReason");
      Map<Reason, Long> counts = new TreeMap<>();
      for (Currencies c : s.currencies()) {
        s.inCurrency(c).byReason().forEach((r, t) -> counts.merge(r, t.lines(), Long::sum));
      }
      for (Map.Entry<Reason, Long> e : counts.entrySet()) {
        g.writeNumberField(e.getKey().name(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("currencies");
      for (Currencies c : s.currencies()) {
        CreditStatement one = s.inCurrency(c);
        g.writeStartObject();
        g.writeStringField("pricingCurrency", c.pricing());
        g.writeStringField("billingCurrency", c.billing());
        g.writeStringField("effectiveRate", one.effectiveRate().toPlainString());
        g.writeFieldName("total");
        totals(g, one.total());
        g.writeFieldName("productEligible");
        totals(g, one.productEligible());
        g.writeObjectFieldStart("byReason");
        for (Map.Entry<Reason, Totals> e : one.byReason().entrySet()) {
          g.writeFieldName(e.getKey().name());
          totals(g, e.getValue());
        }
        g.writeEndObject();
        section(g, "byCustomer", one.byCustomer());
        section(g, "bySubscription", one.bySubscription());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void section(JsonGenerator g, String name, Map<String, Totals> m) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Totals> e : m.entrySet()) {
      g.writeFieldName(e.getKey());
      totals(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void totals(JsonGenerator g, Totals t) throws IOException {
    g.writeStartObject();
    g.writeNumberField("lines", t.lines());
    amount(g, "listCost", t.listCost());
    amount(g, "pricingPreTaxTotal", t.pricingPreTaxTotal());
    amount(g, "credit", t.credit());
    amount(g, "billingPreTaxTotal", t.billingPreTaxTotal());
    amount(g, "billingCredit", t.billingCredit());
    g.writeEndObject();
  }

  private static void amount(JsonGenerator g, String name, BigDecimal v) throws IOException {
    g.writeStringField(name, v.toPlainString());
  }
}
