package org.openpec.internal.reconcile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openpec.LineResult;
import org.openpec.PecCalculator;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.money.PecRate;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Small generated months for property tests of reconciliation and losses: a handful of grants on a few scopes,
 * minutes within a week of a fixed epoch (on half-hour steps so that edges collide with day boundaries), and a
 * few dozen usage lines over six days, some of them repriced, some product-excluded.
 */
public final class SampleMonths {

  /** The first usage day of every generated month. */
  public static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-01");
  /** Midnight UTC of {@link #FIRST_DAY}. */
  public static final Instant EPOCH = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  /** The number of usage days. */
  public static final int DAYS = 6;

  private static final List<String> SUBSCRIPTIONS = List.of("S1", "S2");
  private static final List<String> GRANT_SCOPES = List.of("/subscriptions/S1", "/subscriptions/S1/resourceGroups/rg1",
      "/subscriptions/s1/RESOURCEGROUPS/RG2", "/subscriptions/S2", "/subscriptions/S2/resourceGroups/rg1");
  private static final List<String> RESOURCE_TAILS = List.of("", "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1",
      "/RESOURCEGROUPS/RG1/providers/Microsoft.Compute/virtualMachines/VM1",
      "/resourceGroups/rg2/providers/Microsoft.Sql/servers/db");
  private static final List<String> ROLES = List.of("Owner", "Contributor", "Reader", "Owner");
  private static final List<String> PARTNERS = List.of("P", "P", "R", "Q", "");
  private static final List<String> CHANNELS = List.of("AOBO", "CUSTOMER_DIRECTORY");
  private static final List<String> QUANTITIES = List.of("24", "1.5", "0", "-3", "23.350007");
  private static final List<String> UNIT_PRICES = List.of("0.50", "0.0209951014286867", "1.25");
  private static final List<String> LIST_COSTS = List.of("12.5", "0.333333", "0", "-2");
  private static final List<String> PUBLISHERS = List.of("", "", "Microsoft", "Contoso");

  private SampleMonths() {}

  /** A generated month: the calculator (grants, rates) and the usage lines with their optional repriced cost. */
  public record Month(PecCalculator calculator, List<AccessGrant> grants, List<UsageLine> lines,
      List<Optional<BigDecimal>> repricedListCosts) {

    /** openpec's result of every line, in order. */
    public List<LineResult> results() {
      List<LineResult> out = new ArrayList<>(lines.size());
      for (int i = 0; i < lines.size(); i++) {
        Optional<BigDecimal> cost = repricedListCosts.get(i);
        out.add(cost.isPresent() ? calculator.evaluate(lines.get(i), cost.get()) : calculator.evaluate(lines.get(i)));
      }
      return out;
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("Month{rates=").append(calculator.rates()).append('\n');
      grants.forEach(g -> sb.append("  ").append(g.grantId()).append(' ').append(g.roleLabel()).append(' ')
          .append(g.partnerId().orElse("-")).append(' ').append(g.assignment()).append(' ').append(g.scope())
          .append(' ').append(g.interval()).append('\n'));
      for (int i = 0; i < lines.size(); i++) {
        UsageLine l = lines.get(i);
        sb.append("  #").append(i + 1).append(' ').append(l.customerId()).append(' ').append(l.resource()).append(' ')
            .append(l.usageDate()).append(' ').append(l.quantity()).append('×').append(l.unitPrice()).append(' ')
            .append(l.billingCurrency()).append(l.publisherName().isEmpty() ? "" : " " + l.publisherName())
            .append(repricedListCosts.get(i).map(c -> " repriced " + c).orElse("")).append('\n');
      }
      return sb.append('}').toString();
    }
  }

  /** Months with 0–4 grants and 1–30 lines. */
  public static Gen<Month> months() {
    return months(0, 4, 1, 30);
  }

