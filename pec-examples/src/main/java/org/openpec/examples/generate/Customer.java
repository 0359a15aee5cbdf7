package org.openpec.examples.generate;

import java.math.BigDecimal;

/** What the usage-line writer needs of a customer, whatever the shape of the month. */
interface Customer {

  /** Columns 1–9 (PartnerId … InvoiceNumber) and a comma, UTF-8. */
  byte[] customerChunk();

  /** Columns 17–20 (SubscriptionDescription … ChargeEndDate) and a comma, UTF-8. */
  byte[] planChunk();

  /** BillingCurrency and a comma. */
  byte[] currencyChunk();

  /** Billing-currency units per USD; null for USD (rate 1). */
  BigDecimal fx();

  /** Whether the file reports PEC for {@code slot} on day index {@code day} (the access story's verdict). */
  boolean accessQualifies(int day, Tenant.Slot slot);

  /** Whether the Azure consumption credit applies on day index {@code day}. */
  boolean azureCreditOn(int day);
}
