package org.openpec.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;
import org.openpec.value.PecStyle;

/**
 * One record of Microsoft's daily rated usage file (Azure plan): one resource, meter and UTC usage day.
 *
 * <p>It holds every field the rules and the money need (rules §6, §8, §11). Amounts are exact
 * {@link BigDecimal}s as written in the file: {@code unitPrice} in the pricing currency (USD) per unit,
 * {@code quantity} in units (negative for corrections), {@code pcToBcExchangeRate} billing-currency units per
 * pricing-currency unit. IDs are opaque trimmed text. Optional descriptive fields are empty text when absent.
 * Copies differ in one attribute through {@code withX(..)} (e.g. {@code withQuantity}), which re-checks the
 * invariants. Immutable and thread-safe.
 */
@Value.Immutable
@PecStyle
public abstract class UsageLine implements WithUsageLine {

  UsageLine() {}

  /** {@return a builder; every attribute without a default is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link UsageLine}; not thread-safe. */
  public static final class Builder extends ImmutableUsageLine.Builder {
    Builder() {}
  }

  /** {@return the customer's tenant id ({@code CustomerId})} */
  public abstract String customerId();

  /** {@return the billed partner's partner ID ({@code MpnId}): the direct-bill partner or indirect provider} */
  public abstract String billedPartnerId();

  /** {@return the reseller of record's partner ID ({@code Tier2MpnId}); empty text when none} */
  @Value.Default
  public String resellerPartnerId() {
    return "";
  }

  /** {@return the Azure plan in Microsoft's billing platform ({@code SubscriptionId}), not the Azure subscription} */
  public abstract String subscriptionId();

  /** {@return the Azure subscription id ({@code EntitlementId})} */
  public abstract String entitlementId();

  /** {@return the UTC usage day} */
  public abstract LocalDate usageDate();

  /** {@return {@code ProductId} of the price list} */
  public abstract String productId();

  /** {@return {@code SkuId} of the price list} */
  public abstract String skuId();

  /** {@return {@code MeterId}} */
  public abstract String meterId();

  /** {@return the consuming resource's ARM id ({@code ResourceURI}); empty text when the file gives none} */
  @Value.Default
  public String resourceUri() {
    return "";
  }

  /** {@return units consumed that day; negative for corrections} */
  public abstract BigDecimal quantity();

  /** {@return price-list price per unit before PEC, in the pricing currency} */
  public abstract BigDecimal unitPrice();

  /** {@return the pricing currency ({@code PricingCurrency}), usually USD} */
  public abstract String pricingCurrency();

  /** {@return the billing currency ({@code BillingCurrency})} */
  public abstract String billingCurrency();

  /** {@return billing-currency units per pricing-currency unit ({@code PCToBCExchangeRate})} */
  public abstract BigDecimal pcToBcExchangeRate();

  /** {@return {@code PublisherName}; empty text when absent} */
  @Value.Default
  public String publisherName() {
    return "";
  }

  /** {@return {@code MeterName}; empty text when absent} */
  @Value.Default
  public String meterName() {
    return "";
  }

  /** {@return {@code MeterSubCategory}; empty text when absent} */
  @Value.Default
  public String meterSubCategory() {
    return "";
  }

  /** {@return {@code SkuName}; empty text when absent} */
  @Value.Default
  public String skuName() {
    return "";
  }

  /** {@return {@code BenefitId} (reservation or savings plan that covered the usage); empty text when absent} */
  @Value.Default
  public String benefitId() {
    return "";
  }

  /** {@return {@code BenefitType}; empty text when absent} */
  @Value.Default
  public String benefitType() {
    return "";
  }

  /**
   * {@return {@code ChargeType} ({@code Purchase} for reservation and savings-plan purchases); empty text when absent}
   */
  @Value.Default
  public String chargeType() {
    return "";
  }

  /**
   * The scope that must be covered: {@code ResourceURI}, or {@code /subscriptions/{EntitlementId}} when the
   * file gives no resource (rules §4).
    *
    * @return the resource's scope
   */
  @Value.Derived
  @Value.Auxiliary
  public Scope resource() {
    return resourceUri().isBlank() ? Scope.subscription(entitlementId()) : Scope.parse(resourceUri());
  }

  /** {@return the reseller's partner ID when present} */
  public Optional<String> reseller() {
    return resellerPartnerId().isBlank() ? Optional.empty() : Optional.of(resellerPartnerId());
  }

  /** {@return {@code UnitPrice × Quantity}, exact, in the pricing currency} */
  public BigDecimal listCost() {
    return unitPrice().multiply(quantity());
  }

  @Value.Check
  void check() {
    requireText(customerId(), "customerId");
    requireText(billedPartnerId(), "billedPartnerId");
    requireText(subscriptionId(), "subscriptionId");
    requireText(entitlementId(), "entitlementId");
    requireText(productId(), "productId");
    requireText(skuId(), "skuId");
    requireText(meterId(), "meterId");
    requireText(pricingCurrency(), "pricingCurrency");
    requireText(billingCurrency(), "billingCurrency");
  }

  private static void requireText(String value, String name) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
