package org.openpec.examples.generate;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.openpec.examples.generate.Meter.Consumption;

/**
 * The synthetic Azure plan catalogue: meters, the resource types that consume them, and the consumption price
 * list that prices them. The catalogue is the same for every seed (it plays Microsoft's catalogue); only the
 * customers vary. Immutable after construction.
 */
final class Catalog {

  /** The day index (0-based, the 16th day of the month) from which the Log Analytics ingestion price changes. */
  static final int PRICE_CHANGE_INDEX = 15;

  private static final long CATALOG_SEED = 0x5EC_2026_03L;

  /** The header of the price list file (rules §11). */
  static final String[] PRICE_HEADER = {"ProductTitle", "ProductId", "SkuId", "SkuTitle", "Publisher",
      "SkuDescription", "UnitOfMeasure", "TermDuration", "Market", "Currency", "UnitPrice", "PricingTierRangeMin",
      "PricingTierRangeMax", "EffectiveStartDate", "EffectiveEndDate", "MeterIds", "MeterType", "Tags"};

  /** Kinds of resource, with their relative frequency and the meters each consumes. */
  enum ResourceType {
    VM_LINUX(140, "Microsoft.Compute/virtualMachines", "vm"),
    VM_WINDOWS(60, "Microsoft.Compute/virtualMachines", "vmw"),
    VM_SPOT(20, "Microsoft.Compute/virtualMachines", "vmspot"),
    VM_MARKETPLACE(15, "Microsoft.Compute/virtualMachines", "fw"),
    VM_THIRD_PARTY(15, "Microsoft.Compute/virtualMachines", "vmnw"),
    VM_NEW_SKU(7, "Microsoft.Compute/virtualMachines", "vm"),
    DISK(100, "Microsoft.Compute/disks", "disk"),
    STORAGE(100, "Microsoft.Storage/storageAccounts", "st"),
    SQL_DB(50, "Microsoft.Sql/servers", "sql"),
    APP_PLAN(40, "Microsoft.Web/serverfarms", "asp"),
    AKS(20, "Microsoft.ContainerService/managedClusters", "aks"),
    PUBLIC_IP(60, "Microsoft.Network/publicIPAddresses", "pip"),
    KEY_VAULT(40, "Microsoft.KeyVault/vaults", "kv"),
    LOG_ANALYTICS(30, "Microsoft.OperationalInsights/workspaces", "log"),
    CHAOS(5, "Microsoft.Chaos/experiments", "chaos"),
    /** Marketplace SaaS (realistic shape only: weight 0, so the dense shape never draws it). */
    SAAS(0, "Microsoft.SaaS/resources", "saas");

    final int weight;
    final String provider;
    final String prefix;

    ResourceType(int weight, String provider, String prefix) {
      this.weight = weight;
      this.provider = provider;
      this.prefix = prefix;
    }
  }

  private static final int TOTAL_WEIGHT;

  static {
    int w = 0;
    for (ResourceType t : ResourceType.values()) {
      w += t.weight;
    }
    TOTAL_WEIGHT = w;
  }

  private final Map<String, Meter> meters = new LinkedHashMap<>();
  private final List<String[]> fillerRows = new ArrayList<>();

  Catalog() {
    SplittableRandom ids = new SplittableRandom(CATALOG_SEED);
    Map<String, String> productIds = new HashMap<>();
    Map<String, String> skuIds = new HashMap<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (Meter.Builder b : definitions()) {
      b.productId = productIds.computeIfAbsent(b.productName, k -> Ids.catalogId(ids, "DZH318Z0", 12));
      b.skuId = skuIds.computeIfAbsent(b.productName + '\u0000' + b.skuName, k -> {
        String id;
        do {
          id = Ids.catalogId(ids, "00", 4);
        } while (!used.add(id));
        return id;
      });
      meters.put(b.key, new Meter(ids, b));
    }
    fillers(ids);
  }

