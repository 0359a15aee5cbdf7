package org.openpec.examples.generate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.openpec.examples.generate.Catalog.ResourceType;
import org.openpec.examples.generate.Meter.Consumption;
import org.openpec.examples.generate.Tenant.Entitlement;
import org.openpec.examples.generate.Tenant.Group;
import org.openpec.examples.generate.Tenant.Resource;
import org.openpec.examples.generate.Tenant.Slot;

/**
 * One customer of the realistic shape: 1–4 Azure subscriptions under one Azure plan, 2–6 resource groups each with
 * 5–18 resources, 1–3 meters per resource and day, some resources created or deleted mid-month, and the grants of
 * one access {@link Story}. Everything is drawn from a random source seeded by the month's seed and the customer's
 * index, so a customer is built alone, in memory proportional to its resources.
 */
final class RealisticTenant implements Customer {

  /** How the customer's access unfolds over the month; the first customers take them in declaration order. */
  enum Story {
    /** AOBO Owner on every subscription all month (sometimes held by the reseller), plus the customer's own. */
    STANDING_AOBO(44),
    /** Indirect: only the reseller holds AOBO Owner. */
    RESELLER_HOLDS(10),
    /** AOBO removed at 14:30 on day X; an unlinked Lighthouse delegation, PAL-linked at 11:00 later on. */
    MIDDAY_REVOCATION(5),
    /** Reader, Cost Management Reader, Monitoring Reader and a custom role only. */
    READER_ONLY(5),
    /** AOBO on the subscription until mid-month, then handed over to resource-group and resource grants. */
    HANDOVER(7),
    /** Lighthouse on some resource groups only; the other groups have no access. */
    GROUP_ONLY(5),
    /** A PIM-eligible Owner, activated 09:00–17:00 on some days. */
    PIM_ELIGIBLE(4),
    /** Owner by a customer-directory user and a Lighthouse delegation, neither linked to a partner ID. */
    UNLINKED(4),
    /** The customer moved its administration to another partner; billing stayed. */
    OTHER_PARTNER(3),
    /** A Lighthouse Marketplace offer (attributed automatically). */
    LIGHTHOUSE_OFFER(5),
    /** Billed by the partner whose agreement lapses for three days. */
    AGREEMENT_GAP(2),
    /** Indirect: AOBO held by the provider's second partner ID. */
    SECOND_LOCATION(3),
    /** No grant reaches the month (one revoked before it, one exactly at its first midnight). */
    NO_GRANTS(2),
    /** AOBO revoked and re-granted within days: two partial days. */
    MIDDAY_GAPS(4);

    final int weight;

    Story(int weight) {
      this.weight = weight;
    }

    private static final Story[] ALL = values();
    private static final int TOTAL;

    static {
      int t = 0;
      for (Story s : ALL) {
        t += s.weight;
      }
      TOTAL = t;
    }

    static Story of(int index, int draw) {
      if (index < ALL.length) {
        return ALL[index];
      }
      int x = Math.floorMod(draw, TOTAL);
      for (Story s : ALL) {
        x -= s.weight;
        if (x < 0) {
          return s;
        }
      }
      throw new AssertionError();
    }
  }

  /** A usage slot and the days it runs: day indexes {@code [from, to)}. */
  static final class Use {
    final Slot slot;
    final int from;
    final int to;
    /** Hours used on the first day when the resource was created that day, else 0. */
    final int firstHours;
    /** Hours used on the last day when the resource was deleted that day, else 0. */
    final int lastHours;

    Use(Slot slot, int from, int to, int firstHours, int lastHours) {
      this.slot = slot;
      this.from = from;
      this.to = to;
      this.firstHours = firstHours;
      this.lastHours = lastHours;
    }

    boolean activeOn(int day) {
      return day >= from && day < to;
    }

