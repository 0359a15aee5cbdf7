package org.openpec.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure RBAC role as the PEC catalogue knows it: its English name, its role-definition GUID (when known)
 * and whether it earns PEC (rules §3). Immutable and thread-safe.
 */
public final class Role {

  private final String name;
  private final String definitionId;
  private final boolean pecEligible;

  private Role(String name, String definitionId, boolean pecEligible) {
    this.name = name;
    this.definitionId = definitionId;
    this.pecEligible = pecEligible;
  }

  /**
   * {@return a role}
   *
   * @param name the role's name, trimmed; must not be blank
   * @param definitionId the role-definition GUID, a bare GUID or an ARM path ending in
   *     {@code /roleDefinitions/{guid}}; empty when unknown
   * @param pecEligible whether holding the role earns PEC
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Role of(String name, String definitionId, boolean pecEligible) {
    String n = Objects.requireNonNull(name, "name").trim();
    if (n.isEmpty()) {
      throw new IllegalArgumentException("role name must not be blank");
    }
    return new Role(n, normaliseDefinitionId(Objects.requireNonNull(definitionId, "definitionId")), pecEligible);
  }

  /**
   * The comparison form of a role-definition reference: the GUID after the last {@code /roleDefinitions/}
   * segment (matched case-insensitively) or the whole trimmed text, in lower case.
   *
   * @param reference a role definition id or ARM reference
   * @return the normalised id
   */
  public static String normaliseDefinitionId(String reference) {
    String s = reference.trim().toLowerCase(Locale.ROOT);
    int at = s.lastIndexOf("/roledefinitions/");
    if (at >= 0) {
      s = s.substring(at + "/roledefinitions/".length());
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.trim();
  }

  /** {@return the English name, as written in the catalogue} */
  public String name() {
    return name;
  }

  /** {@return the role-definition GUID in lower case, when known} */
  public Optional<String> definitionId() {
    return definitionId.isEmpty() ? Optional.empty() : Optional.of(definitionId);
  }

  /** {@return whether holding this role earns PEC} */
  public boolean isPecEligible() {
    return pecEligible;
  }

  /**
   * {@return this role with another eligibility}
   *
   * @param eligible whether the role earns PEC
   */
  public Role withPecEligible(boolean eligible) {
    return new Role(name, definitionId, eligible);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Role other && name.equalsIgnoreCase(other.name) && definitionId.equals(other.definitionId)
        && pecEligible == other.pecEligible;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name.toLowerCase(Locale.ROOT), definitionId, pecEligible);
  }

  @Override
  public String toString() {
    return name + (pecEligible ? "" : " (not PEC-eligible)");
  }
}
