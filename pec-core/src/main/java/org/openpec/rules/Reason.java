package org.openpec.rules;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The outcome code of a usage line: the standard codes, in the order the standard rules test them, and the codes
 * callers declare for their own rules.
 *
 * <p>{@link #ELIGIBLE} earns credit; the product codes ({@link #isProductExclusion()}) mean the product never
 * earns, whatever the access; the loss codes ({@link #isAccessLoss()}) mean credit was lost for want of an
 * agreement or qualifying access on that day, a loss to explain. {@link #RULE_NOT_MET} is the code of anonymous
 * compositions (a negation, an empty {@code anyOf}); {@link #REJECTED} marks a record that could not be read.
 *
 * <p>A caller rule fails with a code of its own, declared once as a product exclusion or as a loss:
 * <pre>{@code
 * static final Reason SUBSCRIPTION_EXCLUDED = Reason.productExclusion("SUBSCRIPTION_EXCLUDED");
 * }</pre>
 * Its name then appears wherever the standard codes do (credit rows, statements, losses, reconciliation), and
 * {@link #valueOf(String)} finds it. Codes are compared by identity: one name is one code. Codes are ordered
 * standard codes first, in their order, then declared codes by name. Immutable and thread-safe.
 */
public final class Reason implements Comparable<Reason>, java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** What a code says of a line's credit. */
  private enum Kind { ELIGIBLE, PRODUCT, LOSS, OTHER }

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final ConcurrentHashMap<String, Reason> BY_NAME = new ConcurrentHashMap<>();

  /** Every rule holds: the line earns the rate in force. */
  public static final Reason ELIGIBLE = standard("ELIGIBLE", Kind.ELIGIBLE, 0);
  /** No entry of the consumption price list matches the product, SKU and meter on the usage day. */
  public static final Reason NOT_IN_PRICE_LIST = standard("NOT_IN_PRICE_LIST", Kind.PRODUCT, 1);
  /** The price-list entry is tagged {@code Third Party}. */
  public static final Reason THIRD_PARTY = standard("THIRD_PARTY", Kind.PRODUCT, 2);
  /** The entry is tagged {@code Reservations}, or the line is a purchase ({@code ChargeType} Purchase). */
  public static final Reason RESERVATION = standard("RESERVATION", Kind.PRODUCT, 3);
  /** A marketplace product: {@code PublisherName} is present and not Microsoft. */
  public static final Reason MARKETPLACE = standard("MARKETPLACE", Kind.PRODUCT, 4);
  /** A Spot VM: the word Spot in the meter sub-category, meter name, SKU name or SKU title. */
  public static final Reason SPOT_VM = standard("SPOT_VM", Kind.PRODUCT, 5);
  /** Usage covered by a reservation or savings-plan benefit. */
  public static final Reason BENEFIT_COVERED = standard("BENEFIT_COVERED", Kind.PRODUCT, 6);
  /** The billed partner holds no partner agreement on the usage day. */
  public static final Reason AGREEMENT_INACTIVE = standard("AGREEMENT_INACTIVE", Kind.LOSS, 7);
  /** No grant reaches the line's scope on the usage day. */
  public static final Reason NO_ACCESS = standard("NO_ACCESS", Kind.LOSS, 8);
  /** Only eligible (just-in-time) authorizations reach the scope; none is active. */
  public static final Reason ASSIGNMENT_NOT_ACTIVE = standard("ASSIGNMENT_NOT_ACTIVE", Kind.LOSS, 9);
  /** The active grants hold only roles that do not earn PEC (Reader and the like, or unknown roles). */
  public static final Reason ROLE_NOT_ELIGIBLE = standard("ROLE_NOT_ELIGIBLE", Kind.LOSS, 10);
  /** The grants with eligible roles carry no partner ID (no AOBO, offer or Partner Admin Link). */
  public static final Reason PARTNER_NOT_LINKED = standard("PARTNER_NOT_LINKED", Kind.LOSS, 11);
  /** The linked grants belong to partners other than the billed partner and its reseller. */
  public static final Reason OTHER_PARTNER = standard("OTHER_PARTNER", Kind.LOSS, 12);
  /** Qualifying grants reach the scope, but not for the whole UTC day. */
  public static final Reason PARTIAL_DAY = standard("PARTIAL_DAY", Kind.LOSS, 13);
  /** A rule composed by a caller (a negation, an empty {@code anyOf}) does not hold. */
  public static final Reason RULE_NOT_MET = standard("RULE_NOT_MET", Kind.OTHER, 14);
  /** The record could not be read or validated; it carries no verdict and no money. */
  public static final Reason REJECTED = standard("REJECTED", Kind.OTHER, 15);

  private static final List<Reason> STANDARD = List.of(ELIGIBLE, NOT_IN_PRICE_LIST, THIRD_PARTY, RESERVATION,
      MARKETPLACE, SPOT_VM, BENEFIT_COVERED, AGREEMENT_INACTIVE, NO_ACCESS, ASSIGNMENT_NOT_ACTIVE, ROLE_NOT_ELIGIBLE,
      PARTNER_NOT_LINKED, OTHER_PARTNER, PARTIAL_DAY, RULE_NOT_MET, REJECTED);

  /** The code, in upper case with underscores. */
  private final String name;
  /** What kind of reason the code is. */
  private final Kind kind;
  /** The position among the reasons, for ordering. */
  private final int order;

  private Reason(String name, Kind kind, int order) {
    this.name = name;
    this.kind = kind;
    this.order = order;
  }

  /**
   * A deserialized code is this JVM's code of that name (declared here if a caller declared it elsewhere).
   *
   * @return the code to use in place of the one read
   */
  private Object readResolve() {
    return order == Integer.MAX_VALUE ? declare(name, kind) : BY_NAME.get(name);
  }

  private static Reason standard(String name, Kind kind, int order) {
    Reason r = new Reason(name, kind, order);
    BY_NAME.put(name, r);
    return r;
  }

  /**
   * The code {@code name} for a caller rule that excludes the product: like the standard product codes, a line
   * with it never earns and is no loss. Declaring a name again gives the same code.
   *
   * @param name the reason code, in upper case with underscores
   * @return the reason
   * @throws IllegalArgumentException if {@code name} is not upper case letters, digits and {@code _} (starting
   *     with a letter, at most 64), or names a standard code or a code declared as a loss
   */
  public static Reason productExclusion(String name) {
    return declare(name, Kind.PRODUCT);
  }

  /**
   * The code {@code name} for a caller rule whose failure loses credit the line could have earned: like the
   * access codes, it is counted and explained as a loss. Declaring a name again gives the same code.
   *
   * @param name the reason code, in upper case with underscores
   * @return the reason
   * @throws IllegalArgumentException if {@code name} is not upper case letters, digits and {@code _} (starting
   *     with a letter, at most 64), or names a standard code or a code declared as a product exclusion
   */
  public static Reason loss(String name) {
    return declare(name, Kind.LOSS);
  }

  private static Reason declare(String name, Kind kind) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a reason code is upper case letters, digits and _, starting with a letter,"
          + " at most 64 characters: " + name);
    }
    Reason r = BY_NAME.computeIfAbsent(name, n -> new Reason(n, kind, Integer.MAX_VALUE));
    if (r.order != Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " is a standard reason code");
    }
    if (r.kind != kind) {
      throw new IllegalArgumentException(name + " is already declared as "
          + (r.kind == Kind.PRODUCT ? "a product exclusion" : "a loss"));
    }
    return r;
  }

  /** {@return the standard codes, in order} */
  public static List<Reason> values() {
    return STANDARD;
  }

  /**
   * {@return the standard or declared code of that name}
   *
   * @param name the reason code, in upper case with underscores
   * @throws IllegalArgumentException if no code has that name
   */
  public static Reason valueOf(String name) {
    Reason r = BY_NAME.get(Objects.requireNonNull(name, "name"));
    if (r == null) {
      throw new IllegalArgumentException("no reason code " + name);
    }
    return r;
  }

  /** {@return the code's name, e.g. {@code NO_ACCESS}, as written in every output} */
  public String name() {
    return name;
  }

  /** {@return whether the code is one of the standard codes (not declared by a caller)} */
  public boolean isStandard() {
    return order != Integer.MAX_VALUE;
  }

  /** {@return whether the code says the product can never earn credit} */
  public boolean isProductExclusion() {
    return kind == Kind.PRODUCT;
  }

  /**
   * {@return whether the code says credit was lost for want of an agreement, qualifying access or a caller's condition}
   */
  public boolean isAccessLoss() {
    return kind == Kind.LOSS;
  }

  /** Standard codes in their order, then declared codes by name. */
  @Override
  public int compareTo(Reason o) {
    return order != o.order ? Integer.compare(order, o.order) : name.compareTo(o.name);
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