    /** The quantity of day {@code day} in millionths; a created or deleted machine runs part of that day. */
    long quantityOn(int day, SplittableRandom r) {
      if (slot.meter.consumption == Consumption.HOURS) {
        if (day == from && firstHours > 0) {
          return slot.base / 24 * firstHours;
        }
        if (day == to - 1 && lastHours > 0) {
          return slot.base / 24 * lastHours;
        }
      }
      return slot.quantityOn(day, r);
    }
  }

  /** Resource kinds of the realistic shape and their relative frequency. */
  private static final ResourceType[] TYPES = {ResourceType.VM_LINUX, ResourceType.VM_WINDOWS, ResourceType.VM_SPOT,
      ResourceType.VM_MARKETPLACE, ResourceType.VM_THIRD_PARTY, ResourceType.DISK, ResourceType.STORAGE,
      ResourceType.SQL_DB, ResourceType.APP_PLAN, ResourceType.AKS, ResourceType.PUBLIC_IP, ResourceType.KEY_VAULT,
      ResourceType.LOG_ANALYTICS, ResourceType.SAAS, ResourceType.CHAOS};
  private static final int[] TYPE_WEIGHTS = {120, 60, 15, 10, 10, 170, 90, 45, 40, 10, 60, 35, 25, 8, 2};
  /** Relative frequency of each VM series (index of {@link RealisticCatalog#SERIES}). */
  private static final int[] SERIES_WEIGHTS = {3, 12, 10, 8, 14, 16, 8, 5, 8, 8, 6, 2};
  private static final int[] US = {0, 1, 2, 3, 4};
  private static final int[] EU = {5, 6, 7, 8};
  private static final int[] UK = {9, 10};
  /** Whether the first customers (in {@link Story} order) are billed through the indirect provider. */
  private static final boolean[] FIRST_INDIRECT = {false, true, true, false, true, false, true, true, false, false,
      true, false, true, false};

  final int index;
  final Story story;
  final Partner billed;
  final Partner reseller;
  final String currency;
  private final BigDecimal fx;
  final List<Entitlement> entitlements = new ArrayList<>();
  final List<Resource> resources = new ArrayList<>();
  final List<Use> uses = new ArrayList<>();
  /** The grants, as rows of the grants file. */
  final List<String[]> grants;
  /** The purchase written on the first day, or null. */
  final Slot purchase;
  private final boolean azureCredit;
  private final byte[] customerChunk;
  private final byte[] planChunk;
  private final byte[] currencyChunk;

  private final int days;
  private final int dayX;
  private final int dayLink;
  private final int dayHandover;
  private final int dayA;
  private final int dayB;
  private final int gapFirst;
  private final int gapLast;

