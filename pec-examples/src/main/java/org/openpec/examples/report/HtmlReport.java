package org.openpec.examples.report;

import static org.openpec.examples.report.Html.esc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.openpec.access.UncertainWindow;
import org.openpec.examples.report.MonthFigures.CurrencyPair;
import org.openpec.examples.report.MonthFigures.Customer;
import org.openpec.examples.report.MonthFigures.Day;
import org.openpec.examples.report.MonthFigures.Subscription;
import org.openpec.examples.report.MonthFigures.Sums;
import org.openpec.examples.report.MonthFigures.Uncertain;
import org.openpec.internal.losses.LossEpisode;
import org.openpec.internal.losses.LossTotals;
import org.openpec.internal.reconcile.Claim;
import org.openpec.internal.reconcile.ReconciliationKind;
import org.openpec.internal.reconcile.ReconciliationSummary;
import org.openpec.rules.Reason;
import org.openpec.time.Interval;

/**
 * The month as one self-contained HTML page: styles and script inline, charts as inline SVG, nothing fetched.
 *
 * <p>The page is built from aggregates only, so its size follows the customers, subscriptions and episodes, never
 * the lines; long lists are capped ({@link Limits}) and the page says how many it left out and what they
 * amount to. Every amount shown carries its exact value in a {@code data-exact} attribute, and the rows carry
 * their keys ({@code data-customer}, {@code data-episode}), so that tests and scripts can read the page back.
 * The script marks the root element with {@code data-report-ready="ok"} once it ran, and records any script
 * error in {@code data-script-errors} and in the {@code #script-errors} element.
 */
public final class HtmlReport {

  /**
   * How many rows of each list the page shows at most.
   *
   * @param customers rows of the customers table
   * @param episodes rows of the loss episodes table
   * @param calendarRows subscriptions in the coverage calendar (those that lost the most)
   * @param calendarDays usage days in the calendar (the last ones)
   * @param claims rows of the lines to raise with Microsoft
   * @param chartCustomers bars of the customers chart
   */
  public record Limits(int customers, int episodes, int calendarRows, int calendarDays, int claims,
      int chartCustomers) {

    /** The defaults: readable on one screen per section, small for a month of a million lines. */
    public static Limits defaults() {
      return new Limits(300, 500, 40, 62, 200, 25);
    }
  }

  /** The colour of each outcome in charts, chips and the calendar. */
  private static final Map<Reason, String> COLOUR = new TreeMap<>();

  /** A short human label of each outcome. */
  private static final Map<Reason, String> LABEL = new TreeMap<>();

  static {
    colour(Reason.ELIGIBLE, "#2f855a", "earned credit");
    colour(Reason.PARTIAL_DAY, "#d69e2e", "access for part of the day only");
    colour(Reason.NO_ACCESS, "#c53030", "no access held");
    colour(Reason.ROLE_NOT_ELIGIBLE, "#b83280", "only roles that do not earn");
    colour(Reason.PARTNER_NOT_LINKED, "#6b46c1", "access not linked to a partner ID");
    colour(Reason.OTHER_PARTNER, "#2b6cb0", "access held by another partner");
    colour(Reason.ASSIGNMENT_NOT_ACTIVE, "#dd6b20", "just-in-time access not activated");
    colour(Reason.AGREEMENT_INACTIVE, "#744210", "no active partner agreement");
    colour(Reason.RULE_NOT_MET, "#4a5568", "a custom rule does not hold");
    for (Reason r : Reason.values()) {
      if (r.isProductExclusion()) {
        colour(r, "#a0aec0", "product never earns credit");
      }
    }
    colour(Reason.REJECTED, "#1a202c", "record could not be read");
  }

  private static final String EXCLUDED_COLOUR = "#cbd5e0";
  private static final String EMPTY_COLOUR = "#f1f3f6";

  private static void colour(Reason r, String colour, String label) {
    COLOUR.put(r, colour);
    LABEL.put(r, label);
  }

  private final MonthFigures month;
  private final String title;
  private final Limits limits;
  private final StringBuilder out = new StringBuilder(1 << 16);

  private HtmlReport(MonthFigures month, String title, Limits limits) {
    this.month = month;
    this.title = title;
    this.limits = limits;
  }

