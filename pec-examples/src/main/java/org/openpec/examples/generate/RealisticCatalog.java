package org.openpec.examples.generate;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.openpec.examples.generate.Meter.Consumption;

/**
 * The catalogue of the realistic shape: about 2 300 meters and the consumption price list that prices them. The
 * catalogue is the same for every seed (it plays Microsoft's); only the customers vary. Immutable after
 * construction.
 *
 * <p>Virtual machines are one meter per series × operating system × size × region (12 × 2 × 8 × 11), with
 * region-dependent prices, one price-list row per meter, except: the Av2 series lists the meters of all regions in
 * one row per SKU (several meter IDs, one price), the BS series has rows without meter IDs (the row applies to
 * every meter of its SKU), the Lsv3 64-vCPU SKU is missing from the list (a SKU newer than the export), and the
 * Linux Ev5 meters of West Europe change price on day {@link Catalog#PRICE_CHANGE_INDEX}. Spot SKUs exist for
 * Dv5 (named Spot in the usage) and Fsv2 (named "Low Priority" in the usage, Spot only by the price list's
 * {@code SkuTitle}). The other services have one meter each: managed disks, storage, tiered bandwidth, SQL
 * Database, App Service, AKS, public IPs, Key Vault (two meters in one row), Log Analytics (a mid-month price
 * change), a marketplace firewall and a marketplace SaaS product, two third-party licences, two reservations and
 * an unpriced product (Chaos Studio).
 *
 * <p>No two rows a line could both select carry different prices, and the bandwidth tiers tile from 0, so the
 * list is valid for repricing.
 */
final class RealisticCatalog {

  private static final long CATALOG_SEED = 0x5EC_2026_1DL;

  /** The regions of the catalogue: ARM location and the usage file's MeterRegion. */
  static final String[][] REGIONS = {{"eastus", "US East"}, {"eastus2", "US East 2"}, {"westus2", "US West 2"},
      {"centralus", "US Central"}, {"southeastasia", "AP Southeast"}, {"westeurope", "EU West"},
      {"northeurope", "EU North"}, {"germanywestcentral", "DE West Central"}, {"francecentral", "FR Central"},
      {"uksouth", "UK South"}, {"ukwest", "UK West"}};
  /** Region price factors, in percent, per {@link #REGIONS} entry. */
  private static final int[] REGION_PERCENT = {100, 100, 102, 104, 112, 108, 106, 114, 112, 110, 116};
  static final int WEST_EUROPE = 5;

  static final String[] SERIES = {"Av2", "BS", "Dv3", "Dsv4", "Dv5", "Dsv5", "Dasv5", "Ev3", "Ev5", "Esv5",
      "Fsv2", "Lsv3"};
  private static final String[] SKU_FORMAT = {"A%d v2", "B%dms", "D%d v3", "D%ds v4", "D%d v5", "D%ds v5",
      "D%das v5", "E%d v3", "E%d v5", "E%ds v5", "F%ds v2", "L%ds v3"};
  /** Linux price per vCPU and hour, USD. */
  private static final String[] PER_VCPU = {"0.02", "0.0208", "0.048", "0.048", "0.048", "0.048", "0.043",
      "0.063", "0.063", "0.063", "0.0423", "0.078"};
  static final int[] SIZES = {1, 2, 4, 8, 16, 32, 48, 64};
  /** Relative frequency of each size among the machines customers run. */
  static final int[] SIZE_WEIGHTS = {5, 30, 30, 18, 10, 4, 2, 1};
  static final int AV2 = 0;
  static final int BS = 1;
  static final int DV5 = 4;
  static final int EV5 = 8;
  static final int FSV2 = 10;
  static final int LSV3 = 11;
  /** Windows costs this much more per vCPU and hour. */
  private static final BigDecimal WINDOWS_PER_VCPU = new BigDecimal("0.046");
  private static final BigDecimal SPOT_FACTOR = new BigDecimal("0.2");
  private static final BigDecimal AFTER_CHANGE = new BigDecimal("0.95");

  private final Map<String, Meter> meters = new LinkedHashMap<>();

  RealisticCatalog() {
    SplittableRandom ids = new SplittableRandom(CATALOG_SEED);
    Map<String, String> productIds = new HashMap<>();
    Map<String, String> skuIds = new HashMap<>();
    Set<String> usedSkus = new HashSet<>();
    for (Meter.Builder b : definitions()) {
      b.productId = productIds.computeIfAbsent(b.productName, k -> Ids.catalogId(ids, "DZH318Z0", 12));
      b.skuId = skuIds.computeIfAbsent(b.productName + '\u0000' + b.skuName + '\u0000' + b.skuTitle, k -> {
        String id;
        do {
          id = Ids.catalogId(ids, "00", 4);
        } while (!usedSkus.add(id));
        return id;
      });
      meters.put(b.key, new Meter(ids, b));
    }
  }

  /** The number of meters in the catalogue. */
  int meterCount() {
    return meters.size();
  }

  /** The meter of the given key. */
  Meter meter(String key) {
    Meter m = meters.get(key);
    if (m == null) {
      throw new IllegalArgumentException("no meter " + key);
    }
    return m;
  }