  /** The meter of the given key. */
  Meter meter(String key) {
    Meter m = meters.get(key);
    if (m == null) {
      throw new IllegalArgumentException("no meter " + key);
    }
    return m;
  }

  /** A resource type drawn by frequency. */
  static ResourceType drawType(SplittableRandom r) {
    int x = r.nextInt(TOTAL_WEIGHT);
    for (ResourceType t : ResourceType.values()) {
      x -= t.weight;
      if (x < 0) {
        return t;
      }
    }
    throw new AssertionError();
  }

  /** The meters a new resource of type {@code t} consumes, in line order. */
  List<Meter> metersOf(ResourceType t, SplittableRandom r) {
    switch (t) {
      case VM_LINUX:
        return List.of(meter(pick(r, "vm.d2sv3", "vm.d4sv5", "vm.b2ms", "vm.e4sv5")));
      case VM_WINDOWS:
        return List.of(meter("vm.win.d2sv3"));
      case VM_SPOT:
        return List.of(meter(pick(r, "vm.spot.d4sv5", "vm.spot.d2sv3")));
      case VM_MARKETPLACE:
        return List.of(meter("vm.d2sv3"), meter("mp.firewall"));
      case VM_THIRD_PARTY:
        return List.of(meter("vm.b2ms"), meter("tp.linux"));
      case VM_NEW_SKU:
        return List.of(meter("vm.d8sv5"));
      case DISK:
        return r.nextBoolean() ? List.of(meter("disk.p10")) : List.of(meter("disk.e10"), meter("disk.ops"));
      case STORAGE:
        List<Meter> st = List.of(meter("st.hot.data"), meter("st.hot.write"), meter("st.hot.read"),
            meter("bw.out"));
        return st.subList(0, 2 + r.nextInt(3));
      case SQL_DB:
        return List.of(meter("sql.vcore"), meter("sql.storage"));
      case APP_PLAN:
        return List.of(meter("app.p1v3"));
      case AKS:
        return List.of(meter("aks.sla"), meter("bw.out"));
      case PUBLIC_IP:
        return List.of(meter("pip.static"));
      case KEY_VAULT:
        return List.of(meter("kv.ops"), meter("kv.ops.advanced"));
      case LOG_ANALYTICS:
        return r.nextInt(4) == 0 ? List.of(meter("la.ingest"), meter("la.spotlight")) : List.of(meter("la.ingest"));
      case CHAOS:
        return List.of(meter("chaos.action"));
      default:
        throw new AssertionError(t);
    }
  }

  private static String pick(SplittableRandom r, String... keys) {
    return keys[r.nextInt(keys.length)];
  }

  /** The reservation purchase meter (ChargeType {@code Purchase}, no resource). */
  Meter reservationPurchase() {
    return meter("ri.d4sv5");
  }