  RealisticTenant(int index, long seed, RealisticCatalog catalog, Partner.Set partners, LocalDate firstDay,
      int days) {
    SplittableRandom r = new SplittableRandom(Ids.mix(seed, 5_000_011L + index));
    this.index = index;
    this.days = days;
    this.story = Story.of(index, r.nextInt(1 << 30));
    this.dayX = days / 3;
    this.dayLink = Math.max(dayX + 3, 2 * days / 3);
    this.dayHandover = days / 2;
    this.dayA = days / 4;
    this.dayB = dayA + Math.max(1, days / 3);
    this.gapFirst = days / 2;
    this.gapLast = gapFirst + 2;

    boolean indirect;
    if (story == Story.AGREEMENT_GAP) {
      indirect = false;
    } else if (story == Story.RESELLER_HOLDS || story == Story.SECOND_LOCATION) {
      indirect = true;
    } else if (index < FIRST_INDIRECT.length) {
      indirect = FIRST_INDIRECT[index];
    } else {
      indirect = r.nextInt(100) < 65;
    }
    int resellerDraw = r.nextInt(partners.resellers.size());
    this.billed = story == Story.AGREEMENT_GAP ? partners.lapsing : indirect ? partners.provider : partners.direct;
    this.reseller = indirect ? partners.resellers.get(resellerDraw) : null;

    int currencyDraw = r.nextInt(100);
    int[] regions;
    String country;
    if (index == 8 || index >= 14 && currencyDraw < 10) {
      currency = "EUR";
      fx = new BigDecimal("0.921345678");
      regions = EU;
      country = new String[] {"DE", "FR", "NL", "AT"}[r.nextInt(4)];
    } else if (index == 10 || index >= 14 && currencyDraw < 16) {
      currency = "GBP";
      fx = new BigDecimal("0.789123456");
      regions = UK;
      country = "GB";
    } else {
      currency = "USD";
      fx = null;
      regions = US;
      country = "US";
    }
    this.azureCredit = index == 1 || index >= 14 && r.nextInt(30) == 0;

    String[] names = Tenant.NAMES;
    String name = names[index % names.length] + (index >= names.length ? " " + (index / names.length + 1) : "");
    String shortName = name.replaceAll("[^A-Za-z]", "");
    shortName = shortName.substring(0, Math.min(12, shortName.length()));
    String lowerShort = shortName.toLowerCase(Locale.ROOT);
    String domain = lowerShort + index + ".onmicrosoft.com";
    String customerId = Ids.guid(r);
    String planId = Ids.guid(r);
    this.customerChunk = ByteSink.utf8(Csv.join(billed.tenantId, billed.name, customerId, name, domain, country,
        billed.mpnId, reseller == null ? "" : reseller.mpnId, billed.invoiceNumber) + ',');
    this.planChunk = ByteSink.utf8(Csv.join("Azure plan", planId, firstDay.toString(),
        firstDay.plusDays(days - 1L).toString()) + ',');
    this.currencyChunk = ByteSink.utf8(currency + ',');

    String fxText = fx == null ? "1" : fx.toPlainString();
    int subscriptionDraw = r.nextInt(100);
    int subscriptionCount = subscriptionDraw < 25 ? 1 : subscriptionDraw < 55 ? 2 : subscriptionDraw < 77 ? 3 : 4;
    String[] groupNames = Tenant.GROUPS;
    int counter = 0;
    for (int e = 0; e < subscriptionCount; e++) {
      String description = e == 0 ? "Azure subscription 1"
          : shortName + new String[] {" Production", " Dev/Test", " Sandbox"}[e - 1];
      Entitlement ent = new Entitlement(Ids.guid(r), description, fxText, firstDay.toString());
      int groupCount = 2 + r.nextInt(5);
      if (story == Story.HANDOVER || story == Story.GROUP_ONLY) {
        groupCount = Math.max(groupCount, 4);
      }
      int start = r.nextInt(groupNames.length);
      for (int g = 0; g < groupCount; g++) {
        int region = regions[r.nextInt(regions.length)];
        ent.groups.add(new Group(ent, groupNames[(start + g * 5) % groupNames.length], r.nextInt(4) == 0,
            r.nextInt(10) == 0, RealisticCatalog.REGIONS[region]));
      }
      entitlements.add(ent);
      for (Group group : ent.groups) {
        int resourceCount = 5 + r.nextInt(14);
        for (int k = 0; k < resourceCount; ) {
          k += addResources(r, catalog, group, counter++, lowerShort, resourceCount - k);
        }
      }
    }
    if (index % 8 == 5 || index >= 14 && r.nextInt(30) == 0) {
      Entitlement ent = entitlements.get(0);
      this.purchase = new Slot(catalog.meter(r.nextInt(3) == 0 ? "ri.sql" : "ri.d4sv5"), null, ent, 1_000_000L,
          ent.groups.get(0).region);
    } else {
      this.purchase = null;
    }
    GrantBook book = new GrantBook(r, firstDay);
    buildGrants(r, book, partners);
    this.grants = book.rows;
  }

  /** The usage lines this customer writes in the month. */
  long lines() {
    long n = purchase == null || days == 0 ? 0 : 1;
    for (Use u : uses) {
      n += u.to - u.from;
    }
    return n;
  }

  private static int regionIndex(String[] region) {
    for (int i = 0; i < RealisticCatalog.REGIONS.length; i++) {
      if (RealisticCatalog.REGIONS[i] == region) {
        return i;
      }
    }
    throw new IllegalArgumentException(region[0]);
  }

