package org.openpec.examples.generate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.openpec.examples.generate.Catalog.ResourceType;

/**
 * One customer of the synthetic month: its billing (direct or through a reseller, currency), Azure plan and
 * subscriptions, resource groups and resources, the usage slots (resource × meter) it consumes every day, and the
 * grants that make up its access history. Everything is drawn from a random source seeded by the month's seed and
 * the customer's index, so one customer is built alone, in a size proportional to its usage slots per day.
 */
final class Tenant implements Customer {

  static final String[] NAMES = {"Contoso Ltd.", "Fabrikam, Inc.", "Tailspin Toys", "Wingtip Toys",
      "Northwind Traders", "Adventure Works Cycles", "Alpine Ski House", "Blue Yonder Airlines",
      "City Power & Light", "Coho Winery", "Consolidated Messenger", "Fourth Coffee \"Roastery\"",
      "Graphic Design Institute", "Humongous Insurance", "Lamna Healthcare Company", "Lucerne Publishing",
      "Margie's Travel", "Southridge Video", "VanArsdel, Ltd.", "Wide World Importers", "Woodgrove Bank",
      "Bäckerei Müller GmbH", "Munson's Pickles and Preserves Farm", "Best For You Organics Company",
      "First Up Consultants", "Bellows College", "School of Fine Art", "A. Datum Corporation", "Nod Publishers",
      "Olympia Sports", "Société Fromagère de Lyon", "Relecloud Research"};

  static final String[] GROUPS = {"rg-prod-web", "rg-prod-data", "rg-prod-app", "rg-shared-network",
      "rg-shared-services", "rg-dev-apps", "rg-test-env", "rg-backup", "rg-monitoring", "rg-identity",
      "rg-sap-prd", "NetworkWatcherRG", "DefaultResourceGroup-WEU", "rg-aks-prod",
      "MC_rg-aks-prod_aks-prod_westeurope", "cloud-shell-storage-westeurope", "rg-avd-hosts", "rg-data-lake"};

  private static final String[][] US_REGIONS = {{"eastus", "US East"}, {"eastus2", "US East 2"},
      {"westus2", "US West 2"}, {"centralus", "US Central"}};
  private static final String[][] EU_REGIONS = {{"westeurope", "EU West"}, {"northeurope", "EU North"},
      {"germanywestcentral", "DE West Central"}, {"francecentral", "FR Central"}};
  private static final String[][] UK_REGIONS = {{"uksouth", "UK South"}, {"ukwest", "UK West"}};

  /** Whether the first customers (in {@link Scenario} order) are billed through the indirect provider. */
  private static final boolean[] FIRST_INDIRECT = {false, true, true, false, true, false, true, true, false, false,
      true, false, true};

  private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  /** A customer's Azure subscription (the usage file's {@code EntitlementId}). */
  static final class Entitlement {
    final String id;
    final List<Group> groups = new ArrayList<>();
    /** Columns 46–49 (PCToBCExchangeRate … EntitlementDescription) and a comma. */
    final byte[] fxChunk;

    Entitlement(String id, String description, String fxText, String fxDate) {
      this.id = id;
      this.fxChunk = ByteSink.utf8(Csv.join(fxText, fxDate, id, description) + ',');
    }

    String scope() {
      return "/subscriptions/" + id;
    }
  }

  /** A resource group; the usage file may write its name in upper case. */
  static final class Group {
    final Entitlement entitlement;
    final String name;
    final String usageName;
    final String usageSegment;
    final String[] region;
    boolean covered;
    boolean handover;

    Group(Entitlement entitlement, String name, boolean upper, boolean lowerSegment, String[] region) {
      this.entitlement = entitlement;
      this.name = name;
      this.usageName = upper ? name.toUpperCase(Locale.ROOT) : name;
      this.usageSegment = lowerSegment ? "resourcegroups" : "resourceGroups";
      this.region = region;
    }

    String scope(boolean lowerSegment) {
      return entitlement.scope() + (lowerSegment ? "/resourcegroups/" : "/resourceGroups/") + name;
    }
  }