  private static List<Meter.Builder> definitions() {
    List<Meter.Builder> d = new ArrayList<>();
    String compute = "Microsoft.Compute";
    d.add(vm("vm.d2sv3", "Virtual Machines Dv3 Series", "D2s v3", "Dv3/DSv3 Series", "0.096"));
    d.add(vm("vm.d4sv5", "Virtual Machines Dv5 Series", "D4s v5", "Dv5/DSv5 Series", "0.192"));
    d.add(vm("vm.b2ms", "Virtual Machines BS Series", "B2ms", "BS Series", "0.0832"));
    d.add(vm("vm.e4sv5", "Virtual Machines Ev5 Series", "E4s v5", "Ev5/ESv5 Series", "0.252"));
    d.add(vm("vm.win.d2sv3", "Virtual Machines Dv3 Series Windows", "D2s v3", "Dv3/DSv3 Series Windows", "0.188"));
    // Missing from the price list: a SKU newer than the price list export.
    Meter.Builder newSku = vm("vm.d8sv5", "Virtual Machines Dv5 Series", "D8s v5", "Dv5/DSv5 Series", "0.384");
    newSku.priced = false;
    d.add(newSku);
    Meter.Builder spot = vm("vm.spot.d4sv5", "Virtual Machines Dv5 Series", "D4s v5 Spot", "Dv5/DSv5 Series",
        "0.0384126541");
    spot.meterName = "D4s v5 Spot";
    spot.spot = true;
    d.add(spot);
    // Spot only by the price list's SkuTitle: the usage says "Low Priority".
    Meter.Builder lowPriority = vm("vm.spot.d2sv3", "Virtual Machines Dv3 Series", "D2s v3 Low Priority",
        "Dv3/DSv3 Series", "0.0192");
    lowPriority.skuTitle = "D2s v3 Spot";
    lowPriority.spot = true;
    d.add(lowPriority);
    Meter.Builder firewall = new Meter.Builder("mp.firewall").product("Fabrikam NextGen Firewall", "Hourly PAYG")
        .meter("Virtual Machine Licenses", "Fabrikam NextGen Firewall", "2 vCPU VM License", "1 Hour")
        .price("0.45", Consumption.HOURS, compute);
    firewall.publisherName = "Fabrikam Networks, Inc.";
    firewall.publisherId = "fabrikam-networks";
    firewall.tags = "Marketplace";
    d.add(firewall);
    Meter.Builder linux = new Meter.Builder("tp.linux").product("Northwind Enterprise Linux", "1-4 vCPU VM")
        .meter("Virtual Machine Licenses", "Northwind Enterprise Linux", "1-4 vCPU VM License", "1 Hour")
        .price("0.06", Consumption.HOURS, compute);
    linux.tags = "Third Party";
    d.add(linux);
    d.add(new Meter.Builder("disk.p10").product("Premium SSD Managed Disks", "P10 LRS")
        .meter("Storage", "Premium SSD Managed Disks", "P10 LRS Disk", "1/Month")
        .price("19.71", Consumption.MONTH_FRACTION, compute));
    d.add(new Meter.Builder("disk.e10").product("Standard SSD Managed Disks", "E10 LRS")
        .meter("Storage", "Standard SSD Managed Disks", "E10 LRS Disk", "1/Month")
        .price("9.6", Consumption.MONTH_FRACTION, compute));
    d.add(new Meter.Builder("disk.ops").product("Standard SSD Managed Disks", "E10 LRS")
        .meter("Storage", "Standard SSD Managed Disks", "E10 LRS Disk Operations", "10K")
        .price("0.002", Consumption.FLOW, compute));
    String storage = "Microsoft.Storage";
    d.add(new Meter.Builder("st.hot.data").product("General Block Blob v2", "Hot LRS")
        .meter("Storage", "General Block Blob v2", "Hot LRS Data Stored", "1 GB/Month")
        .price("0.0184", Consumption.STOCK, storage));
    d.add(new Meter.Builder("st.hot.write").product("General Block Blob v2", "Hot LRS")
        .meter("Storage", "General Block Blob v2", "Hot LRS Write Operations", "10K")
        .price("0.065", Consumption.FLOW, storage));
    d.add(new Meter.Builder("st.hot.read").product("General Block Blob v2", "Hot LRS")
        .meter("Storage", "General Block Blob v2", "Hot Read Operations", "10K")
        .price("0.0052", Consumption.FLOW, storage));
    // Tiered in the price list (0-100 GB free, then 0.087, then 0.083); lines carry the middle tier's price.
    d.add(new Meter.Builder("bw.out").product("Bandwidth", "Standard")
        .meter("Bandwidth", "Inter-Region", "Standard Data Transfer Out", "1 GB")
        .price("0.087", Consumption.FLOW, "Microsoft.Network"));
    String sql = "Microsoft.Sql";
    d.add(new Meter.Builder("sql.vcore").product("SQL Database Single/Elastic Pool General Purpose - Compute Gen5",
            "2 vCore").meter("SQL Database", "Single/Elastic Pool General Purpose - Compute Gen5", "vCore", "1 Hour")
        .price("0.2522", Consumption.HOURS, sql));
    d.add(new Meter.Builder("sql.storage").product("SQL Database Single/Elastic Pool General Purpose - Storage",
            "General Purpose Data Stored")
        .meter("SQL Database", "Single/Elastic Pool General Purpose - Storage", "General Purpose Data Stored",
            "1 GB/Month")
        .price("0.115", Consumption.STOCK, sql));
    d.add(new Meter.Builder("app.p1v3").product("Azure App Service Premium v3 Plan - Linux", "P1 v3")
        .meter("Azure App Service", "Premium v3 Plan - Linux", "P1 v3 App", "1 Hour")
        .price("0.169", Consumption.HOURS, "Microsoft.Web"));
    d.add(new Meter.Builder("aks.sla").product("Azure Kubernetes Service", "Standard")
        .meter("Azure Kubernetes Service", "Standard", "Standard Uptime SLA", "1 Hour")
        .price("0.1", Consumption.HOURS, "Microsoft.ContainerService"));
    d.add(new Meter.Builder("pip.static").product("IP Addresses", "Standard")
        .meter("Virtual Network", "IP Addresses", "Standard IPv4 Static Public IP", "1 Hour")
        .price("0.005", Consumption.HOURS, "Microsoft.Network"));
    // Two meters sharing one price-list row ("MeterIds" lists both).
    d.add(new Meter.Builder("kv.ops").product("Key Vault", "Standard")
        .meter("Key Vault", "Key Vault", "Operations", "10K")
        .price("0.03", Consumption.FLOW, "Microsoft.KeyVault"));
    d.add(new Meter.Builder("kv.ops.advanced").product("Key Vault", "Standard")
        .meter("Key Vault", "Key Vault", "Advanced Key Operations", "10K")
        .price("0.03", Consumption.FLOW, "Microsoft.KeyVault"));
    Meter.Builder ingest = new Meter.Builder("la.ingest").product("Log Analytics", "Analytics Logs")
        .meter("Log Analytics", "Log Analytics", "Analytics Logs Data Ingestion", "1 GB")
        .price("2.99", Consumption.FLOW, "Microsoft.OperationalInsights");
    ingest.priceAfterChange = "2.76";
    d.add(ingest);
    // "Spotlight" is not the word Spot.
    d.add(new Meter.Builder("la.spotlight").product("Log Analytics", "Analytics Logs")
        .meter("Log Analytics", "Log Analytics Spotlight", "Spotlight Query Units", "1K")
        .price("0.0000231481", Consumption.FLOW, "Microsoft.OperationalInsights"));
    // Missing from the price list: a whole product.
    Meter.Builder chaos = new Meter.Builder("chaos.action").product("Azure Chaos Studio", "Standard")
        .meter("Azure Chaos Studio", "Azure Chaos Studio", "Standard Target Action Minutes", "1 Action-minute")
        .price("0.0013888889", Consumption.FLOW, "Microsoft.Chaos");
    chaos.priced = false;
    d.add(chaos);
    Meter.Builder ri = new Meter.Builder("ri.d4sv5").product("Reserved VM Instance, Dv5 Series", "D4s v5 1 Year")
        .meter("Reservation", "Dv5/DSv5 Series", "D4s v5 1 Year Reservation", "1")
        .price("1018.464", Consumption.ONE, compute);
    ri.tags = "Reservations";
    ri.chargeType = "Purchase";
    d.add(ri);
    return d;
  }