  private static int draw(SplittableRandom r, int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    throw new AssertionError();
  }

  /** Adds one resource (or a SQL server's 1–3 databases, at most {@code room}); returns how many. */
  private int addResources(SplittableRandom r, RealisticCatalog catalog, Group group, int n, String shortName,
      int room) {
    ResourceType type = TYPES[draw(r, TYPE_WEIGHTS)];
    int region = regionIndex(group.region);
    // Lifecycle: most resources run all month; some are created, some deleted, mid-month.
    int from = 0;
    int to = days;
    int firstHours = 0;
    int lastHours = 0;
    int life = r.nextInt(100);
    if (days > 1 && life < 8) {
      from = 1 + r.nextInt(days - 1);
      firstHours = 1 + r.nextInt(23);
    } else if (days > 1 && life < 14) {
      to = 1 + r.nextInt(days - 1);
      lastHours = 1 + r.nextInt(23);
    }
    int spelling = r.nextInt(100);
    String number = String.format(Locale.ROOT, "%03d", n);
    String bare = group.name.replaceFirst("^rg-", "").toLowerCase(Locale.ROOT);
    List<Meter> meters = new ArrayList<>(3);
    String name;
    String info = "";
    boolean benefit = false;
    boolean partial = false;
    switch (type) {
      case VM_LINUX, VM_WINDOWS, VM_MARKETPLACE, VM_THIRD_PARTY -> {
        boolean windows = type == ResourceType.VM_WINDOWS;
        int series = draw(r, SERIES_WEIGHTS);
        int size = draw(r, RealisticCatalog.SIZE_WEIGHTS);
        meters.add(catalog.meter(RealisticCatalog.vmKey(series, windows, size, region)));
        if (type == ResourceType.VM_MARKETPLACE) {
          meters.add(catalog.meter("mp.firewall"));
        } else if (type == ResourceType.VM_THIRD_PARTY) {
          meters.add(catalog.meter(RealisticCatalog.SIZES[size] <= 4 ? "tp.linux" : "tp.rhel"));
        } else if (r.nextInt(4) == 0) {
          meters.add(catalog.meter("bw.out"));
        }
        name = (type == ResourceType.VM_MARKETPLACE ? "fw" : windows ? "vmw" : "vm") + "-" + bare + "-" + number;
        info = vmInfo(windows, RealisticCatalog.armSize(series, size), RealisticCatalog.SIZES[size]);
        benefit = type != ResourceType.VM_MARKETPLACE && type != ResourceType.VM_THIRD_PARTY && r.nextInt(100) < 8;
        partial = r.nextInt(4) == 0;
      }
      case VM_SPOT -> {
        int series = r.nextBoolean() ? RealisticCatalog.DV5 : RealisticCatalog.FSV2;
        int size = draw(r, RealisticCatalog.SIZE_WEIGHTS);
        meters.add(catalog.meter(RealisticCatalog.spotKey(series, size, region)));
        name = "vmspot-" + bare + "-" + number;
        info = vmInfo(false, RealisticCatalog.armSize(series, size), RealisticCatalog.SIZES[size]);
        partial = r.nextInt(2) == 0;
      }
      case DISK -> {
        if (r.nextBoolean()) {
          meters.add(catalog.meter(r.nextInt(3) == 0 ? "disk.p20" : "disk.p10"));
        } else {
          meters.add(catalog.meter("disk.e10"));
          meters.add(catalog.meter("disk.ops"));
        }
        name = "disk-" + bare + "-" + number + (r.nextBoolean() ? "_OsDisk_1" : "_DataDisk_0");
      }
      case STORAGE -> {
        meters.add(catalog.meter(r.nextInt(4) == 0 ? "st.cool.data" : "st.hot.data"));
        int more = r.nextInt(3);
        List<String> extra = List.of("st.hot.write", "st.hot.read", "bw.out");
        int first = r.nextInt(extra.size());
        for (int i = 0; i < more; i++) {
          meters.add(catalog.meter(extra.get((first + i) % extra.size())));
        }
        name = "st" + Ids.lowerAlnum(r, 8) + n;
      }
      case SQL_DB -> {
        return addDatabases(r, catalog, group, n, shortName, Math.min(room, 1 + r.nextInt(3)), from, to, firstHours,
            lastHours, spelling);
      }
      case APP_PLAN -> {
        meters.add(catalog.meter(r.nextBoolean() ? "app.p1v3" : "app.s1"));
        if (r.nextInt(3) == 0) {
          meters.add(catalog.meter("bw.out"));
        }
        name = "asp-" + bare + "-" + number;
      }
      case AKS -> {
        meters.add(catalog.meter("aks.sla"));
        meters.add(catalog.meter("bw.out"));
        name = "aks-" + bare + "-" + number;
        info = "{\"ClusterName\":\"aks-" + bare + "-" + number + "\",\"UsageType\":\"ControlPlane\"}";
      }
      case PUBLIC_IP -> {
        meters.add(catalog.meter("pip.static"));
        name = "pip-" + bare + "-" + number;
      }
      case KEY_VAULT -> {
        meters.add(catalog.meter("kv.ops"));
        if (r.nextBoolean()) {
          meters.add(catalog.meter("kv.ops.advanced"));
        }
        name = "kv-" + shortName + "-" + number;
      }
      case LOG_ANALYTICS -> {
        meters.add(catalog.meter("la.ingest"));
        if (r.nextInt(4) == 0) {
          meters.add(catalog.meter("la.spotlight"));
        }
        name = "log-" + bare + "-" + number;
      }
      case SAAS -> {
        meters.add(catalog.meter("mp.saas"));
        name = "backup-" + shortName + "-" + number;
      }
      case CHAOS -> {
        meters.add(catalog.meter("chaos.action"));
        name = "chaos-" + bare + "-" + number;
      }
      default -> throw new AssertionError(type);
    }
    Resource res = resource(r, type, group, name, "", spelling, shortName, info, partial, benefit);
    for (Meter m : meters) {
      uses.add(new Use(new Slot(m, res, group.entitlement, base(m, r, days), group.region), from, to, firstHours,
          lastHours));
    }
    return 1;
  }

