package org.openpec.examples.generate;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * One meter of the synthetic catalogue: the product, SKU and meter columns a usage line repeats, the price and
 * how a resource consumes it per day. Immutable.
 */
final class Meter {

  /** How a resource consumes the meter per day; quantities are in millionths of a unit (6 decimals). */
  enum Consumption {
    /** Hours: usually the whole day, sometimes part of it. */
    HOURS,
    /** A monthly unit spread over the days of the month (managed disks, 1/31 per day). */
    MONTH_FRACTION,
    /** A stock measured per month (GB/Month): stable with slow growth. */
    STOCK,
    /** A flow (operations, GB transferred, actions): varies from day to day. */
    FLOW,
    /** One unit (a purchase). */
    ONE
  }

  /** A line that earns 15 % PEC is charged {@code 0.85} of the unit price. */
  private static final BigDecimal CHARGED_WITH_CREDIT = new BigDecimal("0.85");

  final String key;
  final String productId;
  final String skuId;
  final String availabilityId;
  final String productName;
  final String skuName;
  final String skuTitle;
  final String publisherName;
  final String publisherId;
  final String meterCategory;
  final String meterSubCategory;
  final String meterName;
  final String meterId;
  final String unit;
  final String consumedService;
  final String chargeType;
  final BigDecimal unitPrice;
  /** The price from day index {@link Catalog#PRICE_CHANGE_INDEX} on, or null when the price holds all month. */
  final BigDecimal priceAfterChange;
  final Consumption consumption;
  /** Whether the price list carries the product and SKU. */
  final boolean priced;
  /** The price list's {@code Tags}. */
  final String tags;
  /** Whether the product can earn PEC at all (not third party, reservation, marketplace, Spot or unpriced). */
  final boolean productEligible;

  /** Columns 10–16 of a usage line (ProductId … PublisherId), each followed by a comma, UTF-8. */
  final byte[] productChunk;
  /** The UnitType column and its comma. */
  final byte[] unitChunk;
  /** Unscaled value and scale of the unit price ([0], [1]) and of the price with credit ([2], [3]), per phase. */
  final long[][] exact = new long[2][4];
  /** The unit price and the price with credit as written, ASCII, per phase. */
  final byte[][] priceBytes = new byte[2][];
  final byte[][] priceWithCreditBytes = new byte[2][];

  Meter(SplittableRandom ids, Builder b) {
    this.key = b.key;
    this.productId = b.productId;
    this.skuId = b.skuId;
    this.availabilityId = Ids.catalogId(ids, "DZH318Z0", 12);
    this.productName = b.productName;
    this.skuName = b.skuName;
    this.skuTitle = b.skuTitle == null ? b.skuName : b.skuTitle;
    this.publisherName = b.publisherName;
    this.publisherId = b.publisherId;
    this.meterCategory = b.meterCategory;
    this.meterSubCategory = b.meterSubCategory;
    this.meterName = b.meterName;
    this.meterId = Ids.guid(ids);
    this.unit = b.unit;
    this.consumedService = b.consumedService;
    this.chargeType = b.chargeType;
    this.unitPrice = new BigDecimal(b.unitPrice);
    this.priceAfterChange = b.priceAfterChange == null ? null : new BigDecimal(b.priceAfterChange);
    this.consumption = b.consumption;
    this.priced = b.priced;
    this.tags = b.tags;
    this.productEligible = b.priced && !b.tags.contains("Third Party") && !b.tags.contains("Reservations")
        && "Microsoft".equals(b.publisherName) && !b.spot;
    this.productChunk = ByteSink.utf8(Csv.join(productId, skuId, availabilityId, skuName, productName, publisherName,
        publisherId) + ',');
    this.unitChunk = ByteSink.utf8(Csv.cell(unit) + ',');
    for (int phase = 0; phase < 2; phase++) {
      BigDecimal p = phase == 1 && priceAfterChange != null ? priceAfterChange : unitPrice;
      BigDecimal withCredit = p.multiply(CHARGED_WITH_CREDIT);
      priceBytes[phase] = ByteSink.utf8(ByteSink.plain(p));
      priceWithCreditBytes[phase] = ByteSink.utf8(ByteSink.plain(withCredit));
      exact[phase][0] = p.unscaledValue().longValueExact();
      exact[phase][1] = p.scale();
      exact[phase][2] = withCredit.unscaledValue().longValueExact();
      exact[phase][3] = withCredit.scale();
    }
  }

  /** The price phase of day index {@code day} (0-based): 1 from the price change on, else 0. */
  int phaseOn(int day) {
    return priceAfterChange != null && day >= Catalog.PRICE_CHANGE_INDEX ? 1 : 0;
  }

  /** A meter description; ids are drawn when the catalogue is built. */
  static final class Builder {
    String key;
    String productId;
    String skuId;
    String productName;
    String skuName;
    String skuTitle;
    String publisherName = "Microsoft";
    String publisherId = "";
    String meterCategory;
    String meterSubCategory;
    String meterName;
    String unit;
    String consumedService;
    String chargeType = "new";
    String unitPrice;
    String priceAfterChange;
    Consumption consumption;
    boolean priced = true;
    boolean spot;
    String tags = "Azure";

    Builder(String key) {
      this.key = key;
    }

    Builder product(String name, String sku) {
      this.productName = name;
      this.skuName = sku;
      return this;
    }

    Builder meter(String category, String subCategory, String name, String unitOfMeasure) {
      this.meterCategory = category;
      this.meterSubCategory = subCategory;
      this.meterName = name;
      this.unit = unitOfMeasure;
      return this;
    }

    Builder price(String price, Consumption how, String service) {
      this.unitPrice = price;
      this.consumption = how;
      this.consumedService = service;
      return this;
    }
  }
}