  /** The key of a VM meter. */
  static String vmKey(int series, boolean windows, int size, int region) {
    return "vm." + (windows ? "win." : "lin.") + SERIES[series] + "." + SIZES[size] + "." + REGIONS[region][0];
  }

  /** The key of a Spot VM meter (series {@link #DV5} or {@link #FSV2}). */
  static String spotKey(int series, int size, int region) {
    return "spot." + SERIES[series] + "." + SIZES[size] + "." + REGIONS[region][0];
  }

  /** The ARM size name of a VM, e.g. {@code Standard_D4s_v5}. */
  static String armSize(int series, int size) {
    return "Standard_" + String.format(Locale.ROOT, SKU_FORMAT[series], SIZES[size]).replace(' ', '_');
  }

  private static List<Meter.Builder> definitions() {
    List<Meter.Builder> d = new ArrayList<>();
    for (int s = 0; s < SERIES.length; s++) {
      for (int os = 0; os < 2; os++) {
        boolean windows = os == 1;
        String product = "Virtual Machines " + SERIES[s] + " Series" + (windows ? " Windows" : "");
        for (int z = 0; z < SIZES.length; z++) {
          String sku = String.format(Locale.ROOT, SKU_FORMAT[s], SIZES[z]);
          for (int g = 0; g < REGIONS.length; g++) {
            BigDecimal price = vmPrice(s, windows, z, g);
            Meter.Builder b = new Meter.Builder(vmKey(s, windows, z, g)).product(product, sku)
                .meter("Virtual Machines", SERIES[s] + " Series" + (windows ? " Windows" : ""), sku, "1 Hour")
                .price(price.toPlainString(), Consumption.HOURS, "Microsoft.Compute");
            b.priced = !(s == LSV3 && z == SIZES.length - 1);
            if (s == EV5 && !windows && g == WEST_EUROPE) {
              b.priceAfterChange = price.multiply(AFTER_CHANGE).setScale(4, RoundingMode.HALF_UP).toPlainString();
            }
            d.add(b);
          }
        }
      }
    }
    for (int s : new int[] {DV5, FSV2}) {
      String product = "Virtual Machines " + SERIES[s] + " Series";
      for (int z = 0; z < SIZES.length; z++) {
        String sku = String.format(Locale.ROOT, SKU_FORMAT[s], SIZES[z]);
        for (int g = 0; g < REGIONS.length; g++) {
          BigDecimal price = vmPrice(s, false, z, g).multiply(SPOT_FACTOR).setScale(5, RoundingMode.HALF_UP);
          String usageName = sku + (s == DV5 ? " Spot" : " Low Priority");
          Meter.Builder b = new Meter.Builder(spotKey(s, z, g)).product(product, usageName)
              .meter("Virtual Machines", SERIES[s] + " Series", usageName, "1 Hour")
              .price(price.toPlainString(), Consumption.HOURS, "Microsoft.Compute");
          b.skuTitle = sku + " Spot";
          b.spot = true;
          d.add(b);
        }
      }
    }
    String compute = "Microsoft.Compute";
    d.add(new Meter.Builder("disk.p10").product("Premium SSD Managed Disks", "P10 LRS")
        .meter("Storage", "Premium SSD Managed Disks", "P10 LRS Disk", "1/Month")
        .price("19.71", Consumption.MONTH_FRACTION, compute));
    d.add(new Meter.Builder("disk.p20").product("Premium SSD Managed Disks", "P20 LRS")
        .meter("Storage", "Premium SSD Managed Disks", "P20 LRS Disk", "1/Month")
        .price("38.02", Consumption.MONTH_FRACTION, compute));
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
    d.add(new Meter.Builder("st.cool.data").product("General Block Blob v2", "Cool LRS")
        .meter("Storage", "General Block Blob v2", "Cool LRS Data Stored", "1 GB/Month")
        .price("0.01", Consumption.STOCK, storage));
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
    d.add(new Meter.Builder("app.s1").product("Azure App Service Standard Plan", "S1")
        .meter("Azure App Service", "Standard Plan", "S1 App", "1 Hour")
        .price("0.1", Consumption.HOURS, "Microsoft.Web"));
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
    Meter.Builder firewall = new Meter.Builder("mp.firewall").product("Fabrikam NextGen Firewall", "Hourly PAYG")
        .meter("Virtual Machine Licenses", "Fabrikam NextGen Firewall", "2 vCPU VM License", "1 Hour")
        .price("0.45", Consumption.HOURS, compute);
    firewall.publisherName = "Fabrikam Networks, Inc.";
    firewall.publisherId = "fabrikam-networks";
    firewall.tags = "Marketplace";
    d.add(firewall);
    Meter.Builder saas = new Meter.Builder("mp.saas").product("Contoso Backup for Microsoft 365", "Business")
        .meter("SaaS", "Contoso Backup for Microsoft 365", "Business Seat", "1/Day")
        .price("1.6438", Consumption.ONE, "Microsoft.SaaS");
    saas.publisherName = "Contoso Software";
    saas.publisherId = "contoso-software";
    saas.tags = "Marketplace";
    d.add(saas);
    Meter.Builder linux = new Meter.Builder("tp.linux").product("Northwind Enterprise Linux", "1-4 vCPU VM")
        .meter("Virtual Machine Licenses", "Northwind Enterprise Linux", "1-4 vCPU VM License", "1 Hour")
        .price("0.06", Consumption.HOURS, compute);
    linux.tags = "Third Party";
    d.add(linux);
    Meter.Builder rhel = new Meter.Builder("tp.rhel").product("Red Hat Enterprise Linux", "5+ vCPU VM")
        .meter("Virtual Machine Licenses", "Red Hat Enterprise Linux", "5+ vCPU VM License", "1 Hour")
        .price("0.13", Consumption.HOURS, compute);
    rhel.tags = "Azure;Third Party";
    d.add(rhel);
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
    Meter.Builder riSql = new Meter.Builder("ri.sql").product("Reserved SQL Database vCore, General Purpose Gen5",
            "1 vCore 3 Years").meter("Reservation", "SQL Database", "vCore 3 Years Reservation", "1")
        .price("2733.12", Consumption.ONE, sql);
    riSql.tags = "Azure; Reservations";
    riSql.chargeType = "Purchase";
    d.add(riSql);
    return d;
  }

