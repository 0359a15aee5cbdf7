package org.openpec.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;
import org.openpec.value.PecHashedStyle;
import org.openpec.time.Interval;

/**
 * One Azure role assignment that a partner holds on a customer scope during {@code [grantedAt, revokedAt)}
 * (rules §1, §2, §11).
 *
 * <p>Structural invariants only are checked here: a non-blank grant id, a role given by definition id or by
 * name, and {@code revokedAt} after {@code grantedAt}. Whether the grant earns credit is decided by the rules,
 * never by this type. Text attributes are kept as written except for surrounding spaces. Copies differ in one
 * attribute through {@code withX(..)} (e.g. {@code withRevokedAt}), which re-checks the invariants. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * AccessGrant owner = AccessGrant.builder()
 *     .grantId("G1").partnerId("6034453").channel("AOBO")
 *     .roleName("Owner").scope(Scope.parse("/subscriptions/S"))
 *     .grantedAt(Instant.parse("2026-02-20T08:00:00Z"))
 *     .build();
 * }</pre>
 */
@Value.Immutable
@PecHashedStyle
public abstract class AccessGrant implements WithAccessGrant {

  AccessGrant() {}

  /** {@return a builder; {@code grantId}, {@code scope}, {@code grantedAt} and a role are required} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AccessGrant}; not thread-safe. */
  public static final class Builder extends ImmutableAccessGrant.Builder {
    Builder() {}
  }

  /** {@return the grant's identifier: the role-assignment id, or any id the partner keeps} */
  public abstract String grantId();

  /**
   * The partner ID the grant is attributed to (AOBO, Lighthouse offer, Partner Admin Link); empty when the
   * grant is unattributed. An unattributed grant never earns credit.
    *
    * @return the partner ID, or empty when the grant names none
   */
  public abstract Optional<String> partnerId();

  /**
   * {@return how the access was obtained: {@code AOBO}, {@code LIGHTHOUSE_OFFER}, ..} Informational; empty if unknown.
   */
  @Value.Default
  public String channel() {
    return "";
  }

  /** {@return the object id of the principal that holds the role; empty if unknown} */
  @Value.Default
  public String principalId() {
    return "";
  }

  /** {@return the principal's type ({@code Group}, {@code User}, {@code ServicePrincipal}, ...); empty if unknown} */
  @Value.Default
  public String principalType() {
    return "";
  }

  /** {@return the role-definition GUID or ARM path; empty if only the name is known} */
  @Value.Default
  public String roleDefinitionId() {
    return "";
  }

  /** {@return the role's name; empty if only the definition id is known} */
  @Value.Default
  public String roleName() {
    return "";
  }

  /** {@return the scope the role is assigned on} */
  public abstract Scope scope();

  /** {@return whether the assignment is standing or just-in-time} */
  @Value.Default
  public Assignment assignment() {
    return Assignment.ACTIVE;
  }

  /** {@return the first instant the role is held} */
  public abstract Instant grantedAt();

  /** {@return the first instant the role is no longer held; empty while still held} */
  public abstract Optional<Instant> revokedAt();

  /** {@return {@code [grantedAt, revokedAt)}, open-ended while still held} */
  @Value.Derived
  @Value.Auxiliary
  public Interval interval() {
    return Interval.of(grantedAt(), revokedAt().orElse(Interval.UNBOUNDED));
  }

  /** {@return whether the grant carries a non-blank partner ID} */
  public boolean isAttributed() {
    return partnerId().filter(p -> !p.isBlank()).isPresent();
  }

  /** {@return the role for display: its name, else its definition id} */
  public String roleLabel() {
    return roleName().isBlank() ? roleDefinitionId() : roleName();
  }

  @Value.Check
  void check() {
    if (grantId().isBlank()) {
      throw new IllegalArgumentException("grantId must not be blank");
    }
    if (roleDefinitionId().isBlank() && roleName().isBlank()) {
      throw new IllegalArgumentException("grant " + grantId() + " needs a roleDefinitionId or a roleName");
    }
    if (revokedAt().isPresent() && !revokedAt().get().isAfter(grantedAt())) {
      throw new IllegalArgumentException("grant " + grantId() + ": revokedAt must be after grantedAt, was "
          + revokedAt().get() + " <= " + grantedAt());
    }
  }
}
