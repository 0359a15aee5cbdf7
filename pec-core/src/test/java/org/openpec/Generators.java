package org.openpec;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;
import org.openpec.money.PecRate;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The shared QuickTheories generators of grants, usage lines, price lists and timelines.
 *
 * <p>The domains are tiny on purpose so that edges collide: instants are whole minutes within three days of
 * {@link #EPOCH} (half of them on or next to a midnight), usage days are those three days, there are 0–4
 * grants, scopes come from a handful of names with case variants and the prefix trap {@code /subscriptions/a}
 * vs {@code /subscriptions/ab}, roles are Owner, Contributor, Reader or unknown (by name or by role-definition
 * GUID), assignments ACTIVE or ELIGIBLE, partner IDs P, R, X or none. Usage lines are billed to {@code P} and
 * resold by {@code R} or nobody.
 */
public final class Generators {

  /** 2026-03-01T00:00Z: minute 0 of the three generated days. */
  public static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  /** The first generated usage day. */
  public static final LocalDate FIRST_DAY = LocalDate.parse("2026-03-01");
  /** Minutes in a day. */
  public static final int DAY = 24 * 60;
  /** The last minute of the domain: three days after {@link #EPOCH}. */
  public static final int LAST_MINUTE = 3 * DAY;

  /** The GUID of Owner in the bundled catalogue. */
  public static final String OWNER_GUID = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
  /** The GUID of Contributor in the bundled catalogue. */
  public static final String CONTRIBUTOR_GUID = "b24988ac-6180-42a0-ab88-20f7382dd24c";
  /** The GUID of Reader in the bundled catalogue. */
  public static final String READER_GUID = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

  /** The scopes grants are held on: case variants, the prefix trap, a resource, the root. */
  public static final List<String> GRANT_SCOPES = List.of(
      "/subscriptions/a",
      "/SUBSCRIPTIONS/A/",
      "/subscriptions/ab",
      "/subscriptions/a/resourceGroups/rg1",
      "/subscriptions/A/resourcegroups/RG1",
      "/subscriptions/a/resourceGroups/rg2",
      "/subscriptions/ab/resourceGroups/rg1",
      "/subscriptions/a/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1",
      "/");

  /** The Azure subscriptions ({@code EntitlementId}) of lines: a case variant and the prefix trap. */
  public static final List<String> ENTITLEMENTS = List.of("a", "A", "ab");

  /** Resource paths below {@code /subscriptions/{entitlement}}; empty means the subscription itself. */
  public static final List<String> RESOURCE_SUFFIXES = List.of(
      "",
      "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1",
      "/resourcegroups/RG1/providers/Microsoft.Compute/virtualMachines/VM10",
      "/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/st1");

  /** A role reference as a grant carries it: a definition id (possibly empty) and a name (possibly empty). */
  public record RoleRef(String definitionId, String name) {}

  /** Owner, Contributor, Reader and an unknown role, by name, by GUID or ARM path, and one GUID that contradicts its name. */
  public static final List<RoleRef> ROLES = List.of(
      new RoleRef("", "Owner"),
      new RoleRef("", " contributor "),
      new RoleRef("", "Reader"),
      new RoleRef("", "Billing Wizard"),
      new RoleRef("/subscriptions/a/providers/Microsoft.Authorization/roleDefinitions/" + OWNER_GUID.toUpperCase(),
          ""),
      new RoleRef(CONTRIBUTOR_GUID, "Contributor"),
      new RoleRef(READER_GUID, "Owner"),
      new RoleRef("00000000-0000-0000-0000-000000000000", "Owner"));

  /** The partner IDs grants are attributed to; {@code null} stands for none. */
  public static final List<Optional<String>> PARTNERS =
      List.of(Optional.of("P"), Optional.of("R"), Optional.of("X"), Optional.empty());

  /** The product of every generated line. */
  public static final String PRODUCT = "DZH318Z0BQ4L";
  /** The SKU of every generated line. */
  public static final String SKU = "0001";
  /** The meter of every generated line. */
  public static final String METER = "m1";

  private Generators() {}

  /** The instant {@code m} minutes after {@link #EPOCH}. */
  public static Instant minute(int m) {
    return EPOCH.plusSeconds(60L * m);
  }

  /** The generated usage day {@code d} (0, 1 or 2). */
  public static LocalDate day(int d) {
    return FIRST_DAY.plusDays(d);
  }

  /** Minutes in {@code [0, LAST_MINUTE]}, half of them on or one minute off a midnight. */
  public static Gen<Integer> minutes() {
    Gen<Integer> edge = Generate.pick(List.of(0, 1, DAY - 1, DAY, DAY + 1, 2 * DAY - 1, 2 * DAY, 2 * DAY + 1,
        LAST_MINUTE - 1, LAST_MINUTE, 600, DAY + 540, DAY + 600));
    return Generate.range(0, LAST_MINUTE).mix(edge, 50);
  }

  /** One of the three generated usage days. */
  public static Gen<LocalDate> usageDays() {
    return Generate.range(0, 2).map(d -> day(d));
  }

  /** Scopes from {@link #GRANT_SCOPES}. */
  public static Gen<Scope> scopes() {
    return Generate.pick(GRANT_SCOPES).map(s -> Scope.parse(s));
  }

  /** The segments scope texts are built from: case variants and the prefix trap {@code a} / {@code ab}. */
  public static final List<String> SEGMENTS = List.of("subscriptions", "SUBSCRIPTIONS", "a", "A", "ab", "aB",
      "resourceGroups", "resourcegroups", "rg1", "RG1", "providers", "Microsoft.Compute", "vm1");

  /**
   * Segment lists of 0–5 segments, biased towards well-formed ARM paths ({@code subscriptions/{a|ab}/...}).
   */
  public static Gen<List<String>> segmentLists() {
    Gen<List<String>> any = listsOf(Generate.pick(SEGMENTS), 5);
    Gen<String> sub = Generate.pick(List.of("subscriptions", "SUBSCRIPTIONS", "Subscriptions"));
    Gen<String> id = Generate.pick(List.of("a", "A", "ab", "AB", "b"));
    Gen<List<String>> rest = listsOf(Generate.pick(List.of("resourceGroups", "resourcegroups", "rg1", "RG1",
        "rg10", "providers", "Microsoft.Compute", "vm1")), 3);
    Gen<List<String>> arm = in -> {
      List<String> out = new ArrayList<>();
      out.add(sub.generate(in));
      out.add(id.generate(in));
      out.addAll(rest.generate(in));
      return List.copyOf(out);
    };
    return arm.mix(any, 30);
  }

  /**
   * Scope texts with their canonical segments: joined by one or two slashes, with or without a leading or
   * trailing slash and surrounding spaces.
   */
  public record ScopeText(String text, List<String> segments) {}

  /** Scope texts of {@link #segmentLists()}, written in the many ways rules §4 says mean the same scope. */
  public static Gen<ScopeText> scopeTexts() {
    Gen<List<String>> segments = segmentLists();
    Gen<String> sep = Generate.pick(List.of("/", "/", "/", "//"));
    Gen<Boolean> flag = Generate.booleans();
    Gen<ScopeText> gen = in -> {
      List<String> segs = segments.generate(in);
      StringBuilder sb = new StringBuilder();
      if (flag.generate(in)) {
        sb.append(' ');
      }
      if (segs.isEmpty() || flag.generate(in) || flag.generate(in)) {
        sb.append(sep.generate(in));
      }
      for (int i = 0; i < segs.size(); i++) {
        sb.append(i == 0 ? "" : sep.generate(in)).append(segs.get(i));
      }
      if (flag.generate(in) && flag.generate(in)) {
        sb.append('/');
      }
      return new ScopeText(sb.toString(), segs);
    };
    return gen.describedAs(t -> '"' + t.text() + '"');
  }

  /** {@code text} with the case of some letters flipped, as chosen by {@code bits}. */
  public static String flipCase(String text, long bits) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean flip = ((bits >>> (i % 64)) & 1) == 1;
      sb.append(!flip ? c : Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return sb.toString();
  }

  /** Bit patterns for {@link #flipCase}. */
  public static Gen<Long> caseFlips() {
    return Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Role references from {@link #ROLES}. */
  public static Gen<RoleRef> roles() {
    return Generate.pick(ROLES);
  }

  /** ACTIVE three times out of four. */
  public static Gen<Assignment> assignments() {
    return Generate.frequency(Pair.of(3, Generate.constant(Assignment.ACTIVE)),
        Pair.of(1, Generate.constant(Assignment.ELIGIBLE)));
  }

  /** P, R, X or none. */
  public static Gen<Optional<String>> partnerIds() {
    return Generate.pick(PARTNERS);
  }

  /** Grant intervals as {@code [start, end)} minutes; {@code end} is {@code -1} when the grant is still held. */
  public static Gen<int[]> grantMinutes() {
    Gen<Integer> m = minutes();
    Gen<Integer> first = m.mix(Generate.constant(0), 30);
    Gen<Boolean> open = Generate.booleans();
    return in -> {
      int a = first.generate(in);
      int b = m.generate(in);
      boolean stillHeld = open.generate(in);
      if (a == b || stillHeld) {
        return new int[] {Math.min(a, b), -1};
      }
      return new int[] {Math.min(a, b), Math.max(a, b)};
    };
  }

  /** Any grant of the tiny domain; grant ids G0–G9 (not necessarily distinct). */
  public static Gen<AccessGrant> grants() {
    return grants(scopes());
  }

  /** Grants of the tiny domain on scopes drawn from {@code scopes}. */
  public static Gen<AccessGrant> grants(Gen<Scope> scopes) {
    Gen<Integer> ids = Generate.range(0, 9);
    Gen<int[]> span = grantMinutes();
    Gen<RoleRef> roles = roles();
    Gen<Assignment> assignment = assignments();
    Gen<Optional<String>> partner = partnerIds();
    Gen<AccessGrant> gen = in -> {
      int[] s = span.generate(in);
      RoleRef role = roles.generate(in);
      return AccessGrant.builder()
          .grantId("G" + ids.generate(in))
          .partnerId(partner.generate(in))
          .channel("AOBO")
          .roleDefinitionId(role.definitionId())
          .roleName(role.name())
          .scope(scopes.generate(in))
          .assignment(assignment.generate(in))
          .grantedAt(minute(s[0]))
          .revokedAt(s[1] < 0 ? Optional.empty() : Optional.of(minute(s[1])))
          .build();
    };
    return gen.describedAs(Generators::describe);
  }

  /** Grants that hold an eligible role, actively, for P, on a scope covering subscription {@code a}: they qualify. */
  public static Gen<AccessGrant> qualifyingGrants() {
    Gen<Integer> ids = Generate.range(0, 9);
    Gen<int[]> span = grantMinutes();
    Gen<Scope> scopes = Generate.pick(List.of("/subscriptions/a", "/SUBSCRIPTIONS/A/")).map(s -> Scope.parse(s));
    Gen<AccessGrant> gen = in -> {
      int[] s = span.generate(in);
      return AccessGrant.builder()
          .grantId("Q" + ids.generate(in))
          .partnerId("P")
          .channel("AOBO")
          .roleName("Owner")
          .scope(scopes.generate(in))
          .grantedAt(minute(s[0]))
          .revokedAt(s[1] < 0 ? Optional.empty() : Optional.of(minute(s[1])))
          .build();
    };
    return gen.describedAs(Generators::describe);
  }

  /** Any grants, {@code percent} of them {@link #qualifyingGrants() qualifying} but for their interval. */
  public static Gen<AccessGrant> mixedGrants(int percent) {
    return grants().mix(qualifyingGrants(), percent).describedAs(Generators::describe);
  }

  /** 0–4 grants, two in five of them {@link #qualifyingGrants() qualifying} but for their interval. */
  public static Gen<List<AccessGrant>> grantLists() {
    return listsOf(mixedGrants(40), 4);
  }

  /** 0–{@code max} elements of {@code gen}. */
  public static <T> Gen<List<T>> listsOf(Gen<T> gen, int max) {
    Gen<Integer> size = Generate.range(0, max);
    Gen<List<T>> lists = in -> {
      int n = size.generate(in);
      List<T> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(gen.generate(in));
      }
      return List.copyOf(out);
    };
    return lists.describedAs(l -> {
      StringBuilder sb = new StringBuilder("[");
      for (T t : l) {
        sb.append(sb.length() == 1 ? "" : ", ").append(gen.asString(t));
      }
      return sb.append(']').toString();
    });
  }

  /** The product attributes of a line; the defaults are a first-party, non-Spot, non-benefit product. */
  public record Product(String publisherName, String meterName, String meterSubCategory, String skuName,
      String benefitId, String benefitType, String chargeType) {}

  /** Products that no rule of rules §6.4–6.6 excludes (a purchase is excluded only with a price list). */
  public static Gen<Product> firstPartyProducts() {
    Gen<String> publisher = Generate.pick(List.of("", "Microsoft", " microsoft "));
    Gen<String> meter = Generate.pick(List.of("D2s v3", "Spotlight Hours", "D2s v3 Spots"));
    Gen<String> sku = Generate.pick(List.of("D2s_v3", "D2s_v3_Spotless"));
    Gen<String> charge = Generate.pick(List.of("", "Usage"));
    return in -> new Product(publisher.generate(in), meter.generate(in), "Virtual Machines", sku.generate(in), "",
        "", charge.generate(in));
  }

  /** Products that rules §6.4–6.6 exclude: marketplace, Spot or benefit-covered (at least one). */
  public static Gen<Product> excludedProducts() {
    return Generate.pick(List.of(
        new Product("Contoso Ltd", "D2s v3", "Virtual Machines", "D2s_v3", "", "", "Usage"),
        new Product("", "D2s v3 Spot", "Virtual Machines", "D2s_v3", "", "", ""),
        new Product("Microsoft", "D2s v3", "Virtual Machines Spot", "D2s_v3", "", "", ""),
        new Product("", "D2s v3", "Virtual Machines", "D2s_v3_Spot", "", "", ""),
        new Product("", "D2s v3", "Virtual Machines", "D2s_v3", "ri-1", "", ""),
        new Product("", "D2s v3", "Virtual Machines", "D2s_v3", "", "Reservation", ""),
        new Product("Contoso Ltd", "Spot", "Virtual Machines", "D2s_v3", "ri-1", "SavingsPlan", "")));
  }

  /** First-party products three times out of four, else excluded ones. */
  public static Gen<Product> products() {
    return firstPartyProducts().mix(excludedProducts(), 25);
  }

  /** Quantities: whole, fractional, zero and negative (corrections). */
  public static Gen<BigDecimal> quantities() {
    return Generate.pick(List.of("24", "1", "0.5", "23.350007", "0", "-3", "-0.25", "1000")).map(s -> new BigDecimal(s));
  }

  /** Positive quantities. */
  public static Gen<BigDecimal> positiveQuantities() {
    return Generate.pick(List.of("24", "1", "0.5", "23.350007", "0.000001", "1000")).map(s -> new BigDecimal(s));
  }

  /** Unit prices, zero included, with up to 16 decimals. */
  public static Gen<BigDecimal> unitPrices() {
    return Generate.pick(List.of("0.50", "0.0209951014286867", "1", "0", "3.3333", "0.000001"))
        .map(s -> new BigDecimal(s));
  }

  /** Positive unit prices. */
  public static Gen<BigDecimal> positiveUnitPrices() {
    return Generate.pick(List.of("0.50", "0.0209951014286867", "1", "3.3333", "0.000001")).map(s -> new BigDecimal(s));
  }

  /** A billing currency and its exchange rate from USD. */
  public record Currency(String code, BigDecimal perUsd) {}

  /** USD at 1, EUR at 0.846202666, JPY at 149.5. */
  public static Gen<Currency> currencies() {
    return Generate.pick(List.of(new Currency("USD", BigDecimal.ONE),
        new Currency("EUR", new BigDecimal("0.846202666")), new Currency("JPY", new BigDecimal("149.5"))));
  }

  /** Usage lines of any product. */
  public static Gen<UsageLine> lines() {
    return lines(products(), quantities(), unitPrices());
  }

  /** Usage lines of first-party products, which only access can keep from earning. */
  public static Gen<UsageLine> firstPartyLines() {
    return lines(firstPartyProducts(), quantities(), unitPrices());
  }

  /** Usage lines of products excluded by rules §6.4–6.6. */
  public static Gen<UsageLine> excludedLines() {
    return lines(excludedProducts(), quantities(), unitPrices());
  }

  /** Usage lines from the given product, quantity and price generators. */
  public static Gen<UsageLine> lines(Gen<Product> products, Gen<BigDecimal> quantities, Gen<BigDecimal> prices) {
    Gen<String> customer = Generate.pick(List.of("C1", "C2"));
    Gen<String> reseller = Generate.pick(List.of("", "R"));
    Gen<String> plan = Generate.pick(List.of("plan1", "plan2"));
    Gen<String> entitlement = Generate.pick(ENTITLEMENTS);
    Gen<String> suffix = Generate.pick(RESOURCE_SUFFIXES);
    Gen<LocalDate> days = usageDays();
    Gen<Currency> currency = currencies();
    Gen<UsageLine> gen = in -> {
      String ent = entitlement.generate(in);
      String sfx = suffix.generate(in);
      Product p = products.generate(in);
      Currency c = currency.generate(in);
      return UsageLine.builder()
          .customerId(customer.generate(in))
          .billedPartnerId("P")
          .resellerPartnerId(reseller.generate(in))
          .subscriptionId(plan.generate(in))
          .entitlementId(ent)
          .usageDate(days.generate(in))
          .productId(PRODUCT)
          .skuId(SKU)
          .meterId(METER)
          .resourceUri(sfx.isEmpty() ? "" : "/subscriptions/" + ent + sfx)
          .quantity(quantities.generate(in))
          .unitPrice(prices.generate(in))
          .pricingCurrency("USD")
          .billingCurrency(c.code())
          .pcToBcExchangeRate(c.perUsd())
          .publisherName(p.publisherName())
          .meterName(p.meterName())
          .meterSubCategory(p.meterSubCategory())
          .skuName(p.skuName())
          .benefitId(p.benefitId())
          .benefitType(p.benefitType())
          .chargeType(p.chargeType())
          .build();
    };
    return gen.describedAs(Generators::describe);
  }

  /** 0–{@code max} usage lines of any product. */
  public static Gen<List<UsageLine>> lineLists(int max) {
    return listsOf(lines(), max);
  }

  /**
   * Optional price lists: none, one that does not list the product, or one entry for the product tagged,
   * titled or dated so that each of rules 1–3 and 5 can fire.
   */
  public static Gen<Optional<PriceList>> priceLists() {
    List<Optional<PriceList>> choices = new ArrayList<>();
    choices.add(Optional.of(PriceList.of(List.of())));
    choices.add(Optional.of(PriceList.of(List.of(entry("OTHER", "", "D2s v3", List.of(), null, null)))));
    choices.add(Optional.of(PriceList.of(List.of(entry(PRODUCT.toLowerCase(), "", "D2s v3", List.of(), null, null)))));
    choices.add(Optional.of(PriceList.of(List.of(entry(PRODUCT, "", "D2s v3", List.of("m0", "M1"), null, null)))));
    choices.add(Optional.of(PriceList.of(List.of(entry(PRODUCT, "", "D2s v3", List.of("m0"), null, null)))));
    choices.add(Optional.of(PriceList.of(List.of(entry(PRODUCT, "Azure; third party", "D2s v3", List.of(), null,
        null)))));
    choices.add(Optional.of(PriceList.of(List.of(entry(PRODUCT, "RESERVATIONS", "D2s v3", List.of(), null, null)))));
    choices.add(Optional.of(PriceList.of(List.of(entry(PRODUCT, "", "D2s v3 Spot", List.of(), null, null)))));
    choices.add(Optional.of(PriceList.of(List.of(entry(PRODUCT, "", "D2s v3", List.of(), day(1), day(1))))));
    choices.add(Optional.of(PriceList.of(List.of(entry(PRODUCT, "", "D2s v3", List.of(), null, day(0)),
        entry(PRODUCT, "Third Party", "D2s v3", List.of(), day(2), null)))));
    Gen<Optional<PriceList>> none = Generate.constant(Optional.empty());
    Gen<Optional<PriceList>> plain = Generate.constant(
        Optional.of(PriceList.of(List.of(entry(PRODUCT, "Azure", "D2s v3", List.of(), null, null)))));
    Gen<Optional<PriceList>> gen = Generate.frequency(Pair.of(4, none), Pair.of(2, plain),
        Pair.of(4, Generate.pick(choices)));
    return gen.describedAs(p -> p.map(l -> "PriceList(" + l.groups() + ")").orElse("no price list"));
  }

  private static PriceListEntry entry(String product, String tags, String skuTitle, List<String> meters,
      LocalDate start, LocalDate end) {
    return PriceListEntry.builder().productId(product).skuId(SKU).tags(tags).skuTitle(skuTitle)
        .addAllMeterIds(meters).unitPrice(new BigDecimal("0.50"))
        .effectiveStart(Optional.ofNullable(start)).effectiveEnd(Optional.ofNullable(end)).build();
  }

  /** Rate schedules: the standard 15 %, one that changes within the generated days, and one that starts late. */
  public static Gen<PecRate> rates() {
    return Generate.pick(List.of(PecRate.standard(),
        PecRate.of(java.util.Map.of(LocalDate.MIN, new BigDecimal("0.15"), day(1), new BigDecimal("0.175"))),
        PecRate.of(java.util.Map.of(day(2), new BigDecimal("0.2"))))).describedAs(PecRate::toString);
  }

  // ---- copies (the strict builders have no from(..)) ------------------------------------------------------------

  /** {@code line} on another usage day. */
  public static UsageLine onDay(UsageLine line, LocalDate day) {
    return copy(line, day, line.resourceUri());
  }

  /** {@code line} with another usage day and resource URI. */
  public static UsageLine copy(UsageLine l, LocalDate day, String resourceUri) {
    return UsageLine.builder().customerId(l.customerId()).billedPartnerId(l.billedPartnerId())
        .resellerPartnerId(l.resellerPartnerId()).subscriptionId(l.subscriptionId()).entitlementId(l.entitlementId())
        .usageDate(day).productId(l.productId()).skuId(l.skuId()).meterId(l.meterId()).resourceUri(resourceUri)
        .quantity(l.quantity()).unitPrice(l.unitPrice()).pricingCurrency(l.pricingCurrency())
        .billingCurrency(l.billingCurrency()).pcToBcExchangeRate(l.pcToBcExchangeRate())
        .publisherName(l.publisherName()).meterName(l.meterName()).meterSubCategory(l.meterSubCategory())
        .skuName(l.skuName()).benefitId(l.benefitId()).benefitType(l.benefitType()).chargeType(l.chargeType())
        .build();
  }

  /** {@code g} with another id and interval, every other attribute kept. */
  public static AccessGrant copy(AccessGrant g, String grantId, Instant grantedAt, Optional<Instant> revokedAt) {
    return AccessGrant.builder().grantId(grantId).partnerId(g.partnerId()).channel(g.channel())
        .principalId(g.principalId()).principalType(g.principalType()).roleDefinitionId(g.roleDefinitionId())
        .roleName(g.roleName()).scope(g.scope()).assignment(g.assignment()).grantedAt(grantedAt)
        .revokedAt(revokedAt).build();
  }

  // ---- time ----------------------------------------------------------------------------------------------------

  /** The span of the timeline generators: minutes {@code [0, TIME_SPAN]}. */
  public static final int TIME_SPAN = 40;

  /** Intervals of whole minutes within {@code [0, TIME_SPAN]}, one in eight unbounded. */
  public static Gen<Interval> intervals() {
    Gen<Integer> m = Generate.range(0, TIME_SPAN);
    Gen<Integer> unbounded = Generate.range(0, 7);
    Gen<Interval> gen = in -> {
      int a = m.generate(in);
      int b = m.generate(in);
      if (a == b || unbounded.generate(in) == 0) {
        return Interval.startingAt(minute(Math.min(a, b)));
      }
      return Interval.of(minute(Math.min(a, b)), minute(Math.max(a, b)));
    };
    return gen.describedAs(Generators::describe);
  }

  /** Bounded intervals of whole minutes within {@code [0, TIME_SPAN]}. */
  public static Gen<Interval> boundedIntervals() {
    Gen<Integer> m = Generate.range(0, TIME_SPAN);
    Gen<Interval> gen = in -> {
      int a = m.generate(in);
      int b = m.generate(in);
      return a == b ? Interval.of(minute(a), minute(a + 1)) : Interval.of(minute(Math.min(a, b)), minute(Math.max(a, b)));
    };
    return gen.describedAs(Generators::describe);
  }

  /** Lists of 0–4 intervals. */
  public static Gen<List<Interval>> intervalLists() {
    return listsOf(intervals(), 4);
  }

  /** Timelines of 0–4 intervals. */
  public static Gen<Timeline> timelines() {
    return intervalLists().map(l -> Timeline.of(l)).describedAs(Timeline::toString);
  }

  /** Minutes {@code [0, TIME_SPAN]} as instants. */
  public static Gen<Instant> instants() {
    return Generate.range(0, TIME_SPAN + 1).map(m -> minute(m));
  }

  // ---- descriptions --------------------------------------------------------------------------------------------

  /** Minutes since {@link #EPOCH}, or {@code ∞}. */
  public static String minuteOf(Instant t) {
    return t.equals(Interval.UNBOUNDED) ? "∞" : Long.toString((t.getEpochSecond() - EPOCH.getEpochSecond()) / 60);
  }

  static String describe(Interval i) {
    return "[" + minuteOf(i.start()) + "," + minuteOf(i.end()) + ")";
  }

  static String describe(AccessGrant g) {
    return g.grantId() + "{" + g.partnerId().orElse("-") + " " + g.roleDefinitionId() + "/" + g.roleName() + " "
        + g.assignment() + " " + g.scope() + " " + describe(g.interval()) + "}";
  }

  static String describe(UsageLine l) {
    return "Line{" + l.usageDate() + " " + l.resource() + " P/" + l.resellerPartnerId() + " q=" + l.quantity()
        + " p=" + l.unitPrice() + " " + l.billingCurrency() + " pub=" + l.publisherName() + " meter=" + l.meterName()
        + " sub=" + l.meterSubCategory() + " sku=" + l.skuName() + " benefit=" + l.benefitId() + "/"
        + l.benefitType() + " charge=" + l.chargeType() + "}";
  }
}
