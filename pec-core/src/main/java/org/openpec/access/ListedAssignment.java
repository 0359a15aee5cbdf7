package org.openpec.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openpec.model.Scope;

/**
 * One entry of a role-assignment listing ({@code az role assignment list --all --include-inherited -o json}):
 * an assignment that existed when the listing was taken.
 *
 * <p>An inherited assignment (one made on a management group or the root, listed because of {@code
 * --include-inherited}) keeps its own scope here; whether it covers a subscription is decided later from the
 * management-group hierarchy (rules §4). Text fields are empty when the listing does not say. Immutable and
 * thread-safe.
 *
 * @param assignmentId the role-assignment id ({@code id}), canonical form, case as written
 * @param scope the assignment's own scope ({@code scope}, else the scope part of the id)
 * @param roleDefinitionId {@code roleDefinitionId}; empty if absent
 * @param roleName {@code roleDefinitionName}; empty if absent
 * @param principalId {@code principalId}; empty if absent
 * @param principalType {@code principalType}; empty if absent
 * @param createdOn {@code createdOn}, when present: the instant the assignment was created
 * @param position where the entry starts in its listing
 */
public record ListedAssignment(String assignmentId, Scope scope, String roleDefinitionId, String roleName,
    String principalId, String principalType, Optional<Instant> createdOn, SourcePosition position) {

  /**
   * Validates the entry.
   *
   * @param assignmentId the role assignment id
   * @param scope the scope
   * @param roleDefinitionId the role definition id (a GUID)
   * @param roleName the role's display name
   * @param principalId the Azure AD object id of the principal
   * @param principalType the principal's type ({@code User}, {@code Group}, {@code ServicePrincipal}, …)
   * @param createdOn when the assignment was created, if known
   * @param position where in the file the value starts
   */
  public ListedAssignment {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(roleDefinitionId, "roleDefinitionId");
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(principalType, "principalType");
    Objects.requireNonNull(createdOn, "createdOn");
    Objects.requireNonNull(position, "position");
    if (!AssignmentIds.isAssignmentId(assignmentId)) {
      throw new IllegalArgumentException("not a role-assignment id: \"" + assignmentId + "\"");
    }
    assignmentId = AssignmentIds.canonical(assignmentId);
  }

  /** {@return the comparison key of the assignment: its id in lower case} */
  public String assignmentKey() {
    return AssignmentIds.key(assignmentId);
  }
}
