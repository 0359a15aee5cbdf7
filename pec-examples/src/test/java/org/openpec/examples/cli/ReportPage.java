package org.openpec.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report page read back as text: its cards, rows and exact figures, found by the attributes the page writes
 * for that purpose ({@code data-billing-currency}, {@code data-customer}, {@code data-episode},
 * {@code data-field} with {@code data-exact}).
 */
record ReportPage(String html) {

  /** The text of the glance card of a billing currency. */
  String card(String billingCurrency) {
    int start = html.indexOf("<div class=\"card\" data-billing-currency=\"" + billingCurrency + "\"");
    assertThat(start).as("card of %s", billingCurrency).isNotNegative();
    int end = html.indexOf("\n</div>\n", start);
    return html.substring(start, end);
  }

  /** The number of glance cards. */
  int cards() {
    return count("<div class=\"card\" data-billing-currency=\"");
  }

  /** The rows of a customer in the customers table (one per currency pair). */
  List<String> customerRows(String customerId) {
    return rows("<tr data-customer=\"" + esc(customerId) + "\"");
  }

  /** The rows of a customer in one pair of currencies. */
  List<String> customerRows(String customerId, String billing, String pricing) {
    return rows("<tr data-customer=\"" + esc(customerId) + "\" data-billing-currency=\"" + billing
        + "\" data-pricing-currency=\"" + pricing + "\"");
  }

  /** The glance card of one pair of currencies. */
  String card(String billing, String pricing) {
    int start = html.indexOf("<div class=\"card\" data-billing-currency=\"" + billing
        + "\" data-pricing-currency=\"" + pricing + "\"");
    assertThat(start).as("card of %s/%s", billing, pricing).isNotNegative();
    int end = html.indexOf("\n</div>\n", start);
    return html.substring(start, end);
  }

  /** Every customer row. */
  int customerRowCount() {
    return count("<tr data-customer=\"");
  }

  /** The row of an episode, by its key. */
  String episodeRow(String key) {
    List<String> rows = rows("<tr data-episode=\"" + esc(key) + "\"");
    assertThat(rows).as("episode %s", key).hasSize(1);
    return rows.get(0);
  }

  /** Every episode row. */
  int episodeRowCount() {
    return count("<tr data-episode=\"");
  }

  private List<String> rows(String opening) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while ((from = html.indexOf(opening, from)) >= 0) {
      int end = html.indexOf("</tr>", from);
      out.add(html.substring(from, end));
      from = end;
    }
    return out;
  }

  int count(String s) {
    int n = 0;
    int from = 0;
    while ((from = html.indexOf(s, from)) >= 0) {
      n++;
      from += s.length();
    }
    return n;
  }

  /** The exact value of the {@code data-field} in {@code fragment}; exactly one must be there. */
  static BigDecimal exact(String fragment, String field) {
    Matcher m = Pattern.compile("data-field=\"" + field + "\"[^>]*?data-exact=\"([^\"]*)\"").matcher(fragment);
    assertThat(m.find()).as("field %s in %s", field, fragment).isTrue();
    BigDecimal v = new BigDecimal(m.group(1));
    assertThat(m.find()).as("a second field %s", field).isFalse();
    return v;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
