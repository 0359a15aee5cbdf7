package org.openpec.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import org.openpec.CreditStatement;
import org.openpec.money.Totals;
import org.openpec.rules.Reason;

/** The JSON summary of a {@code credit} run: counts and exact totals (numbers as plain-notation strings). */
final class SummaryJson {

  private SummaryJson() {}

  static void write(java.io.Writer out, CreditStatement s, long badRows) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("records", s.total().lines() + s.rejected());
      g.writeNumberField("evaluated", s.total().lines());
      g.writeNumberField("rejected", s.rejected());
      g.writeNumberField("badSideFileRows", badRows);
      g.writeStringField("effectiveRate", s.effectiveRate().toPlainString());
      g.writeFieldName("total");
      totals(g, s.total());
      g.writeFieldName("productEligible");
      totals(g, s.productEligible());
      g.writeObjectFieldStart("byReason");
      for (Map.Entry<Reason, Totals> e : s.byReason().entrySet()) {
        g.writeFieldName(e.getKey().name());
        totals(g, e.getValue());
      }
      g.writeEndObject();
      section(g, "byBillingCurrency", s.byBillingCurrency());
      section(g, "byCustomer", s.byCustomer());
      section(g, "bySubscription", s.bySubscription());
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
