package org.openpec.spark;

import java.io.Serializable;

/**
 * One record of a usage file as it travels between Spark stages: a readable usage line's values as exact text
 * (so that the line rebuilt on an executor equals the one pec-core's reader made), or the output cells of a
 * rejected record. A Java bean, for {@code Encoders.bean}; mutable, not thread-safe; internal to the module.
 */
public final class UsageRow implements Serializable {

  private static final long serialVersionUID = 1L;
  private String file;
  private long record;
  private long line;
  private String[] rejected;
  private String tierKey;
  private String listCost;
  private String customerId;
  private String billedPartnerId;
  private String resellerPartnerId;
  private String subscriptionId;
  private String entitlementId;
  private String usageDate;
  private String productId;
  private String skuId;
  private String meterId;
  private String resourceUri;
  private String quantity;
  private String unitPrice;
  private String pricingCurrency;
  private String billingCurrency;
  private String exchangeRate;
  private String publisherName;
  private String meterName;
  private String meterSubCategory;
  private String skuName;
  private String benefitId;
  private String benefitType;
  private String chargeType;

  /** An empty row (for the encoder). */
  public UsageRow() {}

  /** The usage file's path, as Spark names it. */
  public String getFile() {
    return file;
  }

  /** Sets {@link #getFile()}. */
  public void setFile(String file) {
    this.file = file;
  }

  /** The record's number in its file: 1 for the first record after the header. */
  public long getRecord() {
    return record;
  }

  /** Sets {@link #getRecord()}. */
  public void setRecord(long record) {
    this.record = record;
  }

  /** The record's number in the whole month (files in path order): the {@code Line} of {@code pec credit}. */
  public long getLine() {
    return line;
  }

  /** Sets {@link #getLine()}. */
  public void setLine(long line) {
    this.line = line;
  }

  /** The output cells of a rejected record (its {@code Detail} names file, line and column); null for a readable one. */
  public String[] getRejected() {
    return rejected;
  }

  /** Sets {@link #getRejected()}. */
  public void setRejected(String[] rejected) {
    this.rejected = rejected;
  }

  /** The key tiers accumulate over: Azure plan, meter (both trimmed, lower case) and month; null when rejected. */
  public String getTierKey() {
    return tierKey;
  }

  /** Sets {@link #getTierKey()}. */
  public void setTierKey(String tierKey) {
    this.tierKey = tierKey;
  }

  /** The repriced list cost, exact, pricing currency; null when the line keeps its own unit price. */
  public String getListCost() {
    return listCost;
  }

  /** Sets {@link #getListCost()}. */
  public void setListCost(String listCost) {
    this.listCost = listCost;
  }

  /** As read, trimmed. */
  public String getCustomerId() {
    return customerId;
  }

  /** Sets {@link #getCustomerId()}. */
  public void setCustomerId(String customerId) {
    this.customerId = customerId;
  }

  /** As read, trimmed. */
  public String getBilledPartnerId() {
    return billedPartnerId;
  }

  /** Sets {@link #getBilledPartnerId()}. */
  public void setBilledPartnerId(String billedPartnerId) {
    this.billedPartnerId = billedPartnerId;
  }

  /** As read, trimmed. */
  public String getResellerPartnerId() {
    return resellerPartnerId;
  }

  /** Sets {@link #getResellerPartnerId()}. */
  public void setResellerPartnerId(String resellerPartnerId) {
    this.resellerPartnerId = resellerPartnerId;
  }

  /** As read, trimmed. */
  public String getSubscriptionId() {
    return subscriptionId;
  }

  /** Sets {@link #getSubscriptionId()}. */
  public void setSubscriptionId(String subscriptionId) {
    this.subscriptionId = subscriptionId;
  }

  /** As read, trimmed. */
  public String getEntitlementId() {
    return entitlementId;
  }

  /** Sets {@link #getEntitlementId()}. */
  public void setEntitlementId(String entitlementId) {
    this.entitlementId = entitlementId;
  }