  private int addDatabases(SplittableRandom r, RealisticCatalog catalog, Group group, int n, String shortName,
      int count, int from, int to, int firstHours, int lastHours, int spelling) {
    String server = "sql-" + shortName + "-" + String.format(Locale.ROOT, "%03d", n);
    String[] dbs = {"sales", "erp", "crm", "reporting", "identity", "audit"};
    int first = r.nextInt(dbs.length);
    for (int i = 0; i < count; i++) {
      Resource res = resource(r, ResourceType.SQL_DB, group, server, "/databases/" + dbs[(first + i) % dbs.length]
          + "db", spelling, shortName, "", false, false);
      for (Meter m : List.of(catalog.meter("sql.vcore"), catalog.meter("sql.storage"))) {
        uses.add(new Use(new Slot(m, res, group.entitlement, base(m, r, days), group.region), from, to, firstHours,
            lastHours));
      }
    }
    return count;
  }

  private static String vmInfo(boolean windows, String armSize, int vcpus) {
    return "{\"ImageType\":" + (windows ? "\"Windows Server 2022 Datacenter\"" : "null") + ",\"ServiceType\":\""
        + armSize + "\",\"VMName\":null,\"VMProperties\":null,\"VCPUs\":" + vcpus + ",\"UsageType\":\"ComputeHR\"}";
  }