  /** One resource; {@code grantScope} is the ARM id a resource-level grant uses (the server of a database). */
  static final class Resource {
    final ResourceType type;
    final Group group;
    final String usageUri;
    final String grantScope;
    final String tags;
    final String additionalInfo;
    final boolean partialHours;
    final String benefitOrderId;
    final String benefitId;
    final String benefitType;
    boolean granted;

    Resource(ResourceType type, Group group, String usageUri, String grantScope, String tags, String additionalInfo,
        boolean partialHours, String benefitOrderId, String benefitId, String benefitType) {
      this.type = type;
      this.group = group;
      this.usageUri = usageUri;
      this.grantScope = grantScope;
      this.tags = tags;
      this.additionalInfo = additionalInfo;
      this.partialHours = partialHours;
      this.benefitOrderId = benefitOrderId;
      this.benefitId = benefitId;
      this.benefitType = benefitType;
    }

    boolean isBenefitCovered() {
      return !benefitType.isEmpty();
    }
  }

  /** One usage line per day: a meter of a resource (or of no resource, for a purchase). */
  static final class Slot {
    final Meter meter;
    final Resource resource;
    final Entitlement entitlement;
    /** The typical daily quantity, in millionths of a unit. */
    final long base;
    /** Whether Microsoft's file would show PEC when access qualifies. */
    final boolean productEligible;
    /** Columns 22–33 (MeterType … ChargeType) and a comma. */
    final byte[] meterChunk;
    /** Columns 41–44 (ServiceInfo1 … AdditionalInfo) and a comma. */
    final byte[] infoChunk;
    /** Columns 53–55 (BenefitOrderId, BenefitId, BenefitType), without a line end. */
    final byte[] benefitChunk;

    Slot(Meter meter, Resource resource, Entitlement entitlement, long base, String[] region) {
      this.meter = meter;
      this.resource = resource;
      this.entitlement = entitlement;
      this.base = base;
      boolean benefit = resource != null && resource.isBenefitCovered();
      this.productEligible = meter.productEligible && !benefit;
      Group g = resource == null ? null : resource.group;
      this.meterChunk = ByteSink.utf8(Csv.join(meter.unit, meter.meterCategory, meter.meterId,
          meter.meterSubCategory, meter.meterName, region[1], meter.unit, resource == null ? "" : region[0],
          meter.consumedService, g == null ? "" : g.usageName, resource == null ? "" : resource.usageUri,
          meter.chargeType) + ',');
      this.infoChunk = ByteSink.utf8(Csv.join("", "", resource == null ? "" : resource.tags,
          resource == null ? "" : resource.additionalInfo) + ',');
      this.benefitChunk = ByteSink.utf8(resource == null ? ",,"
          : Csv.join(resource.benefitOrderId, resource.benefitId, resource.benefitType));
    }

    boolean isBenefitCovered() {
      return resource != null && resource.isBenefitCovered();
    }

    /** The quantity of day {@code day}, in millionths of a unit; {@code r} adds day-to-day variation. */
    long quantityOn(int day, SplittableRandom r) {
      switch (meter.consumption) {
        case HOURS:
          if (resource != null && resource.partialHours && r.nextInt(3) == 0) {
            long minutes = 30 + r.nextInt(1410);
            return (minutes * 1_000_000L + 30) / 60 * (base / 24_000_000L);
          }
          return base;
        case STOCK:
          return base + base * day / 300;
        case FLOW:
          return base / 2 + r.nextLong(base + 1);
        case MONTH_FRACTION:
        case ONE:
        default:
          return base;
      }
    }
  }

  final int index;
  final Scenario scenario;
  final Partner billed;
  final Partner reseller;
  final String currency;
  /** Billing-currency units per USD; null for USD (rate 1). */
  final BigDecimal fx;
  final List<Entitlement> entitlements = new ArrayList<>();
  final List<Slot> slots = new ArrayList<>();
  /** Grants, as rows of the grants file. */
  final List<String[]> grants = new ArrayList<>();
  /** The reservation purchase written on the first day, or null. */
  final Slot purchase;
  /** Whether an Azure consumption credit (CreditPercentage 100) applies on the first five days. */
  final boolean azureCredit;
  /** Columns 1–9 (PartnerId … InvoiceNumber) and a comma. */
  final byte[] customerChunk;
  /** Columns 17–20 (SubscriptionDescription … ChargeEndDate) and a comma. */
  final byte[] planChunk;
  /** BillingCurrency and a comma. */
  final byte[] currencyChunk;

