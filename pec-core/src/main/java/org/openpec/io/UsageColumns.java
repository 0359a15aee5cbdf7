package org.openpec.io;

import java.util.Map;

/** The column positions of one usage file's header. */
final class UsageColumns {

  static final String[] REQUIRED = {"CustomerId", "MpnId", "SubscriptionId", "EntitlementId", "UsageDate",
      "ProductId", "SkuId", "MeterId", "ResourceURI", "Quantity", "UnitPrice", "PricingCurrency", "BillingCurrency",
      "PCToBCExchangeRate"};

  private final Map<String, Integer> positions;

  UsageColumns(Map<String, Integer> positions) {
    this.positions = Map.copyOf(positions);
  }

  int index(String name) {
    return positions.getOrDefault(CsvTable.normalise(name), -1);
  }
}