  /**
   * A resource; its usage ID in the canonical spelling, all in lower case, or with the {@code resourcegroups}
   * segment; the grant scope is the canonical ID of the resource (of the server, for a database).
   */
  private Resource resource(SplittableRandom r, ResourceType type, Group group, String name, String child,
      int spelling, String shortName, String info, boolean partial, boolean benefit) {
    String canonical = group.entitlement.scope() + "/resourceGroups/" + group.name + "/providers/" + type.provider
        + "/" + name;
    String usageUri;
    if (spelling < 80) {
      usageUri = group.entitlement.scope() + "/" + group.usageSegment + "/" + group.usageName + "/providers/"
          + type.provider + "/" + name + child;
    } else if (spelling < 92) {
      usageUri = (canonical + child).toLowerCase(Locale.ROOT);
    } else {
      usageUri = group.entitlement.scope() + "/resourcegroups/" + group.name + "/providers/" + type.provider + "/"
          + name + child;
    }
    int tagged = r.nextInt(20);
    String tags = tagged < 9 ? "{\"env\":\"" + (group.name.contains("dev") || group.name.contains("test")
        ? "dev" : "prod") + "\",\"costCenter\":\"CC-" + (1000 + r.nextInt(9000)) + "\""
        + (tagged < 2 ? ",\"owner\":\"ops@" + shortName + ".example\"" : "") + "}" : "";
    String orderId = "";
    String benefitId = "";
    String benefitType = "";
    if (benefit) {
      orderId = Ids.guid(r);
      benefitId = Ids.guid(r);
      benefitType = r.nextBoolean() ? "Reservation" : "SavingsPlan";
    }
    Resource res = new Resource(type, group, usageUri, canonical, tags, info, partial, orderId, benefitId,
        benefitType);
    resources.add(res);
    return res;
  }

  private static long base(Meter m, SplittableRandom r, int monthLength) {
    switch (m.consumption) {
      case HOURS:
        return m.key.equals("sql.vcore") ? 48_000_000L : 24_000_000L;
      case MONTH_FRACTION:
        return (1_000_000L + monthLength / 2) / monthLength;
      case STOCK:
        return (1 + r.nextInt(4000)) * 1_000_000L / monthLength;
      case FLOW:
        long scale = 1000;
        for (int i = r.nextInt(5); i > 0; i--) {
          scale *= 10;
        }
        return (1 + r.nextInt(9)) * scale;
      case ONE:
      default:
        return 1_000_000L;
    }
  }

  @Override
  public boolean accessQualifies(int day, Slot slot) {
    switch (story) {
      case STANDING_AOBO:
      case RESELLER_HOLDS:
      case LIGHTHOUSE_OFFER:
      case SECOND_LOCATION:
        return true;
      case AGREEMENT_GAP:
        return day < gapFirst || day > gapLast;
      case MIDDAY_REVOCATION:
        return day < dayX || day > dayLink;
      case MIDDAY_GAPS:
        return day != dayA && day != dayB;
      case HANDOVER: {
        Resource res = slot.resource;
        return day < dayHandover || res != null && (res.granted || res.group.covered || res.group.handover);
      }
      case GROUP_ONLY: {
        Resource res = slot.resource;
        return res != null && res.group.covered;
      }
      default:
        return false;
    }
  }

  @Override
  public boolean azureCreditOn(int day) {
    return azureCredit && day < 5;
  }

  @Override
  public byte[] customerChunk() {
    return customerChunk;
  }

  @Override
  public byte[] planChunk() {
    return planChunk;
  }

  @Override
  public byte[] currencyChunk() {
    return currencyChunk;
  }

  @Override
  public BigDecimal fx() {
    return fx;
  }

  // ---- grants ----

