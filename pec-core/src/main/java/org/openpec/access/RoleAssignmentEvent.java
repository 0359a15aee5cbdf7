package org.openpec.access;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.openpec.model.Scope;

/**
 * One Activity Log event of a role-assignment operation ({@code Microsoft.Authorization/roleAssignments/write}
 * or {@code /delete}), with what its request and response bodies say about the assignment.
 *
 * <p>Events of every status are kept: only {@link #isSucceeded() succeeded} ones change an assignment's
 * lifetime, but a {@code Started} event of the same operation often carries the request body that the {@code
 * Succeeded} one lacks. Text fields are empty when the event does not say. Immutable and thread-safe.
 *
 * @param operation a write (create or update) or a delete
 * @param status the status as written: {@code status.value} of the REST/CLI schema, or {@code resultType} of
 *     the archived-record schema (e.g. {@code Succeeded}, {@code Started}, {@code Failed}, {@code Success})
 * @param at when the event happened: {@code eventTimestamp} (REST/CLI) or {@code time} (archived records)
 * @param assignmentId the role-assignment id in canonical form, case as written
 * @param scope the assignment's scope: from the bodies, else the scope part of the id
 * @param roleDefinitionId the role definition id (GUID or ARM path); empty if not known from this event
 * @param principalId the object id of the principal; empty if not known from this event
 * @param principalType {@code User}, {@code Group}, {@code ServicePrincipal}, ...; empty if not known
 * @param createdOn the assignment's {@code createdOn} from the response body, when present
 * @param updatedOn the assignment's {@code updatedOn} from the response body, when present: after {@code
 *     createdOn}, the write updated an assignment that already existed
 * @param correlationId the event's {@code correlationId}, shared by the events of one operation; may be empty
 * @param position where the event starts in its file
 */
public record RoleAssignmentEvent(Operation operation, String status, Instant at, String assignmentId, Scope scope,
    String roleDefinitionId, String principalId, String principalType, Optional<Instant> createdOn,
    Optional<Instant> updatedOn, String correlationId, SourcePosition position) {

  /**
   * The two operations on a role assignment that the Activity Log records, in the order they apply when they
   * happen at the same instant.
   */
  public enum Operation {
    /** {@code Microsoft.Authorization/roleAssignments/write}: creates the assignment (or updates it). */
    WRITE,
    /** {@code Microsoft.Authorization/roleAssignments/delete}: deletes the assignment. */
    DELETE
  }

  /**
   * Validates the event.
   *
   * @param operation what the event did
   * @param status the event's status ({@code Succeeded}, …)
   * @param at when the event happened
   * @param assignmentId the role assignment id
   * @param scope the scope
   * @param roleDefinitionId the role definition id (a GUID)
   * @param principalId the Azure AD object id of the principal
   * @param principalType the principal's type ({@code User}, {@code Group}, {@code ServicePrincipal}, …)
   * @param createdOn when the assignment was created, if known
   * @param updatedOn when the assignment was last updated, if known
   * @param correlationId the id that ties the event's records together
   * @param position where in the file the value starts
   */
  public RoleAssignmentEvent {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(roleDefinitionId, "roleDefinitionId");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(principalType, "principalType");
    Objects.requireNonNull(createdOn, "createdOn");
    Objects.requireNonNull(updatedOn, "updatedOn");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(position, "position");
    if (!AssignmentIds.isAssignmentId(assignmentId)) {
      throw new IllegalArgumentException("not a role-assignment id: \"" + assignmentId + "\"");
    }
    assignmentId = AssignmentIds.canonical(assignmentId);
  }

  /** {@return whether the operation succeeded ({@code Succeeded}, or {@code Success} in archived records; any case)} */
  public boolean isSucceeded() {
    return status.equalsIgnoreCase("Succeeded") || status.equalsIgnoreCase("Success");
  }

  /**
   * Whether the response body shows a write that updated an existing assignment rather than created it: its
   * {@code updatedOn} is after its {@code createdOn}.
    *
    * @return whether it is an update
   */
  public boolean isUpdate() {
    return operation == Operation.WRITE && createdOn.isPresent() && updatedOn.isPresent()
        && updatedOn.get().isAfter(createdOn.get());
  }

  /** {@return the comparison key of the assignment: its id in lower case} */
  public String assignmentKey() {
    return AssignmentIds.key(assignmentId);
  }
}