  private final int days;
  private final Instant monthStart;
  private final int dayX;
  private final int dayLink;
  private final int dayHandover;
  private final int dayA;
  private final int dayB;
  private final int gapFirst;
  private final int gapLast;

  /**
   * Builds customer {@code index} of the month.
   *
   * @param slotsPerDay the usage lines the customer has per day (at least 1)
   * @param withPurchase whether the customer buys a reservation on the first day (one more line)
   */
  Tenant(int index, long seed, int slotsPerDay, boolean withPurchase, Catalog catalog, Partner.Set partners,
      LocalDate firstDay, int days) {
    SplittableRandom r = new SplittableRandom(Ids.mix(seed, 1_000_003L + index));
    this.index = index;
    this.days = days;
    this.monthStart = firstDay.atStartOfDay().toInstant(ZoneOffset.UTC);
    this.scenario = Scenario.of(index, r.nextInt(1 << 30));
    this.dayX = days / 3;
    this.dayLink = Math.max(dayX + 3, 2 * days / 3);
    this.dayHandover = days / 2;
    this.dayA = days / 4;
    this.dayB = dayA + Math.max(1, days / 3);
    this.gapFirst = days / 2;
    this.gapLast = gapFirst + 2;

    boolean indirect;
    if (scenario == Scenario.AGREEMENT_GAP) {
      indirect = false;
    } else if (scenario == Scenario.RESELLER_HOLDS || scenario == Scenario.SECOND_LOCATION) {
      indirect = true;
    } else if (index < FIRST_INDIRECT.length) {
      indirect = FIRST_INDIRECT[index];
    } else {
      indirect = r.nextInt(100) < 65;
    }
    int resellerDraw = r.nextInt(partners.resellers.size());
    this.billed = scenario == Scenario.AGREEMENT_GAP ? partners.lapsing : indirect ? partners.provider : partners.direct;
    this.reseller = indirect ? partners.resellers.get(resellerDraw) : null;

    int currencyDraw = r.nextInt(100);
    if (index == 8 || index >= 13 && currencyDraw < 8) {
      currency = "EUR";
      fx = new BigDecimal("0.921345678");
    } else if (index == 10 || index >= 13 && currencyDraw < 13) {
      currency = "GBP";
      fx = new BigDecimal("0.789123456");
    } else {
      currency = "USD";
      fx = null;
    }
    String country;
    String[][] regions;
    if (currency.equals("EUR")) {
      country = new String[] {"DE", "FR", "NL", "AT"}[r.nextInt(4)];
      regions = EU_REGIONS;
    } else if (currency.equals("GBP")) {
      country = "GB";
      regions = UK_REGIONS;
    } else {
      country = "US";
      regions = US_REGIONS;
    }
    this.azureCredit = index == 1 || index >= 13 && r.nextInt(30) == 0;

    String name = NAMES[index % NAMES.length] + (index >= NAMES.length ? " " + (index / NAMES.length + 1) : "");
    String shortName = name.replaceAll("[^A-Za-z]", "");
    shortName = shortName.substring(0, Math.min(12, shortName.length()));
    String domain = shortName.toLowerCase(Locale.ROOT) + index + ".onmicrosoft.com";
    String customerId = Ids.guid(r);
    String planId = Ids.guid(r);
    this.customerChunk = ByteSink.utf8(Csv.join(billed.tenantId, billed.name, customerId, name, domain, country,
        billed.mpnId, reseller == null ? "" : reseller.mpnId, billed.invoiceNumber) + ',');
    this.planChunk = ByteSink.utf8(Csv.join("Azure plan", planId, firstDay.toString(),
        firstDay.plusDays(days - 1L).toString()) + ',');
    this.currencyChunk = ByteSink.utf8(currency + ',');

    String fxText = fx == null ? "1" : fx.toPlainString();
    int entitlementCount = slotsPerDay < 6 ? 1 : 1 + (r.nextInt(10) < 3 ? 1 : 0) + (r.nextInt(10) == 0 ? 1 : 0);
    for (int e = 0; e < entitlementCount; e++) {
      String description = e == 0 ? "Azure subscription 1" : shortName + (e == 1 ? " Production" : " Dev/Test");
      Entitlement ent = new Entitlement(Ids.guid(r), description, fxText, firstDay.toString());
      int groupCount = 2 + r.nextInt(5);
      if (scenario == Scenario.GRANULAR) {
        groupCount = Math.max(groupCount, 4); // covered, uncovered with resource grants, covered, handover
      }
      int start = r.nextInt(GROUPS.length);
      for (int g = 0; g < groupCount; g++) {
        ent.groups.add(new Group(ent, GROUPS[(start + g * 5) % GROUPS.length], r.nextInt(4) == 0,
            r.nextInt(10) == 0, regions[r.nextInt(regions.length)]));
      }
      entitlements.add(ent);
    }

    buildSlots(r, catalog, slotsPerDay, firstDay.lengthOfMonth(), shortName);
    if (withPurchase) {
      Entitlement ent = entitlements.get(0);
      this.purchase = new Slot(catalog.reservationPurchase(), null, ent, 1_000_000L, ent.groups.get(0).region);
    } else {
      this.purchase = null;
    }
    buildGrants(r, partners);
  }