  private static Meter.Builder vm(String key, String product, String sku, String subCategory, String price) {
    return new Meter.Builder(key).product(product, sku).meter("Virtual Machines", subCategory, sku, "1 Hour")
        .price(price, Consumption.HOURS, "Microsoft.Compute");
  }

  /** Unrelated price-list rows, so look-ups run against a list of realistic size. */
  private void fillers(SplittableRandom ids) {
    String[] series = {"A", "Av2", "B", "Bsv2", "D", "Dv2", "Dv4", "Dasv5", "Ddsv5", "E", "Ev4", "Easv5", "F",
        "Fsv2", "G", "H", "HB", "L", "Lsv3", "M", "NC", "ND", "NV"};
    String[] sizes = {"2", "4", "8", "16", "32", "48", "64"};
    for (String s : series) {
      String productTitle = "Virtual Machines " + s + " Series Linux";
      String productId = Ids.catalogId(ids, "DZH318Z0", 12);
      for (String size : sizes) {
        String sku = s.charAt(0) + size + (s.length() > 1 ? s.substring(1) : "");
        long cents = 40 + ids.nextInt(4000);
        fillerRows.add(new String[] {productTitle, productId, Ids.catalogId(ids, "00", 4), sku, "Microsoft",
            "Microsoft Azure " + productTitle + " " + sku, "1 Hour", "", "US", "USD",
            new BigDecimal(cents).movePointLeft(3).toPlainString(), "", "", "", "", Ids.guid(ids), "Consumption",
            "Azure"});
      }
    }
  }