  /**
   * Writes the page of {@code month}.
   *
   * @param month the finished month
   * @param subtitle what was read (the usage file's name, say), shown under the title
   * @param limits how many rows of each list to show
   * @param writer where the page goes; not closed
   */
  public static void write(MonthFigures month, String subtitle, Limits limits, Writer writer) {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(subtitle, "subtitle");
    Objects.requireNonNull(limits, "limits");
    HtmlReport page = new HtmlReport(month, subtitle, limits);
    page.page();
    try {
      writer.write(page.out.toString());
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page as text (with the default limits). */
  public static String toHtml(MonthFigures month, String subtitle) {
    HtmlReport page = new HtmlReport(month, subtitle, Limits.defaults());
    page.page();
    return page.out.toString();
  }

  private HtmlReport a(String s) {
    out.append(s);
    return this;
  }

  private HtmlReport t(String s) {
    out.append(esc(s));
    return this;
  }

  private void page() {
    String period = month.firstDay() == null ? "no usage" : month.firstDay() + " to " + month.lastDay();
    a("<!DOCTYPE html>\n<html lang=\"en\" data-script-errors=\"0\">\n<head>\n<meta charset=\"utf-8\">\n")
        .a("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .a("<title>Partner Earned Credit · ").t(period).a("</title>\n");
    a("<script>").a(Assets.ERRORS).a("</script>\n<style>").a(Assets.CSS).a("</style>\n</head>\n<body>\n");
    a("<header><div class=\"wrap\"><h1>Partner Earned Credit</h1><p class=\"sub\">").t(period).a(" · ")
        .t(count(month.lines(), "line")).a(" · ").t(count(month.customerCount(), "customer")).a(" · ")
        .t(count(month.rejected(), "rejected record")).a(" · ").t(title).a("</p>\n<nav>")
        .a("<a href=\"#glance\">At a glance</a><a href=\"#customers\">Customers</a>")
        .a("<a href=\"#episodes\">Loss episodes</a><a href=\"#calendar\">Coverage calendar</a>");
    if (month.reconciliation().isPresent()) {
      a("<a href=\"#reconcile\">To raise with Microsoft</a>");
    }
    if (month.hasUncertainty()) {
      a("<a href=\"#uncertain\">Uncertain windows</a>");
    }
    a("</nav></div></header>\n<main class=\"wrap\">\n");
    glance();
    customers();
    episodes();
    calendar();
    month.reconciliation().ifPresent(this::reconcile);
    if (month.hasUncertainty()) {
      uncertain();
    }
    rejected();
    a("<pre id=\"script-errors\" hidden></pre>\n</main>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n");
    a("<footer class=\"wrap\">Made by openpec. List cost, credit and credit lost are in the pricing currency, in ")
        .a("which the rules compute; billed amounts are in the billing currency, rounded down to cents per line ")
        .a("as the bill rounds. Figures are rounded to cents for display; each carries its exact value ")
        .a("(<code>data-exact</code>), and <code>pec credit</code> and <code>pec losses --out</code> give every ")
        .a("line and episode.</footer>\n");
    a("<script>").a(Assets.SCRIPT).a("</script>\n</body>\n</html>\n");
  }

  // ---------------------------------------------------------------------------------------------- glance

  private void glance() {
    a("<section id=\"glance\"><h2>The month at a glance</h2>\n");
    if (month.byCurrency().isEmpty()) {
      a("<p class=\"empty\">No usage line was evaluated.</p></section>\n");
      return;
    }
    int widest = 0;
    for (Sums s : month.byCurrency().values()) {
      for (BigDecimal v : List.of(s.all().listCost(), s.all().credit(), s.creditLost())) {
        widest = Math.max(widest, Amounts.money(v).length());
      }
    }
    // Side by side while the figures are short; one card per row once they reach hundreds of thousands.
    a(widest > 9 ? "<div class=\"cards single\">\n" : "<div class=\"cards\">\n");
    SortedMap<String, BigDecimal> billingLost = month.losses().total().billingCreditLost();
    List<Map.Entry<CurrencyPair, Sums>> pairs = new ArrayList<>(month.byCurrency().entrySet());
    pairs.sort(Map.Entry.<CurrencyPair, Sums>comparingByValue(
        java.util.Comparator.comparing(x -> x.all().listCost())).reversed());
    for (Map.Entry<CurrencyPair, Sums> e : pairs) {
      CurrencyPair cur = e.getKey();
      Sums s = e.getValue();
      String p = cur.pricing();
      a("<div class=\"card\" data-billing-currency=\"").t(cur.billing()).a("\" data-pricing-currency=\"").t(p)
          .a("\">\n<h3>Billed in ").t(cur.billing());
      if (!cur.billing().equals(p)) {
        a(" <span class=\"muted\">· priced in ").t(p).a("</span>");
      }
      a(" <span class=\"muted\">· ").t(count(s.all().lines(), "line")).a("</span></h3>\n<div class=\"kpis\">");
      kpi("List cost", "listCost", s.all().listCost(), p, "before credit");
      kpi("Credit earned", "credit", s.all().credit(), p, "on eligible products");
      a("<div class=\"kpi\"><div class=\"label\">Effective rate</div><div class=\"value\" data-field=\"rate\" ")
          .a("data-exact=\"").a(Amounts.exact(s.effectiveRate())).a("\">").t(Amounts.percent(s.effectiveRate()))
          .a("</div><div class=\"hint\">over products that can earn</div></div>");
      kpi("Credit lost", "creditLost", s.creditLost(), p, "on products that can earn");
      a("</div>\n");
      creditBar(s, p);
      a("<p class=\"bill\">On the bill: <b data-field=\"billed\" data-exact=\"")
          .a(Amounts.exact(s.all().billingPreTaxTotal())).a("\">")
          .t(Amounts.money(s.all().billingPreTaxTotal(), cur.billing())).a("</b> after <b data-field=\"billingCredit\" ")
          .a("data-exact=\"").a(Amounts.exact(s.all().billingCredit())).a("\">")
          .t(Amounts.money(s.all().billingCredit(), cur.billing())).a("</b> of credit; <b data-field=\"billingCreditLost\" ")
          .a("data-exact=\"").a(Amounts.exact(s.billingCreditLost())).a("\">")
          .t(Amounts.money(s.billingCreditLost(), cur.billing())).a("</b> lost.</p>\n</div>\n");
    }
    a("</div>\n");
    BigDecimal totalLost = billingLost.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (totalLost.signum() == 0 && month.losses().episodes().isEmpty()) {
      a("<p class=\"good\">No credit was lost on a product that can earn it.</p>\n");
    }
    a("</section>\n");
  }

  private void kpi(String label, String field, BigDecimal amount, String currency, String hint) {
    a("<div class=\"kpi\"><div class=\"label\">").t(label).a("</div><div class=\"value\" data-field=\"").a(field)
        .a("\" data-exact=\"").a(Amounts.exact(amount)).a("\">").t(Amounts.money(amount)).a(" <small>").t(currency)
        .a("</small></div><div class=\"hint\">").t(hint).a("</div></div>");
  }

  /** One horizontal bar: credit earned, then credit lost by reason, over the credit that could have been. */
  private void creditBar(Sums s, String currency) {
    BigDecimal earned = s.all().credit().max(BigDecimal.ZERO);
    BigDecimal whole = earned;
    for (BigDecimal v : s.lostByReason().values()) {
      whole = whole.add(v.max(BigDecimal.ZERO));
    }
    if (whole.signum() == 0) {
      return;
    }
    int width = 1000;
    a("<svg class=\"bar\" viewBox=\"0 0 ").a(String.valueOf(width)).a(" 28\" preserveAspectRatio=\"none\" role=\"img\" ")
        .a("aria-label=\"credit earned and lost\">");
    double x = 0;
    x = segment(x, earned, whole, width, Reason.ELIGIBLE, "Credit earned: " + Amounts.money(earned, currency));
    for (Map.Entry<Reason, BigDecimal> e : s.lostByReason().entrySet()) {
      x = segment(x, e.getValue().max(BigDecimal.ZERO), whole, width, e.getKey(),
          e.getKey() + " (" + LABEL.get(e.getKey()) + "): " + Amounts.money(e.getValue(), currency) + " lost");
    }
    a("</svg>\n<div class=\"legend\">");
    legend(Reason.ELIGIBLE, "earned " + share(earned, whole));
    for (Map.Entry<Reason, BigDecimal> e : s.lostByReason().entrySet()) {
      legend(e.getKey(), e.getKey() + " " + share(e.getValue(), whole));
    }
    a("</div>\n");
  }

  private double segment(double x, BigDecimal value, BigDecimal whole, int width, Reason reason, String tip) {
    double w = value.divide(whole, MathContext.DECIMAL64).doubleValue() * width;
    if (w <= 0) {
      return x;
    }
    a("<rect x=\"").a(fmt(x)).a("\" y=\"0\" width=\"").a(fmt(w)).a("\" height=\"28\" fill=\"").a(COLOUR.get(reason))
        .a("\" data-tip=\"").t(tip).a("\"/>");
    return x + w;
  }

  private void legend(Reason r, String text) {
    a("<span><i style=\"background:").a(COLOUR.get(r)).a("\"></i>").t(text).a("</span>");
  }

  private static String share(BigDecimal part, BigDecimal whole) {
    return Amounts.percent(part.divide(whole, MathContext.DECIMAL64)).replace(".00 %", " %");
  }

  // ------------------------------------------------------------------------------------------- customers

  private void customers() {
    List<Customer> rows = month.customers();
    a("<section id=\"customers\"><h2>Customers: credit earned and lost</h2>\n");
    if (rows.isEmpty()) {
      a("<p class=\"empty\">No customer.</p></section>\n");
      return;
    }
    a("<p class=\"lead\">Each bar is the credit a customer could have earned on its eligible products: the green ")
        .a("part was earned, the coloured parts were lost, by reason. Most credit lost first.</p>\n");
    customerChart(rows);
    a("<input class=\"filter\" type=\"search\" placeholder=\"Filter customers\" data-filter=\"customer-table\">\n");
    a("<div class=\"scroll\"><table id=\"customer-table\" class=\"sortable\"><thead><tr>")
        .a("<th data-sort=\"text\">Customer</th><th data-sort=\"num\">List cost</th>")
        .a("<th data-sort=\"num\">Credit</th><th data-sort=\"num\">Eff. rate</th><th data-sort=\"num\">Credit lost</th>")
        .a("<th>Lost by reason, since</th><th data-sort=\"num\">On the bill</th>")
        .a("<th data-sort=\"num\">Episodes</th></tr></thead><tbody>\n");
    Map<String, LossTotals> lossByCustomer = month.losses().byCustomer();
    int shown = 0;
    for (Customer c : rows) {
      if (shown++ == limits.customers()) {
        break;
      }
      Sums s = c.sums();
      String p = c.currency().pricing();
      String b = c.currency().billing();
      a("<tr data-customer=\"").t(c.customerId()).a("\" data-billing-currency=\"").t(b).a("\" data-pricing-currency=\"")
          .t(p).a("\"><td class=\"who\" title=\"").t(c.customerId()).a("\"><b>").t(c.displayName()).a("</b><div class=\"id\">").t(c.customerId()).a("</div></td>");
      moneyCell("listCost", s.all().listCost(), p);
      moneyCell("credit", s.all().credit(), p);
      a("<td class=\"num\" data-field=\"rate\" data-v=\"").a(Amounts.exact(s.effectiveRate())).a("\" data-exact=\"")
          .a(Amounts.exact(s.effectiveRate())).a("\">").t(Amounts.percent(s.effectiveRate())).a("</td>");
      moneyCell("creditLost", s.creditLost(), p);
      a("<td class=\"reasons\">");
      s.lostSince().entrySet().stream().sorted(Map.Entry.<Reason, LocalDate>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey())).forEach(e -> chip(e.getKey(),
              e.getKey() + " " + Amounts.money(s.lostByReason().get(e.getKey())) + " · since " + e.getValue()));
      if (!s.excludedLines().isEmpty()) {
        List<String> parts = new ArrayList<>();
        s.excludedLines().forEach((r, n) -> parts.add(r + " ×" + n));
        a("<div class=\"excluded\" data-tip=\"lines of products that never earn credit: not a loss\">")
            .t("never earn: " + String.join(", ", parts)).a("</div>");
      }
      if (s.lostSince().isEmpty() && s.excludedLines().isEmpty()) {
        a("<span class=\"muted\">none</span>");
      }
      a("</td>");
      a("<td class=\"num\" data-v=\"").a(Amounts.exact(s.all().billingPreTaxTotal())).a("\">");
      moneySpan("billed", s.all().billingPreTaxTotal(), b);
      a("<div class=\"sub\">credit ");
      moneySpan("billingCredit", s.all().billingCredit(), b);
      a("</div></td>");
      LossTotals lt = lossByCustomer.get(c.customerId());
      long episodes = lt == null ? 0 : lt.episodes();
      a("<td class=\"num\" data-v=\"").a(String.valueOf(episodes)).a("\">").a(String.valueOf(episodes))
          .a("</td></tr>\n");
    }
    a("</tbody></table></div>\n");
    if (rows.size() > limits.customers()) {
      omitted(rows.size() - limits.customers(), "customer rows", "pec summary lists them all");
    }
    a("</section>\n");
  }

  private void moneyCell(String field, BigDecimal amount, String currency) {
    a("<td class=\"num\" data-field=\"").a(field).a("\" data-v=\"").a(Amounts.exact(amount)).a("\" data-exact=\"")
        .a(Amounts.exact(amount)).a("\">").t(Amounts.money(amount)).a(" <small>").t(currency).a("</small></td>");
  }

  private void moneySpan(String field, BigDecimal amount, String currency) {
    a("<span data-field=\"").a(field).a("\" data-exact=\"").a(Amounts.exact(amount)).a("\">").t(Amounts.money(amount))
        .a(" <small>").t(currency).a("</small></span>");
  }

  private void chip(Reason r, String text) {
    a("<span class=\"chip\" style=\"--c:").a(COLOUR.get(r)).a("\" data-tip=\"").t(LABEL.get(r)).a("\">").t(text)
        .a("</span>");
  }

  private void customerChart(List<Customer> rows) {
    int n = Math.min(rows.size(), limits.chartCustomers());
    Map<String, BigDecimal> max = new HashMap<>();
    for (Customer c : rows.subList(0, n)) {
      max.merge(c.currency().pricing(), potential(c.sums()), BigDecimal::max);
    }
    int rowH = 26;
    int labelW = 230;
    int barW = 560;
    int height = n * rowH + 6;
    a("<svg class=\"chart\" viewBox=\"0 0 ").a(String.valueOf(labelW + barW + 270)).a(" ").a(String.valueOf(height))
        .a("\" role=\"img\" aria-label=\"credit earned and lost per customer\">\n");
    for (int i = 0; i < n; i++) {
      Customer c = rows.get(i);
      Sums s = c.sums();
      String p = c.currency().pricing();
      int y = i * rowH + 3;
      a("<text x=\"").a(String.valueOf(labelW - 10)).a("\" y=\"").a(String.valueOf(y + 16))
          .a("\" text-anchor=\"end\" class=\"lbl\">").t(truncate(c.displayName(), 30)).a("</text>");
      a("<rect x=\"").a(String.valueOf(labelW)).a("\" y=\"").a(String.valueOf(y + 2)).a("\" width=\"")
          .a(String.valueOf(barW)).a("\" height=\"").a(String.valueOf(rowH - 8)).a("\" fill=\"").a(EMPTY_COLOUR)
          .a("\"/>");
      BigDecimal scale = max.get(p);
      double x = labelW;
      if (scale.signum() > 0) {
        x = bar(x, y, rowH, s.all().credit(), scale, barW, Reason.ELIGIBLE,
            c.displayName() + ": " + Amounts.money(s.all().credit(), p) + " earned");
        for (Map.Entry<Reason, BigDecimal> e : s.lostByReason().entrySet()) {
          x = bar(x, y, rowH, e.getValue(), scale, barW, e.getKey(), c.displayName() + ": "
              + Amounts.money(e.getValue(), p) + " lost, " + e.getKey() + " (" + LABEL.get(e.getKey()) + ")");
        }
      }
      a("<text x=\"").a(String.valueOf(labelW + barW + 10)).a("\" y=\"").a(String.valueOf(y + 16))
          .a("\" class=\"val\">").t(Amounts.money(s.all().credit())).a(" earned");
      if (s.creditLost().signum() != 0) {
        a(" · <tspan class=\"lost\">").t(Amounts.money(s.creditLost())).a(" lost</tspan>");
      }
      a(" ").t(p).a("</text>\n");
    }
    a("</svg>\n");
    if (rows.size() > n) {
      a("<p class=\"note\">The chart shows the ").a(String.valueOf(n)).a(" customer rows that lost the most; the ")
          .a("table below has more.</p>\n");
    }
  }

  private double bar(double x, int y, int rowH, BigDecimal value, BigDecimal scale, int barW, Reason r,
      String tip) {
    if (value.signum() <= 0) {
      return x;
    }
    double w = value.divide(scale, MathContext.DECIMAL64).doubleValue() * barW;
    a("<rect x=\"").a(fmt(x)).a("\" y=\"").a(String.valueOf(y + 2)).a("\" width=\"").a(fmt(Math.max(w, 1)))
        .a("\" height=\"").a(String.valueOf(rowH - 8)).a("\" fill=\"").a(COLOUR.get(r)).a("\" data-tip=\"").t(tip)
        .a("\"/>");
    return x + w;
  }

  private static BigDecimal potential(Sums s) {
    BigDecimal v = s.all().credit().max(BigDecimal.ZERO);
    for (BigDecimal l : s.lostByReason().values()) {
      v = v.add(l.max(BigDecimal.ZERO));
    }
    return v;
  }

  // -------------------------------------------------------------------------------------------- episodes

  private void episodes() {
    List<LossEpisode> all = month.losses().episodes();
    a("<section id=\"episodes\"><h2>Loss episodes</h2>\n");
    if (all.isEmpty()) {
      a("<p class=\"good\">No credit was lost on a product that can earn it: no loss episode.</p></section>\n");
      return;
    }
    a("<p class=\"lead\">An episode is a run of consecutive usage days on which one resource lost credit for one ")
        .a("reason, with the event that began it. Most credit lost first.</p>\n");
    a("<input class=\"filter\" type=\"search\" placeholder=\"Filter episodes\" data-filter=\"episode-table\">\n");
    a("<div class=\"scroll\"><table id=\"episode-table\" class=\"sortable fixed\"><colgroup><col style=\"width:40px\">")
        .a("<col style=\"width:135px\"><col style=\"width:230px\"><col style=\"width:185px\"><col style=\"width:145px\">")
        .a("<col style=\"width:60px\"><col style=\"width:100px\"><col style=\"width:100px\"><col></colgroup>")
        .a("<thead><tr><th data-sort=\"num\">#</th>")
        .a("<th data-sort=\"text\">Customer</th><th data-sort=\"text\">Resource</th><th data-sort=\"text\">Reason</th>")
        .a("<th data-sort=\"text\">Days</th><th data-sort=\"num\">Lines</th><th data-sort=\"num\">Credit lost</th>")
        .a("<th data-sort=\"num\">On the bill</th><th>What began it</th></tr></thead><tbody>\n");
    int n = 0;
    Map<String, String> pricing = new HashMap<>();
    month.subscriptions().forEach(s -> pricing.put(s.entitlementId(), s.pricingCurrency()));
    for (LossEpisode e : all) {
      if (n == limits.episodes()) {
        break;
      }
      n++;
      String p = pricing.getOrDefault(e.entitlementId(), "");
      a("<tr data-episode=\"").t(episodeKey(e)).a("\"><td class=\"num\" data-v=\"").a(String.valueOf(n)).a("\">")
          .a(String.valueOf(n)).a("</td><td class=\"who\">").t(customerName(e.customerId())).a("</td><td class=\"res\" title=\"")
          .t(e.scope().path()).a("\">").t(shortScope(e.scope().path())).a("<div class=\"id\">").t(e.entitlementId())
          .a("</div></td><td>");
      chip(e.reason(), e.reason().name());
      a("</td><td class=\"nowrap\" data-v=\"").a(e.firstDay().toString()).a("\">").t(days(e)).a("<div class=\"id\">").t(count(e.days(), "day"))
          .a("</div></td>")
          .a("<td class=\"num\" data-v=\"").a(String.valueOf(e.lines())).a("\">").a(String.valueOf(e.lines()))
          .a("</td>");
      moneyCell("creditLost", e.creditLost(), p);
      moneyCell("billingCreditLost", e.billingCreditLost(), e.billingCurrency());
      a("<td class=\"event\">").t(e.startEvent()).a("</td></tr>\n");
    }
    a("</tbody></table></div>\n");
    if (all.size() > n) {
      BigDecimal rest = BigDecimal.ZERO;
      for (LossEpisode e : all.subList(n, all.size())) {
        rest = rest.add(e.creditLost());
      }
      omitted(all.size() - n, "smaller episodes (" + Amounts.money(rest) + " lost in the pricing currency)",
          "pec losses --out F lists every episode");
    }
    a("</section>\n");
  }

  /** The key of an episode in the page: customer, scope, reason, first day and billing currency. */
  public static String episodeKey(LossEpisode e) {
    return e.customerId() + "|" + e.scope().path() + "|" + e.reason() + "|" + e.firstDay() + "|"
        + e.billingCurrency();
  }

  private static String days(LossEpisode e) {
    return e.firstDay().equals(e.lastDay()) ? e.firstDay().toString() : e.firstDay() + " → " + e.lastDay();
  }

  private String customerName(String id) {
    String n = month.name(id);
    return n.isEmpty() ? id : n;
  }

  /** The last two segments of a resource path ({@code virtualMachines/vm-web-01}), or the path when short. */
  static String shortScope(String path) {
    String[] parts = path.split("/");
    if (parts.length <= 3) {
      return path;
    }
    return parts[parts.length - 2] + "/" + parts[parts.length - 1];
  }

  // -------------------------------------------------------------------------------------------- calendar

  private void calendar() {
    a("<section id=\"calendar\"><h2>Coverage calendar</h2>\n");
    List<Subscription> subs = month.subscriptions();
    if (subs.isEmpty() || month.firstDay() == null) {
      a("<p class=\"empty\">No usage day.</p></section>\n");
      return;
    }
    LocalDate last = month.lastDay();
    LocalDate first = month.firstDay();
    long span = ChronoUnit.DAYS.between(first, last) + 1;
    if (span > limits.calendarDays()) {
      first = last.minusDays(limits.calendarDays() - 1);
      span = limits.calendarDays();
    }
    int rows = Math.min(subs.size(), limits.calendarRows());
    a("<p class=\"lead\">One row per Azure subscription, one square per usage day, coloured by what the day's ")
        .a("lines earned: green when they earned credit, a loss colour when some lost it (the reason that lost ")
        .a("the most), grey for products that never earn, pale for no usage. Point at a day to see why. ");
    if (subs.size() > rows) {
      a("Showing the ").a(String.valueOf(rows)).a(" subscriptions that lost the most credit, of ")
          .a(String.valueOf(subs.size())).a(".");
    } else {
      a(subs.size() == 1 ? "The only subscription." : "All " + subs.size() + " subscriptions, most credit lost first.");
    }
    if (ChronoUnit.DAYS.between(month.firstDay(), last) + 1 > span) {
      a(" Only the last ").a(String.valueOf(span)).a(" usage days are drawn.");
    }
    a("</p>\n");
    Map<String, List<LossEpisode>> episodesBySub = new HashMap<>();
    for (LossEpisode e : month.losses().episodes()) {
      episodesBySub.computeIfAbsent(e.entitlementId(), k -> new ArrayList<>()).add(e);
    }
    int cell = 20;
    int gap = 3;
    int labelW = 250;
    int top = 34;
    int width = labelW + (int) span * (cell + gap) + 120;
    int height = top + rows * (cell + gap) + 4;
    a("<div class=\"scroll\"><svg class=\"calendar\" viewBox=\"0 0 ").a(String.valueOf(width)).a(" ")
        .a(String.valueOf(height)).a("\" width=\"").a(String.valueOf(width)).a("\" height=\"")
        .a(String.valueOf(height)).a("\" role=\"img\" aria-label=\"coverage calendar\">\n");
    for (int d = 0; d < span; d++) {
      LocalDate day = first.plusDays(d);
      int x = labelW + d * (cell + gap);
      if (d == 0 || day.getDayOfMonth() == 1) {
        a("<text x=\"").a(String.valueOf(x)).a("\" y=\"12\" class=\"mon\">").t(day.getMonth().toString()
            .substring(0, 3) + " " + day.getYear()).a("</text>");
      }
      a("<text x=\"").a(String.valueOf(x + cell / 2)).a("\" y=\"28\" text-anchor=\"middle\" class=\"dn\">")
          .a(String.valueOf(day.getDayOfMonth())).a("</text>");
    }
    a("<text x=\"").a(String.valueOf(labelW + span * (cell + gap) + 6)).a("\" y=\"28\" class=\"dn\">credit lost")
        .a("</text>\n");
    for (int i = 0; i < rows; i++) {
      Subscription s = subs.get(i);
      int y = top + i * (cell + gap);
      a("<g data-subscription=\"").t(s.entitlementId()).a("\"><text x=\"").a(String.valueOf(labelW - 8)).a("\" y=\"")
          .a(String.valueOf(y + 13)).a("\" text-anchor=\"end\" class=\"lbl\"><tspan>")
          .t(truncate(customerName(s.customerId()), 20)).a("</tspan><tspan class=\"id\"> ")
          .t(s.entitlementId().length() > 8 ? s.entitlementId().substring(0, 8) + "…" : s.entitlementId())
          .a("</tspan></text>");
      List<LossEpisode> eps = episodesBySub.getOrDefault(s.entitlementId(), List.of());
      for (int d = 0; d < span; d++) {
        LocalDate day = first.plusDays(d);
        Day cellDay = s.days().get(day);
        int x = labelW + d * (cell + gap);
        String fill;
        String tip;
        if (cellDay == null) {
          fill = EMPTY_COLOUR;
          tip = customerName(s.customerId()) + " · " + s.entitlementId() + " · " + day + "\nno usage";
        } else {
          Reason worst = cellDay.worstLoss();
          fill = worst != null ? COLOUR.get(worst)
              : cellDay.eligibleLines() > 0 ? COLOUR.get(Reason.ELIGIBLE) : EXCLUDED_COLOUR;
          tip = dayTip(s, day, cellDay, eps);
        }
        boolean doubt = cellDay != null && !cellDay.uncertain().isEmpty();
        a("<rect x=\"").a(String.valueOf(x)).a("\" y=\"").a(String.valueOf(y)).a("\" width=\"")
            .a(String.valueOf(cell)).a("\" height=\"").a(String.valueOf(cell)).a("\" rx=\"3\" fill=\"").a(fill)
            .a(doubt ? "\" class=\"doubt" : "").a("\" data-tip=\"").t(tip).a("\"/>");
      }
      a("<text x=\"").a(String.valueOf(labelW + span * (cell + gap) + 6)).a("\" y=\"").a(String.valueOf(y + 13))
          .a("\" class=\"val").a(s.creditLost().signum() > 0 ? " lost" : "").a("\">")
          .t(Amounts.money(s.creditLost(), s.pricingCurrency())).a("</text></g>\n");
    }
    a("</svg></div>\n<div class=\"legend\">");
    legend(Reason.ELIGIBLE, "earned credit");
    for (Reason r : Reason.values()) {
      if (r != Reason.ELIGIBLE && !r.isProductExclusion() && r != Reason.REJECTED && usedInCalendar(subs, rows, r)) {
        legend(r, r + ": " + LABEL.get(r));
      }
    }
    a("<span><i style=\"background:").a(EXCLUDED_COLOUR).a("\"></i>only products that never earn</span>");
    a("<span><i style=\"background:").a(EMPTY_COLOUR).a(";border:1px solid #d2d6dc\"></i>no usage</span>");
    if (month.hasUncertainty()) {
      a("<span><i style=\"background:#fff;border:2px dashed #1a202c\"></i>access uncertain</span>");
    }
    a("</div>\n");
    a("</section>\n");
  }

  private static boolean usedInCalendar(List<Subscription> subs, int rows, Reason r) {
    for (int i = 0; i < rows; i++) {
      for (Day d : subs.get(i).days().values()) {
        if (d.lost().containsKey(r)) {
          return true;
        }
      }
    }
    return false;
  }

  private String dayTip(Subscription s, LocalDate day, Day d, List<LossEpisode> eps) {
    String p = s.pricingCurrency();
    StringBuilder sb = new StringBuilder();
    sb.append(customerName(s.customerId())).append(" · subscription ").append(s.entitlementId()).append(" · ")
        .append(day);
    d.lost().entrySet().stream().sorted(Map.Entry.<Reason, BigDecimal>comparingByValue().reversed())
        .forEach(e -> {
          Reason r = e.getKey();
          sb.append("\n").append(r).append(": ").append(count(d.lostLines().get(r), "line")).append(", ")
              .append(Amounts.money(e.getValue(), p)).append(" lost — ").append(d.why().get(r));
          for (LossEpisode ep : eps) {
            if (ep.reason() == r && !day.isBefore(ep.firstDay()) && !day.isAfter(ep.lastDay())) {
              sb.append("\n  since ").append(ep.firstDay()).append(" (").append(shortScope(ep.scope().path()))
                  .append("): ").append(ep.startEvent());
              break;
            }
          }
        });
    if (d.eligibleLines() > 0) {
      sb.append("\nearned: ").append(count(d.eligibleLines(), "line")).append(", ")
          .append(Amounts.money(d.credit(), p)).append(" credit");
    }
    if (d.excludedLines() > 0) {
      sb.append("\n").append(count(d.excludedLines(), "line")).append(" of products that never earn");
    }
    if (!d.uncertain().isEmpty()) {
      sb.append("\nuncertain: Azure's records cannot say whether role assignment ")
          .append(String.join(", ", d.uncertain())).append(" was held (see Uncertain windows)");
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------------------------------- reconcile

  private void reconcile(ReconciliationSummary r) {
    a("<section id=\"reconcile\"><h2>Lines to raise with Microsoft</h2>\n");
    a("<p class=\"lead\">The usage file carries Microsoft's own PEC columns; each line was compared with openpec's ")
        .a("expectation. Lines to raise: credit missing where it was earned, or a rate, price or total that billed ")
        .a("more than expected. Credit Microsoft gave where openpec expects none is never raised (it usually means ")
        .a("the access history given to openpec is incomplete).</p>\n<div class=\"kinds\">");
    for (ReconciliationKind k : ReconciliationKind.values()) {
      long n = r.count(k);
      String style = k == ReconciliationKind.MATCH ? " ok" : n == 0 ? ""
          : k == ReconciliationKind.CREDIT_UNEXPECTED ? " warn" : k.isDiscrepancy() ? " bad" : "";
      a("<div class=\"kind").a(style)
          .a("\" data-kind=\"").a(k.name()).a("\" data-count=\"").a(String.valueOf(n)).a("\"><b>")
          .a(String.valueOf(n)).a("</b>").t(k.name()).a("</div>");
    }
    a("</div>\n");
    List<Claim> claims = r.toRaise();
    if (claims.isEmpty()) {
      a("<p class=\"good\">Nothing to raise: every line Microsoft billed agrees with openpec or favours the ")
          .a("partner.</p></section>\n");
      return;
    }
    a("<p><b data-field=\"toRaise\" data-count=\"").a(String.valueOf(claims.size())).a("\">")
        .t(count(claims.size(), "line")).a("</b> to raise, worth ");
    List<String> worth = new ArrayList<>();
    r.amountToRaise().forEach((cur, v) -> worth.add("<b data-field=\"amountToRaise\" data-currency=\"" + esc(cur)
        + "\" data-exact=\"" + Amounts.exact(v) + "\">" + esc(Amounts.money(v, cur)) + "</b>"));
    a(String.join(", ", worth)).a(".</p>\n");
    a("<div class=\"scroll\"><table class=\"sortable\"><thead><tr><th data-sort=\"num\">Line</th>")
        .a("<th data-sort=\"text\">Customer</th><th data-sort=\"text\">Resource</th><th data-sort=\"text\">Day</th>")
        .a("<th data-sort=\"text\">Kind</th><th data-sort=\"num\">Expected %</th><th data-sort=\"num\">Reported %</th>")
        .a("<th data-sort=\"num\">Expected billed</th><th data-sort=\"num\">Reported billed</th>")
        .a("<th data-sort=\"num\">At stake</th></tr></thead><tbody>\n");
    int n = 0;
    for (Claim c : claims) {
      if (n++ == limits.claims()) {
        break;
      }
      String res = c.resourceUri().isEmpty() ? "/subscriptions/" + c.entitlementId() : c.resourceUri();
      a("<tr data-claim=\"").a(String.valueOf(c.recordNumber())).a("\"><td class=\"num\" data-v=\"")
          .a(String.valueOf(c.recordNumber())).a("\">").a(String.valueOf(c.recordNumber())).a("</td><td>")
          .t(customerName(c.customerId())).a("</td><td class=\"res\" title=\"").t(res).a("\">").t(shortScope(res))
          .a("</td><td class=\"nowrap\">").t(c.usageDate().toString()).a("</td><td>").t(c.kind().name())
          .a("</td><td class=\"num\" data-v=\"").a(Amounts.exact(c.expectedPercentage())).a("\">")
          .t(Amounts.exact(c.expectedPercentage())).a("</td><td class=\"num\" data-v=\"")
          .a(Amounts.exact(c.reportedPercentage())).a("\">").t(Amounts.exact(c.reportedPercentage())).a("</td>");
      moneyCell("expectedBilled", c.expectedBillingPreTaxTotal(), c.billingCurrency());
      moneyCell("reportedBilled", c.reportedBillingPreTaxTotal(), c.billingCurrency());
      moneyCell("amountAtStake", c.amountAtStake(), c.billingCurrency());
      a("</tr>\n");
    }
    a("</tbody></table></div>\n");
    if (claims.size() > limits.claims()) {
      omitted(claims.size() - limits.claims(), "lines to raise", "pec reconcile --summary F lists every one");
    }
    a("</section>\n");
  }

  // ------------------------------------------------------------------------------------------- uncertain

  private void uncertain() {
    List<Uncertain> list = month.uncertain();
    a("<section id=\"uncertain\"><h2>Uncertain windows</h2>\n");
    if (list.isEmpty()) {
      a("<p class=\"good\">Azure's records leave no doubt about the access of a partner over this month.</p>")
          .a("</section>\n");
      return;
    }
    a("<p class=\"lead\">The access history was rebuilt from Azure's own records. Over these windows the records ")
        .a("cannot say whether an assignment was held; the verdicts of the lines they touch rest on the ")
        .a("assumption stated.</p>\n<div class=\"scroll\"><table class=\"windows\"><thead><tr><th>Role assignment</th>")
        .a("<th>Scope</th><th>Window (UTC)</th><th>Partner</th><th>Lines</th><th>List cost</th>")
        .a("<th>Credit earned</th><th>Credit lost</th></tr></thead><tbody>\n");
    for (Uncertain u : list) {
      UncertainWindow w = u.window();
      String name = w.assignmentId().substring(w.assignmentId().lastIndexOf('/') + 1);
      String cur = u.pricingCurrency();
      a("<tr data-window=\"").t(w.assignmentId()).a("\"><td class=\"res\" title=\"").t(w.assignmentId()).a("\">")
          .t(name).a("</td><td class=\"res\" title=\"").t(w.scope().path()).a("\">").t(shortScope(w.scope().path()))
          .a("</td><td class=\"nowrap\">").t(window(w.interval())).a("</td><td>").t(w.partnerId().orElse(""))
          .a("</td><td class=\"num\">").a(String.valueOf(u.lines())).a("</td>");
      moneyCell("listCost", u.listCost(), cur);
      moneyCell("credit", u.credit(), cur);
      moneyCell("creditLost", u.creditLost(), cur);
      a("</tr>\n<tr class=\"why\"><td colspan=\"8\">").t(w.why()).a("</td></tr>\n");
    }
    a("</tbody></table></div>\n</section>\n");
  }

  private static String window(Interval i) {
    String start = i.start().equals(java.time.Instant.MIN) ? "…" : instant(i.start());
    String end = i.isUnbounded() ? "…" : instant(i.end());
    return start + " → " + end;
  }

  /** {@code 2026-03-02 08:00:00}: an instant in UTC without the zone letter (the column says UTC). */
  private static String instant(java.time.Instant t) {
    return t.toString().replace('T', ' ').replace("Z", "");
  }

  // -------------------------------------------------------------------------------------------- rejected

  private void rejected() {
    if (month.rejected() == 0) {
      return;
    }
    a("<section id=\"rejected\"><h2>Records that could not be read</h2>\n<p class=\"lead\">")
        .t(count(month.rejected(), "record")).a(" of the usage file could not be read; they carry no verdict and ")
        .a("no money. The first of them:</p>\n<ul class=\"problems\">");
    for (String p : month.problems()) {
      a("<li><code>").t(p).a("</code></li>");
    }
    a("</ul>\n</section>\n");
  }

  // -------------------------------------------------------------------------------------------- helpers

  private void omitted(long n, String what, String where) {
    a("<p class=\"note\">").t(n + " more " + what + " are not shown here; " + where + ".").a("</p>\n");
  }

  private static String count(long n, String noun) {
    return String.format(java.util.Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