  /** Whether customer {@code index} buys a reservation on the first day; decided before it is built. */
  static boolean hasPurchase(long seed, int index) {
    return index % 6 == 5 || index >= 13 && new SplittableRandom(Ids.mix(seed, 7_000_001L + index)).nextInt(40) == 0;
  }

  private void buildSlots(SplittableRandom r, Catalog catalog, int slotsPerDay, int monthLength, String shortName) {
    ResourceType[] forced;
    switch (index % 4) {
      case 0:
        forced = new ResourceType[] {ResourceType.VM_SPOT, ResourceType.VM_MARKETPLACE};
        break;
      case 1:
        forced = new ResourceType[] {ResourceType.VM_THIRD_PARTY, ResourceType.CHAOS};
        break;
      case 2:
        forced = new ResourceType[] {ResourceType.VM_LINUX, ResourceType.VM_NEW_SKU};
        break;
      default:
        forced = new ResourceType[] {ResourceType.VM_MARKETPLACE, ResourceType.VM_SPOT};
        break;
    }
    int counter = 0;
    String lowerShort = shortName.toLowerCase(Locale.ROOT);
    while (slots.size() < slotsPerDay) {
      ResourceType type;
      boolean benefit;
      if (counter == 0) {
        type = ResourceType.VM_LINUX;
        benefit = false;
      } else if (counter <= forced.length) {
        type = forced[counter - 1];
        benefit = index % 4 == 2 && counter == 1;
      } else {
        type = Catalog.drawType(r);
        benefit = type == ResourceType.VM_LINUX && r.nextInt(100) < 8;
      }
      Entitlement ent = entitlements.size() == 1 || r.nextInt(10) < 6 ? entitlements.get(0)
          : entitlements.get(1 + r.nextInt(entitlements.size() - 1));
      Group group = ent.groups.get(r.nextInt(ent.groups.size()));
      Resource res = newResource(r, type, group, counter++, lowerShort, benefit);
      for (Meter m : catalog.metersOf(type, r)) {
        if (slots.size() == slotsPerDay) {
          break;
        }
        slots.add(new Slot(m, res, ent, base(m, r, monthLength), group.region));
      }
    }
  }