  /** Months with the given numbers of grants and lines. */
  public static Gen<Month> months(int minGrants, int maxGrants, int minLines, int maxLines) {
    Gen<Integer> grantCount = Generate.range(minGrants, maxGrants);
    Gen<Integer> lineCount = Generate.range(minLines, maxLines);
    Gen<PecRate> rates = Generate.pick(List.of(PecRate.standard(), PecRate.of(Map.of(
        FIRST_DAY.plusDays(1), new BigDecimal("0.15"), FIRST_DAY.plusDays(3), new BigDecimal("0.175")))));
    Gen<java.util.function.Function<String, AccessGrant>> grant = grants();
    Gen<UsageLine> line = lines();
    Gen<Optional<BigDecimal>> repriced = Generate.pick(LIST_COSTS).map(c -> new BigDecimal(c)).toOptionals(75);
    return in -> {
      List<AccessGrant> gs = new ArrayList<>();
      int n = grantCount.generate(in);
      for (int i = 0; i < n; i++) {
        gs.add(grant.generate(in).apply("G" + (i + 1)));
      }
      List<UsageLine> ls = new ArrayList<>();
      List<Optional<BigDecimal>> costs = new ArrayList<>();
      int m = lineCount.generate(in);
      for (int i = 0; i < m; i++) {
        ls.add(line.generate(in));
        costs.add(repriced.generate(in));
      }
      PecCalculator calc = PecCalculator.builder().addAllGrants(gs).rates(rates.generate(in)).build();
      return new Month(calc, List.copyOf(gs), List.copyOf(ls), List.copyOf(costs));
    };
  }

  /** Grants, given their id. */
  public static Gen<java.util.function.Function<String, AccessGrant>> grants() {
    Gen<String> scope = Generate.pick(GRANT_SCOPES);
    Gen<String> role = Generate.pick(ROLES);
    Gen<String> partner = Generate.pick(PARTNERS);
    Gen<String> channel = Generate.pick(CHANNELS);
    Gen<Assignment> assignment = Generate.pick(List.of(Assignment.ACTIVE, Assignment.ACTIVE, Assignment.ACTIVE,
        Assignment.ELIGIBLE));
    Gen<Integer> start = Generate.range(0, (DAYS + 2) * 48);
    Gen<Optional<Integer>> length = Generate.range(1, DAYS * 48).toOptionals(60);
    return in -> {
      Instant granted = EPOCH.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(30L * start.generate(in)));
      String sc = scope.generate(in);
      String r = role.generate(in);
      String ch = channel.generate(in);
      Assignment a = assignment.generate(in);
      String p = partner.generate(in);
      Optional<Integer> len = length.generate(in);
      return id -> {
        AccessGrant.Builder b = AccessGrant.builder().grantId(id).scope(Scope.parse(sc)).roleName(r).channel(ch)
            .assignment(a).grantedAt(granted);
        if (!p.isEmpty()) {
          b.partnerId(p);
        }
        len.ifPresent(k -> b.revokedAt(granted.plus(Duration.ofMinutes(30L * k))));
        return b.build();
      };
    };
  }

  /** Usage lines of customers C1 and C2, billed partner P, over {@link #DAYS} days. */
  public static Gen<UsageLine> lines() {
    Gen<String> customer = Generate.pick(List.of("C1", "C2"));
    Gen<String> sub = Generate.pick(SUBSCRIPTIONS);
    Gen<String> tail = Generate.pick(RESOURCE_TAILS);
    Gen<Integer> day = Generate.range(0, DAYS - 1);
    Gen<String> meter = Generate.pick(List.of("m1", "m2"));
    Gen<String> qty = Generate.pick(QUANTITIES);
    Gen<String> price = Generate.pick(UNIT_PRICES);
    Gen<Boolean> euro = Generate.booleans();
    Gen<String> publisher = Generate.pick(PUBLISHERS);
    Gen<String> reseller = Generate.pick(List.of("", "R"));
    return in -> {
      String s = sub.generate(in);
      String t = tail.generate(in);
      boolean eur = euro.generate(in);
      return UsageLine.builder().customerId(customer.generate(in)).billedPartnerId("P")
          .resellerPartnerId(reseller.generate(in)).subscriptionId("plan").entitlementId(s)
          .resourceUri(t.isEmpty() ? "" : "/subscriptions/" + s + t).usageDate(FIRST_DAY.plusDays(day.generate(in)))
          .productId("DZH318Z0BQ4L").skuId("0001").meterId(meter.generate(in))
          .quantity(new BigDecimal(qty.generate(in))).unitPrice(new BigDecimal(price.generate(in)))
          .pricingCurrency("USD").billingCurrency(eur ? "EUR" : "USD")
          .pcToBcExchangeRate(eur ? new BigDecimal("0.846202666") : BigDecimal.ONE)
          .publisherName(publisher.generate(in)).build();
    };
  }
}
