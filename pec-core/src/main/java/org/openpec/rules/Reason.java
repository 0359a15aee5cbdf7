package org.openpec.rules;

/**
 * The outcome code of a usage line (rules §9), in the order the standard rules test them.
 *
 * <p>{@link #ELIGIBLE} earns credit; the product codes ({@link #isProductExclusion()}) mean the product never
 * earns, whatever the access; the access codes ({@link #isAccessLoss()}) mean credit was lost for want of
 * qualifying access on that day. {@link #REJECTED} marks a record that could not be read.
 */
public enum Reason {
  /** Every rule holds: the line earns the rate in force. */
  ELIGIBLE,
  /** No entry of the consumption price list matches the product, SKU and meter on the usage day. */
  NOT_IN_PRICE_LIST,
  /** The price-list entry is tagged {@code Third Party}. */
  THIRD_PARTY,
  /** The entry is tagged {@code Reservations}, or the line is a purchase ({@code ChargeType} Purchase). */
  RESERVATION,
  /** A marketplace product: {@code PublisherName} is present and not Microsoft. */
  MARKETPLACE,
  /** A Spot VM: the word Spot in the meter sub-category, meter name, SKU name or SKU title. */
  SPOT_VM,
  /** Usage covered by a reservation or savings-plan benefit. */
  BENEFIT_COVERED,
  /** The billed partner holds no partner agreement on the usage day. */
  AGREEMENT_INACTIVE,
  /** No grant reaches the line's scope on the usage day. */
  NO_ACCESS,
  /** Only eligible (just-in-time) authorizations reach the scope; none is active. */
  ASSIGNMENT_NOT_ACTIVE,
  /** The active grants hold only roles that do not earn PEC (Reader and the like, or unknown roles). */
  ROLE_NOT_ELIGIBLE,
  /** The grants with eligible roles carry no partner ID (no AOBO, offer or Partner Admin Link). */
  PARTNER_NOT_LINKED,
  /** The linked grants belong to partners other than the billed partner and its reseller. */
  OTHER_PARTNER,
  /** Qualifying grants reach the scope, but not for the whole UTC day. */
  PARTIAL_DAY,
  /** A rule composed by a caller (a negation, an empty {@code anyOf}) does not hold. */
  RULE_NOT_MET,
  /** The record could not be read or validated; it carries no verdict and no money. */
  REJECTED;

  /** Whether the code says the product can never earn credit (rules §6). */
  public boolean isProductExclusion() {
    return ordinal() >= NOT_IN_PRICE_LIST.ordinal() && ordinal() <= BENEFIT_COVERED.ordinal();
  }

  /** Whether the code says credit was lost for want of agreement or qualifying access: a loss to explain. */
  public boolean isAccessLoss() {
    return ordinal() >= AGREEMENT_INACTIVE.ordinal() && ordinal() <= PARTIAL_DAY.ordinal();
  }
}