  /**
   * Writes the consumption price list of the month that starts on {@code firstDay}: one row per priced meter
   * (two meters of one price share a row; the bandwidth meter has three tiers; the Log Analytics price changes
   * on day {@link #PRICE_CHANGE_INDEX}), then unrelated rows. Effective dates use several of the accepted forms.
   *
   * @return the number of rows written
   */
  int writePriceList(Writer out, LocalDate firstDay) throws IOException {
    Csv.writeRow(out, PRICE_HEADER);
    String since = firstDay.minusMonths(14).withDayOfMonth(1).toString();
    int rows = 0;
    for (Meter m : meters.values()) {
      if (!m.priced || m.key.equals("kv.ops.advanced")) {
        continue;
      }
      String meterIds = m.meterId;
      String end = "";
      String start = since;
      if (m.key.equals("kv.ops")) {
        meterIds = m.meterId + ";" + meter("kv.ops.advanced").meterId;
      }
      if (m.key.equals("aks.sla")) {
        meterIds = "";
      }
      if (m.key.equals("pip.static")) {
        start = since + "T00:00:00Z";
        end = "9999-12-31";
      }
      if (m.key.equals("vm.b2ms")) {
        LocalDate s = firstDay.minusMonths(20);
        start = s.getMonthValue() + "/" + s.getDayOfMonth() + "/" + s.getYear();
      }
      if (m.key.equals("bw.out")) {
        rows += priceRow(out, m, "0", "0", "100", start, end, meterIds);
        rows += priceRow(out, m, "0.087", "101", "10240", start, end, meterIds);
        rows += priceRow(out, m, "0.083", "10241", "", start, end, meterIds);
        continue;
      }
      if (m.priceAfterChange != null) {
        LocalDate change = firstDay.plusDays(PRICE_CHANGE_INDEX);
        rows += priceRow(out, m, m.unitPrice.toPlainString(), "", "", start, change.minusDays(1).toString(),
            meterIds);
        rows += priceRow(out, m, m.priceAfterChange.toPlainString(), "", "", change.toString(), "", meterIds);
        continue;
      }
      rows += priceRow(out, m, m.unitPrice.toPlainString(), "", "", start, end, meterIds);
    }
    for (String[] row : fillerRows) {
      String[] r = row.clone();
      r[13] = since;
      Csv.writeRow(out, r);
      rows++;
    }
    return rows;
  }

  private static int priceRow(Writer out, Meter m, String price, String tierMin, String tierMax, String start,
      String end, String meterIds) throws IOException {
    Csv.writeRow(out, m.productName, m.productId, m.skuId, m.skuTitle, m.publisherName,
        (m.productName.startsWith("Azure") ? "Microsoft " : "Microsoft Azure ") + m.productName + " " + m.skuTitle,
        m.unit, "", "US", "USD", price, tierMin, tierMax,
        start, end, meterIds, "Consumption", m.tags);
    return 1;
  }
}