  private void buildGrants(SplittableRandom r, GrantBook g, Partner.Set partners) {
    Instant monthStart = g.monthStart();
    for (Entitlement ent : entitlements) {
      String sub = ent.scope();
      switch (story) {
        case STANDING_AOBO: {
          Partner holder = reseller != null && r.nextInt(10) < 3 ? reseller : billed;
          if (r.nextInt(10) == 0) {
            // GDAP migration before the month: the old relationship ended, a new one began.
            Instant revoked = monthStart.minusSeconds(86_400L * (5 + r.nextInt(20)) + r.nextInt(86_400));
            g.aobo(holder, BuiltInRole.OWNER, sub, g.before().minusSeconds(86_400L * 600), revoked, sub);
            g.aobo(holder, BuiltInRole.OWNER, sub, revoked.plusSeconds(3_600L + r.nextInt(86_400)), null, sub);
          } else {
            g.aobo(holder, BuiltInRole.OWNER, sub, g.before(), null, sub);
          }
          customersOwn(r, g, ent);
          if (r.nextInt(10) < 2) {
            g.directory(billed.mpnId, "User", BuiltInRole.READER, sub, g.before(), null, sub);
          }
          if (r.nextInt(100) < 15) {
            g.lighthouse(partners.other, "LIGHTHOUSE_OFFER", partners.other.mpnId, BuiltInRole.CONTRIBUTOR, sub,
                g.before(), null, sub);
          }
          if (r.nextInt(10) == 0) {
            g.directory(billed.mpnId, "ServicePrincipal", BuiltInRole.CONTRIBUTOR,
                ent.groups.get(r.nextInt(ent.groups.size())).scope(r.nextInt(5) == 0), g.before(), null, sub);
          }
          break;
        }
        case RESELLER_HOLDS:
          g.aobo(reseller, BuiltInRole.OWNER, sub, g.before(), null, sub);
          customersOwn(r, g, ent);
          break;
        case MIDDAY_REVOCATION: {
          g.aobo(billed, BuiltInRole.OWNER, sub, g.before(), g.at(dayX, 14, 30), sub);
          Instant link = g.at(dayLink, 11, 0);
          g.lighthouse(billed, "LIGHTHOUSE_TEMPLATE", "", BuiltInRole.CONTRIBUTOR, sub, g.at(dayX + 2, 9, 15), link,
              sub);
          g.lighthouse(billed, "LIGHTHOUSE_TEMPLATE", billed.mpnId, BuiltInRole.CONTRIBUTOR, sub, link, null, sub);
          break;
        }
        case READER_ONLY:
          g.directory(billed.mpnId, "User", BuiltInRole.READER, sub, g.before(), null, sub);
          g.lighthouse(billed, "LIGHTHOUSE_OFFER", billed.mpnId, BuiltInRole.COST_MANAGEMENT_READER, sub, g.before(),
              null, sub);
          g.directory(billed.mpnId, "ServicePrincipal", BuiltInRole.CUSTOM_OPERATOR, ent.groups.get(0).scope(false),
              g.before(), null, sub);
          g.directory(billed.mpnId, "Group", BuiltInRole.MONITORING_READER, ent.groups.get(1).scope(true),
              g.before(), null, sub);
          break;
        case HANDOVER:
          handover(r, g, ent);
          break;
        case GROUP_ONLY:
          for (int i = 0; i < ent.groups.size(); i += 2) {
            Group group = ent.groups.get(i);
            group.covered = true;
            g.lighthouse(billed, "LIGHTHOUSE_OFFER", billed.mpnId, BuiltInRole.CONTRIBUTOR,
                group.scope(r.nextInt(5) == 0), g.before(), null, sub);
          }
          customersOwn(r, g, ent);
          break;
        case PIM_ELIGIBLE: {
          String principal = Ids.guid(r);
          g.grant(billed.mpnId, "CUSTOMER_DIRECTORY", principal, "Group", BuiltInRole.OWNER, sub,
              r.nextBoolean() ? "ELIGIBLE" : "Eligible", g.before(), null, sub);
          for (int d = 2; d < days; d += 7) {
            g.grant(billed.mpnId, "CUSTOMER_DIRECTORY", principal, "Group", BuiltInRole.OWNER, sub, "ACTIVE",
                g.at(d, 9, 0), g.at(d, 17, 0), sub);
          }
          break;
        }
        case UNLINKED:
          g.directory("", "User", BuiltInRole.OWNER, sub, g.before(), null, sub);
          g.lighthouse(billed, "LIGHTHOUSE_TEMPLATE", "", BuiltInRole.CONTRIBUTOR, sub, g.before(), null, sub);
          break;
        case OTHER_PARTNER:
          g.aobo(billed, BuiltInRole.OWNER, sub, g.before().minusSeconds(86_400L * 400),
              monthStart.minusSeconds(86_400L * 10), sub);
          g.aobo(partners.other, BuiltInRole.OWNER, sub, g.before(), null, sub);
          break;
        case LIGHTHOUSE_OFFER:
          g.lighthouse(billed, "LIGHTHOUSE_OFFER", billed.mpnId, BuiltInRole.CONTRIBUTOR, sub, g.before(), null, sub);
          break;
        case AGREEMENT_GAP:
          g.aobo(billed, BuiltInRole.OWNER, sub, g.before(), null, sub);
          break;
        case SECOND_LOCATION:
          g.aobo(partners.providerSecondLocation, BuiltInRole.OWNER, sub, g.before(), null, sub);
          break;
        case NO_GRANTS:
          g.aobo(billed, BuiltInRole.OWNER, sub, g.before().minusSeconds(86_400L * 400),
              monthStart.minusSeconds(86_400L * 3), sub);
          g.directory(billed.mpnId, "User", BuiltInRole.CONTRIBUTOR, sub, g.before(), monthStart, sub);
          break;
        case MIDDAY_GAPS: {
          g.aobo(billed, BuiltInRole.OWNER, sub, g.before(), g.at(dayA, 11, 0), sub);
          g.aobo(billed, BuiltInRole.OWNER, sub, g.at(dayA, 15, 45), g.at(dayB, 2, 10), sub);
          g.aobo(billed, BuiltInRole.OWNER, sub, g.at(dayB + 1, 0, 0), null, sub);
          break;
        }
        default:
          throw new AssertionError(story);
      }
    }
  }