  private static Resource newResource(SplittableRandom r, ResourceType type, Group group, int n, String shortName,
      boolean benefit) {
    String number = String.format(Locale.ROOT, "%03d", n);
    String name;
    String child = "";
    switch (type) {
      case STORAGE:
        name = "st" + Ids.lowerAlnum(r, 8) + n;
        break;
      case SQL_DB:
        name = "sql-" + shortName + "-" + number;
        child = "/databases/" + new String[] {"sales", "erp", "crm", "reporting", "identity"}[r.nextInt(5)] + "db";
        break;
      case KEY_VAULT:
        name = "kv-" + shortName + "-" + number;
        break;
      default:
        name = type.prefix + "-" + group.name.replaceFirst("^rg-", "") + "-" + number;
        break;
    }
    String usageUri = group.entitlement.scope() + "/" + group.usageSegment + "/" + group.usageName + "/providers/"
        + type.provider + "/" + name + child;
    String grantScope = group.scope(false) + "/providers/" + type.provider + "/" + name;
    String tags = r.nextInt(10) < 7 ? "{\"env\":\"" + (group.name.contains("dev") || group.name.contains("test")
        ? "dev" : "prod") + "\",\"costCenter\":\"CC-" + (1000 + r.nextInt(9000)) + "\",\"owner\":\"ops@"
        + shortName + ".example\"}" : "";
    String info = "";
    boolean vm = type.provider.equals("Microsoft.Compute/virtualMachines");
    if (vm) {
      info = "{\"ImageType\":" + (type == ResourceType.VM_WINDOWS ? "\"Windows Server 2022 Datacenter\"" : "null")
          + ",\"ServiceType\":\"Standard_D2s_v3\",\"VMName\":null,\"VMProperties\":null,\"VCPUs\":2,"
          + "\"UsageType\":\"ComputeHR\"}";
    } else if (type == ResourceType.AKS) {
      info = "{\"ClusterName\":\"" + name + "\",\"UsageType\":\"ControlPlane\"}";
    }
    String orderId = "";
    String benefitId = "";
    String benefitType = "";
    if (benefit) {
      orderId = Ids.guid(r);
      benefitId = Ids.guid(r);
      benefitType = r.nextBoolean() ? "Reservation" : "SavingsPlan";
    }
    return new Resource(type, group, usageUri, grantScope, tags, info, vm && r.nextInt(4) == 0, orderId, benefitId,
        benefitType);
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

  /**
   * Whether the customer's access qualifies on day {@code day} for {@code slot} in the partner's own bookkeeping
   * (what the generated file reports as PEC; openpec decides for itself).
   */
  @Override
  public boolean accessQualifies(int day, Slot slot) {
    switch (scenario) {
      case HEALTHY:
      case RESELLER_HOLDS:
      case LIGHTHOUSE_OFFER:
      case SECOND_LOCATION:
        return true;
      case AGREEMENT_GAP:
        return day < gapFirst || day > gapLast;
      case REVOKED_REGRANTED:
        return day < dayX || day > dayLink;
      case MIDDAY_GAPS:
        return day != dayA && day != dayB;
      case GRANULAR:
        Resource res = slot.resource;
        return day < dayHandover
            || res != null && (res.granted || res.group.covered || res.group.handover);
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

  private void buildGrants(SplittableRandom r, Partner.Set partners) {
    for (Entitlement ent : entitlements) {
      String sub = ent.scope();
      switch (scenario) {
        case HEALTHY: {
          Partner holder = reseller != null && r.nextInt(10) < 3 ? reseller : billed;
          if (r.nextInt(10) == 0) {
            Instant revoked = monthStart.minusSeconds(86_400L * (5 + r.nextInt(20)) + r.nextInt(86_400));
            aobo(r, holder, BuiltInRole.OWNER, sub, before(r).minusSeconds(86_400L * 600), revoked, ent);
            aobo(r, holder, BuiltInRole.OWNER, sub, revoked.plusSeconds(3_600L + r.nextInt(86_400)), null, ent);
          } else {
            aobo(r, holder, BuiltInRole.OWNER, sub, before(r), null, ent);
          }
          if (r.nextInt(10) < 3) {
            directory(r, "", "User", BuiltInRole.READER, sub, before(r), null, ent);
          }
          if (r.nextInt(10) < 2) {
            lighthouse(r, partners.other, "LIGHTHOUSE_OFFER", partners.other.mpnId, BuiltInRole.CONTRIBUTOR, sub,
                before(r), null, ent);
          }
          break;
        }
        case RESELLER_HOLDS:
          aobo(r, reseller, BuiltInRole.OWNER, sub, before(r), null, ent);
          break;
        case REVOKED_REGRANTED: {
          aobo(r, billed, BuiltInRole.OWNER, sub, before(r), at(dayX, 14, 30), ent);
          Instant link = at(dayLink, 11, 0);
          lighthouse(r, billed, "LIGHTHOUSE_TEMPLATE", "", BuiltInRole.CONTRIBUTOR, sub, at(dayX + 2, 9, 15), link,
              ent);
          lighthouse(r, billed, "LIGHTHOUSE_TEMPLATE", billed.mpnId, BuiltInRole.CONTRIBUTOR, sub, link, null, ent);
          break;
        }
        case READER_ONLY:
          directory(r, billed.mpnId, "User", BuiltInRole.READER, sub, before(r), null, ent);
          lighthouse(r, billed, "LIGHTHOUSE_OFFER", billed.mpnId, BuiltInRole.COST_MANAGEMENT_READER, sub, before(r),
              null, ent);
          directory(r, billed.mpnId, "ServicePrincipal", BuiltInRole.CUSTOM_OPERATOR,
              ent.groups.get(0).scope(false), before(r), null, ent);
          if (ent.groups.size() > 1) {
            directory(r, billed.mpnId, "Group", BuiltInRole.MONITORING_READER, ent.groups.get(1).scope(true),
                before(r), null, ent);
          }
          break;
        case GRANULAR:
          granular(r, ent);
          break;
        case PIM: {
          String principal = Ids.guid(r);
          grant(r, billed.mpnId, "CUSTOMER_DIRECTORY", principal, "Group", BuiltInRole.OWNER, sub,
              r.nextBoolean() ? "ELIGIBLE" : "Eligible", before(r), null, ent);
          for (int d = 2; d < days; d += 5) {
            grant(r, billed.mpnId, "CUSTOMER_DIRECTORY", principal, "Group", BuiltInRole.OWNER, sub, "ACTIVE",
                at(d, 9, 0), at(d, 17, 0), ent);
          }
          break;
        }
        case UNLINKED:
          directory(r, "", "User", BuiltInRole.OWNER, sub, before(r), null, ent);
          lighthouse(r, billed, "LIGHTHOUSE_TEMPLATE", "", BuiltInRole.CONTRIBUTOR, sub, before(r), null, ent);
          break;
        case OTHER_PARTNER:
          aobo(r, billed, BuiltInRole.OWNER, sub, before(r).minusSeconds(86_400L * 400),
              monthStart.minusSeconds(86_400L * 10), ent);
          aobo(r, partners.other, BuiltInRole.OWNER, sub, before(r), null, ent);
          break;
        case LIGHTHOUSE_OFFER:
          lighthouse(r, billed, "LIGHTHOUSE_OFFER", billed.mpnId, BuiltInRole.CONTRIBUTOR, sub, before(r), null, ent);
          break;
        case AGREEMENT_GAP:
          aobo(r, billed, BuiltInRole.OWNER, sub, before(r), null, ent);
          break;
        case SECOND_LOCATION:
          aobo(r, partners.providerSecondLocation, BuiltInRole.OWNER, sub, before(r), null, ent);
          break;
        case NO_GRANTS:
          aobo(r, billed, BuiltInRole.OWNER, sub, before(r).minusSeconds(86_400L * 400),
              monthStart.minusSeconds(86_400L * 3), ent);
          directory(r, billed.mpnId, "User", BuiltInRole.CONTRIBUTOR, sub, before(r), monthStart, ent);
          break;
        case MIDDAY_GAPS: {
          Instant firstRegrant = at(dayA, 15, 45);
          aobo(r, billed, BuiltInRole.OWNER, sub, before(r), at(dayA, 11, 0), ent);
          aobo(r, billed, BuiltInRole.OWNER, sub, firstRegrant, at(dayB, 2, 10), ent);
          aobo(r, billed, BuiltInRole.OWNER, sub, at(dayB + 1, 0, 0), null, ent);
          break;
        }
        default:
          throw new AssertionError(scenario);
      }
    }
  }

  private void granular(SplittableRandom r, Entitlement ent) {
    aobo(r, billed, BuiltInRole.OWNER, ent.scope(), before(r), at(dayHandover, 10, 0), ent);
    Group lastUncovered = null;
    for (int g = 0; g < ent.groups.size(); g++) {
      Group group = ent.groups.get(g);
      if (g % 2 == 0) {
        group.covered = true;
        lighthouse(r, billed, "LIGHTHOUSE_OFFER", billed.mpnId, BuiltInRole.CONTRIBUTOR,
            group.scope(r.nextInt(5) == 0), before(r), null, ent);
      } else {
        lastUncovered = group;
      }
    }
    if (lastUncovered != null) {
      lastUncovered.handover = true;
      aobo(r, billed, BuiltInRole.CONTRIBUTOR, lastUncovered.scope(false), at(dayHandover, 9, 0), null, ent);
    }
    // A few resource-level grants in the other uncovered groups.
    for (Group group : ent.groups) {
      if (group.covered || group.handover) {
        continue;
      }
      int granted = 0;
      for (Slot s : slots) {
        Resource res = s.resource;
        if (res == null || res.group != group || res.granted || granted == 2) {
          continue;
        }
        res.granted = true;
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
        directory(r, billed.mpnId, "ServicePrincipal", role, res.grantScope, before(r), null, ent);
      }
    }
  }

  private void aobo(SplittableRandom r, Partner holder, BuiltInRole role, String scope, Instant from, Instant to,
      Entitlement ent) {
    grant(r, holder.mpnId, "AOBO", holder.adminAgentsGroupId, "ForeignGroup", role, scope, activeCell(r), from, to,
        ent);
  }

  private void lighthouse(SplittableRandom r, Partner holder, String channel, String partnerId, BuiltInRole role,
      String scope, Instant from, Instant to, Entitlement ent) {
    grant(r, partnerId, channel, holder.lighthouseGroupId, "Group", role, scope, activeCell(r), from, to, ent);
  }

  private void directory(SplittableRandom r, String partnerId, String principalType, BuiltInRole role, String scope,
      Instant from, Instant to, Entitlement ent) {
    grant(r, partnerId, "CUSTOMER_DIRECTORY", Ids.guid(r), principalType, role, scope, activeCell(r), from, to,
        ent);
  }

  private static String activeCell(SplittableRandom r) {
    int v = r.nextInt(20);
    return v < 17 ? "ACTIVE" : v < 19 ? "" : "Active";
  }

  private void grant(SplittableRandom r, String partnerId, String channel, String principalId, String principalType,
      BuiltInRole role, String scope, String assignment, Instant from, Instant to, Entitlement ent) {
    String definition;
    String name;
    int v = r.nextInt(20);
    if (v < 12) {
      definition = role.definitionId;
      name = role.roleName;
    } else if (v < 15) {
      definition = ent.scope() + "/providers/Microsoft.Authorization/roleDefinitions/" + role.definitionId;
      name = role.roleName;
    } else if (v < 18) {
      definition = role.definitionId;
      name = "";
    } else {
      definition = "";
      name = v == 18 ? role.roleName : role.roleName.toLowerCase(Locale.ROOT);
    }
    grants.add(new String[] {Ids.guid(r), partnerId, channel, principalId, principalType, definition, name, scope,
        assignment, instant(r, from), to == null ? "" : instant(r, to)});
  }

  /** An instant before the month: 3 to 600 days earlier, sometimes with milliseconds. */
  private Instant before(SplittableRandom r) {
    Instant t = monthStart.minusSeconds(86_400L * (3 + r.nextInt(600)) + r.nextInt(86_400));
    return r.nextInt(10) == 0 ? t.plusMillis(1 + r.nextInt(999)) : t;
  }

  /** {@code hh:mm} UTC on day index {@code day} of the month. */
  private Instant at(int day, int hour, int minute) {
    return monthStart.plusSeconds(86_400L * day + 3_600L * hour + 60L * minute);
  }

  /** An instant as ISO-8601: mostly UTC with {@code Z}, some with an offset, some without zone (UTC). */
  private static String instant(SplittableRandom r, Instant t) {
    int v = r.nextInt(100);
    if (v < 84) {
      return t.toString();
    }
    if (v < 92) {
      return OFFSET_TIME.format(t.atOffset(ZoneOffset.ofHours(v % 2 == 0 ? 1 : -5)));
    }
    return LOCAL_TIME.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }
}
