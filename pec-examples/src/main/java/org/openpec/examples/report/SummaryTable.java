package org.openpec.examples.report;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openpec.examples.report.MonthFigures.CurrencyPair;
import org.openpec.examples.report.MonthFigures.Customer;
import org.openpec.examples.report.MonthFigures.Sums;
import org.openpec.rules.Reason;

/**
 * The per-customer table of {@code pec demo} and {@code pec summary}: one row per customer and currency, every
 * amount followed by its currency.
 *
 * <p>List cost, credit and credit lost are in the pricing currency (the currency of the unit prices, in which
 * the rules compute); the amount billed after credit and the credit on the bill are in the billing currency.
 * The effective rate is Σ credit / Σ list cost over the lines of products that can earn credit. Amounts are
 * rounded to cents for display.
 */
public final class SummaryTable {

  private static final String[] HEADER = {"Customer", "List cost", "Credit", "Eff. rate", "Credit lost",
      "Billed", "Credit on bill", "Credit lost, by reason"};

  private SummaryTable() {}

  /** Prints the table, the totals per currency and a note on the units. */
  public static void print(PrintWriter out, MonthFigures month) {
    List<String[]> rows = new ArrayList<>();
    for (Customer c : month.customers()) {
      Sums s = c.sums();
      List<String> notes = notes(s, c.currency().pricing());
      String[] first = row(truncate(c.displayName(), 28), s, c.currency(), notes.isEmpty() ? "none" : notes.get(0));
      rows.add(first);
      for (int i = 1; i < notes.size(); i++) {
        rows.add(new String[] {"", "", "", "", "", "", "", notes.get(i)});
      }
    }
    if (!rows.isEmpty()) {
      rows.add(null);
    }
    for (Map.Entry<CurrencyPair, Sums> e : month.byCurrency().entrySet()) {
      rows.add(row("Total, billed in " + e.getKey().billing(), e.getValue(), e.getKey(),
          e.getValue().all().lines() + " lines"));
    }
    int[] width = new int[HEADER.length];
    for (int i = 0; i < HEADER.length; i++) {
      width[i] = HEADER[i].length();
    }
    for (String[] r : rows) {
      if (r != null) {
        for (int i = 0; i < r.length - 1; i++) {
          width[i] = Math.max(width[i], r[i].length());
        }
      }
    }
    printRow(out, HEADER, width);
    String[] rule = new String[HEADER.length];
    for (int i = 0; i < rule.length; i++) {
      rule[i] = "-".repeat(i == rule.length - 1 ? 30 : width[i]);
    }
    printRow(out, rule, width);
    for (String[] r : rows) {
      if (r == null) {
        printRow(out, rule, width);
      } else {
        printRow(out, r, width);
      }
    }
    out.println();
    out.println(month.lines() + " lines, " + month.rejected() + " rejected. List cost, credit and credit lost in the "
        + "pricing currency; Billed (after credit) and Credit on bill in the billing currency.");
    out.println("Effective rate over the products that can earn credit. Rounded to cents for display; exact "
        + "values: pec credit.");
    out.flush();
  }

  private static String[] row(String name, Sums s, CurrencyPair cur, String note) {
    return new String[] {name, Amounts.money(s.all().listCost(), cur.pricing()),
        Amounts.money(s.all().credit(), cur.pricing()), Amounts.percent(s.effectiveRate()),
        Amounts.money(s.creditLost(), cur.pricing()), Amounts.money(s.all().billingPreTaxTotal(), cur.billing()),
        Amounts.money(s.all().billingCredit(), cur.billing()), note};
  }

  /** The credit lost per reason (earliest first) and the excluded products, one phrase each. */
  static List<String> notes(Sums s, String pricingCurrency) {
    List<String> notes = new ArrayList<>();
    s.lostSince().entrySet().stream().sorted(Map.Entry.<Reason, LocalDate>comparingByValue()
        .thenComparing(Map.Entry.comparingByKey())).forEach(e -> {
          BigDecimal lost = s.lostByReason().get(e.getKey());
          notes.add(e.getKey() + " " + Amounts.money(lost, pricingCurrency) + " since " + e.getValue());
        });
    s.excludedLines().entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
        .forEach(e -> notes.add(e.getKey() + " ×" + e.getValue() + " (product, not a loss)"));
    return notes;
  }

  private static void printRow(PrintWriter out, String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String c = cells[i];
      if (i == 0) {
        sb.append(c).append(" ".repeat(width[i] - c.length()));
      } else if (i == cells.length - 1) {
        sb.append("  ").append(c);
      } else {
        sb.append("  ").append(" ".repeat(width[i] - c.length())).append(c);
      }
    }
    out.println(sb.toString().stripTrailing());
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