  /** The customer's own administrators: Owner by a user of its directory, never linked to a partner. */
  private static void customersOwn(SplittableRandom r, GrantBook g, Entitlement ent) {
    if (r.nextInt(10) < 3) {
      g.directory("", "User", BuiltInRole.OWNER, ent.scope(), g.before(), null, ent.scope());
    }
  }

  private void handover(SplittableRandom r, GrantBook g, Entitlement ent) {
    String sub = ent.scope();
    g.aobo(billed, BuiltInRole.OWNER, sub, g.before(), g.at(dayHandover, 10, 0), sub);
    Group lastUncovered = null;
    for (int i = 0; i < ent.groups.size(); i++) {
      Group group = ent.groups.get(i);
      if (i % 2 == 0) {
        group.covered = true;
        g.lighthouse(billed, "LIGHTHOUSE_OFFER", billed.mpnId, BuiltInRole.CONTRIBUTOR,
            group.scope(r.nextInt(5) == 0), g.before(), null, sub);
      } else {
        lastUncovered = group;
      }
    }
    if (lastUncovered != null) {
      lastUncovered.handover = true;
      g.aobo(billed, BuiltInRole.CONTRIBUTOR, lastUncovered.scope(false), g.at(dayHandover, 9, 0), null, sub);
    }
    // Two resource-level grants in each other uncovered group (a database's grant is on its server).
    for (Group group : ent.groups) {
      if (group.covered || group.handover) {
        continue;
      }
      int granted = 0;
      for (Resource res : resources) {
        if (res.group != group || res.granted || granted == 2) {
          continue;
        }
        granted++;
        BuiltInRole role;
        switch (res.type) {
          case STORAGE:
            role = BuiltInRole.STORAGE_ACCOUNT_CONTRIBUTOR;
            break;
          case SQL_DB:
            role = BuiltInRole.SQL_DB_CONTRIBUTOR;
            break;
          default:
            role = res.type.provider.equals("Microsoft.Compute/virtualMachines")
                ? BuiltInRole.VIRTUAL_MACHINE_CONTRIBUTOR : BuiltInRole.CONTRIBUTOR;
        }
        // Every database of a server is reached by the server's grant.
        for (Resource other : resources) {
          if (other.grantScope.equals(res.grantScope)) {
            other.granted = true;
          }
        }
        g.directory(billed.mpnId, "ServicePrincipal", role, res.grantScope, g.before(), null, sub);
      }
    }
  }
}
