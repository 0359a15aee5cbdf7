package org.openpec.access;

import java.util.List;
import java.util.Objects;
import org.openpec.model.AccessGrant;

/**
 * The rows of openpec's grants file (spec §11) as text fields, for a CSV writer to quote and write.
 *
 * <p>Columns, in order: {@code GrantId, PartnerId, Channel, PrincipalId, PrincipalType, RoleDefinitionId,
 * RoleName, Scope, Assignment, GrantedAt, RevokedAt}. Instants are ISO-8601 in UTC ({@code
 * 2026-03-01T08:00:00Z}, as {@link java.time.Instant#toString()} writes them); an absent partner ID or
 * revocation is empty text. Reading the file back gives equal grants.
 */
public final class GrantsCsv {

  /** The header of the grants file, in column order. */
  public static final List<String> HEADER = List.of("GrantId", "PartnerId", "Channel", "PrincipalId",
      "PrincipalType", "RoleDefinitionId", "RoleName", "Scope", "Assignment", "GrantedAt", "RevokedAt");

  private GrantsCsv() {}

  /** The fields of {@code grant}, in the order of {@link #HEADER}. */
  public static List<String> row(AccessGrant grant) {
    Objects.requireNonNull(grant, "grant");
    return List.of(grant.grantId(), grant.partnerId().orElse(""), grant.channel(), grant.principalId(),
        grant.principalType(), grant.roleDefinitionId(), grant.roleName(), grant.scope().path(),
        grant.assignment().name(), grant.grantedAt().toString(),
        grant.revokedAt().map(Object::toString).orElse(""));
  }
}