  private static BigDecimal vmPrice(int series, boolean windows, int size, int region) {
    BigDecimal vcpus = BigDecimal.valueOf(SIZES[size]);
    BigDecimal perVcpu = new BigDecimal(PER_VCPU[series]);
    if (windows) {
      perVcpu = perVcpu.add(WINDOWS_PER_VCPU);
    }
    // Av2 and BS cost the same in every region (their rows cover all regions at once).
    BigDecimal factor = series == AV2 || series == BS ? BigDecimal.ONE
        : BigDecimal.valueOf(REGION_PERCENT[region]).movePointLeft(2);
    return perVcpu.multiply(vcpus).multiply(factor).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  /**
   * Writes the price list of the month that starts on {@code firstDay}; see the class comment for its rows.
   *
   * @return the number of rows written (header excluded)
   */
  int writePriceList(Writer out, LocalDate firstDay) throws IOException {
    Csv.writeRow(out, Catalog.PRICE_HEADER);
    LocalDate sinceDay = firstDay.minusMonths(14).withDayOfMonth(1);
    String since = sinceDay.toString();
    String sinceUs = sinceDay.getMonthValue() + "/" + sinceDay.getDayOfMonth() + "/" + sinceDay.getYear();
    LocalDate change = firstDay.plusDays(Catalog.PRICE_CHANGE_INDEX);
    int rows = 0;
    Set<String> grouped = new HashSet<>();
    for (Meter m : meters.values()) {
      if (!m.priced || m.key.equals("kv.ops.advanced")) {
        continue;
      }
      String meterIds = m.meterId;
      String start = m.key.startsWith("vm.win.") ? sinceUs : since;
      String end = "";
      if (m.key.startsWith("vm.") && (m.key.contains("." + SERIES[AV2] + ".") || m.key.contains("." + SERIES[BS] + "."))) {
        // One row per SKU for every region: Av2 lists the region meters, BS lists none.
        String group = m.productId + "/" + m.skuId;
        if (!grouped.add(group)) {
          continue;
        }
        if (m.key.contains("." + SERIES[AV2] + ".")) {
          List<String> all = new ArrayList<>();
          String stem = m.key.substring(0, m.key.lastIndexOf('.') + 1);
          for (String[] region : REGIONS) {
            all.add(meter(stem + region[0]).meterId);
          }
          meterIds = String.join(m.key.startsWith("vm.win.") ? ", " : ";", all);
        } else {
          meterIds = "";
        }
      }
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
      if (m.key.equals("bw.out")) {
        rows += priceRow(out, m, "0", "0", "100", start, end, meterIds);
        rows += priceRow(out, m, "0.087", "101", "10240", start, end, meterIds);
        rows += priceRow(out, m, "0.083", "10241", "", start, end, meterIds);
        continue;
      }
      if (m.priceAfterChange != null) {
        rows += priceRow(out, m, m.unitPrice.toPlainString(), "", "", start, change.minusDays(1).toString(),
            meterIds);
        rows += priceRow(out, m, m.priceAfterChange.toPlainString(), "", "", change.toString(), "", meterIds);
        continue;
      }
      rows += priceRow(out, m, m.unitPrice.toPlainString(), "", "", start, end, meterIds);
    }
    return rows;
  }

  private static int priceRow(Writer out, Meter m, String price, String tierMin, String tierMax, String start,
      String end, String meterIds) throws IOException {
    Csv.writeRow(out, m.productName, m.productId, m.skuId, m.skuTitle, m.publisherName,
        (m.productName.startsWith("Azure") ? "Microsoft " : "Microsoft Azure ") + m.productName + " " + m.skuTitle,
        m.unit, "", "US", "USD", price, tierMin, tierMax, start, end, meterIds, "Consumption", m.tags);
    return 1;
  }
}