  /** ISO date. */
  public String getUsageDate() {
    return usageDate;
  }

  /** Sets {@link #getUsageDate()}. */
  public void setUsageDate(String usageDate) {
    this.usageDate = usageDate;
  }

  /** As read, trimmed. */
  public String getProductId() {
    return productId;
  }

  /** Sets {@link #getProductId()}. */
  public void setProductId(String productId) {
    this.productId = productId;
  }

  /** As read, trimmed. */
  public String getSkuId() {
    return skuId;
  }

  /** Sets {@link #getSkuId()}. */
  public void setSkuId(String skuId) {
    this.skuId = skuId;
  }

  /** As read, trimmed. */
  public String getMeterId() {
    return meterId;
  }

  /** Sets {@link #getMeterId()}. */
  public void setMeterId(String meterId) {
    this.meterId = meterId;
  }

  /** As read, trimmed. */
  public String getResourceUri() {
    return resourceUri;
  }

  /** Sets {@link #getResourceUri()}. */
  public void setResourceUri(String resourceUri) {
    this.resourceUri = resourceUri;
  }

  /** Exact decimal text. */
  public String getQuantity() {
    return quantity;
  }

  /** Sets {@link #getQuantity()}. */
  public void setQuantity(String quantity) {
    this.quantity = quantity;
  }

  /** Exact decimal text. */
  public String getUnitPrice() {
    return unitPrice;
  }

  /** Sets {@link #getUnitPrice()}. */
  public void setUnitPrice(String unitPrice) {
    this.unitPrice = unitPrice;
  }

  /** As read, trimmed. */
  public String getPricingCurrency() {
    return pricingCurrency;
  }

  /** Sets {@link #getPricingCurrency()}. */
  public void setPricingCurrency(String pricingCurrency) {
    this.pricingCurrency = pricingCurrency;
  }

  /** As read, trimmed. */
  public String getBillingCurrency() {
    return billingCurrency;
  }

  /** Sets {@link #getBillingCurrency()}. */
  public void setBillingCurrency(String billingCurrency) {
    this.billingCurrency = billingCurrency;
  }

  /** PCToBCExchangeRate, exact decimal text. */
  public String getExchangeRate() {
    return exchangeRate;
  }

  /** Sets {@link #getExchangeRate()}. */
  public void setExchangeRate(String exchangeRate) {
    this.exchangeRate = exchangeRate;
  }

  /** As read, trimmed. */
  public String getPublisherName() {
    return publisherName;
  }

  /** Sets {@link #getPublisherName()}. */
  public void setPublisherName(String publisherName) {
    this.publisherName = publisherName;
  }

  /** As read, trimmed. */
  public String getMeterName() {
    return meterName;
  }

  /** Sets {@link #getMeterName()}. */
  public void setMeterName(String meterName) {
    this.meterName = meterName;
  }

  /** As read, trimmed. */
  public String getMeterSubCategory() {
    return meterSubCategory;
  }

  /** Sets {@link #getMeterSubCategory()}. */
  public void setMeterSubCategory(String meterSubCategory) {
    this.meterSubCategory = meterSubCategory;
  }

  /** As read, trimmed. */
  public String getSkuName() {
    return skuName;
  }

  /** Sets {@link #getSkuName()}. */
  public void setSkuName(String skuName) {
    this.skuName = skuName;
  }

  /** As read, trimmed. */
  public String getBenefitId() {
    return benefitId;
  }

  /** Sets {@link #getBenefitId()}. */
  public void setBenefitId(String benefitId) {
    this.benefitId = benefitId;
  }

  /** As read, trimmed. */
  public String getBenefitType() {
    return benefitType;
  }

  /** Sets {@link #getBenefitType()}. */
  public void setBenefitType(String benefitType) {
    this.benefitType = benefitType;
  }

  /** As read, trimmed. */
  public String getChargeType() {
    return chargeType;
  }

  /** Sets {@link #getChargeType()}. */
  public void setChargeType(String chargeType) {
    this.chargeType = chargeType;
  }
}
