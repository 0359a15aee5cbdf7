package org.openpec.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Azure plan consumption price list, indexed by {@code ProductId} + {@code SkuId} (rules §6.1).
 *
 * <p>{@link #entriesFor} returns the rows that match a line: same product and SKU (ignoring case), the line's
 * meter listed or no meter listed, and in force on the usage day. Immutable and thread-safe (a bounded memo of the
 * rows per meter is kept internally).
 */
public final class PriceList {

  private final Map<String, List<PriceListEntry>> byProductSku;
  private final int size;

  private PriceList(Map<String, List<PriceListEntry>> byProductSku, int size) {
    this.byProductSku = byProductSku;
    this.size = size;
  }

  /**
   * {@return a price list of the given rows}
   *
   * @param entries the entries
   */
  public static PriceList of(Collection<PriceListEntry> entries) {
    Map<String, List<PriceListEntry>> index = new HashMap<>();
    for (PriceListEntry e : entries) {
      index.computeIfAbsent(key(e.productId(), e.skuId()), k -> new ArrayList<>()).add(e);
    }
    Map<String, List<PriceListEntry>> frozen = new HashMap<>();
    index.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new PriceList(Map.copyOf(frozen), entries.size());
  }

  private static String key(String productId, String skuId) {
    return productId.trim().toLowerCase(Locale.ROOT) + '\u0000' + skuId.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the rows of a product and SKU, whatever their meters and dates}
   *
   * @param productId the {@code ProductId} of the price list
   * @param skuId the {@code SkuId} of the price list
   */
  public List<PriceListEntry> entriesFor(String productId, String skuId) {
    return byProductSku.getOrDefault(key(productId, skuId), List.of());
  }

  /**
   * {@return the rows matching a product, SKU and meter that are in force on {@code day}}
   *
   * @param productId the {@code ProductId} of the price list
   * @param skuId the {@code SkuId} of the price list
   * @param meterId the {@code MeterId}
   * @param day the UTC usage day
   */
  public List<PriceListEntry> entriesFor(String productId, String skuId, String meterId, LocalDate day) {
    List<PriceListEntry> candidates = entriesForMeter(productId, skuId, meterId);
    if (candidates.isEmpty()) {
      return candidates;
    }
    List<PriceListEntry> out = new ArrayList<>(candidates.size());
    for (PriceListEntry e : candidates) {
      if (e.isInForceOn(day)) {
        out.add(e);
      }
    }
    return out;
  }

  private static final int CACHE_LIMIT = 1 << 14;
  private final ConcurrentHashMap<MeterKey, List<PriceListEntry>> byMeter = new ConcurrentHashMap<>();

  /** A product, SKU and meter as looked up (IDs as given: the entries found are case-insensitive already). */
  private record MeterKey(String productId, String skuId, String meterId) {}

  /**
   * {@return the rows of a product and SKU that price a meter, whatever their dates (memoised, bounded)}
   *
   * @param productId the {@code ProductId} of the price list
   * @param skuId the {@code SkuId} of the price list
   * @param meterId the {@code MeterId}
   */
  public List<PriceListEntry> entriesForMeter(String productId, String skuId, String meterId) {
    MeterKey key = new MeterKey(productId, skuId, meterId);
    List<PriceListEntry> cached = byMeter.get(key);
    if (cached != null) {
      return cached;
    }
    List<PriceListEntry> out = new ArrayList<>();
    for (PriceListEntry e : entriesFor(productId, skuId)) {
      if (e.pricesMeter(meterId)) {
        out.add(e);
      }
    }
    List<PriceListEntry> frozen = List.copyOf(out);
    if (byMeter.size() >= CACHE_LIMIT) {
      byMeter.clear();
    }
    byMeter.put(key, frozen);
    return frozen;
  }

  /**
   * {@return the rows matching {@code line} on its usage day}
   *
   * @param line the usage line
   */
  public List<PriceListEntry> entriesFor(UsageLine line) {
    return entriesFor(line.productId(), line.skuId(), line.meterId(), line.usageDate());
  }

  /** {@return every row, grouped by product and SKU} */
  public Collection<List<PriceListEntry>> groups() {
    return byProductSku.values();
  }

  /** {@return the number of rows} */
  public int size() {
    return size;
  }
}
