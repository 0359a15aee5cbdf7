package org.openpec.access;

import java.util.Objects;
import java.util.Optional;
import org.openpec.model.Scope;
import org.openpec.time.Interval;

/**
 * A time over which the sources cannot say whether an assignment was held, and what the import assumed.
 *
 * <p>Two cases arise. Between two listings where an assignment appears or disappears, the exact time is
 * unknown: the import counts it as <em>not held</em> over the window. Before the first event of an Activity Log
 * export, an assignment deleted without a create in the export is counted as <em>held</em> from the start of the
 * window, but the log cannot prove it. Either way, usage days that the window overlaps are uncertain, and an
 * explanation can say so. A window that another source covers with certainty is not reported. Immutable and
 * thread-safe.
 *
 * @param assignmentId the role-assignment id
 * @param scope the assignment's scope
 * @param principalId the principal's object id; empty if no source names it
 * @param roleDefinitionId the role definition id; empty if no source names it
 * @param partnerId the partner ID the principal is attributed to, if any
 * @param interval the uncertain time, {@code [start, end)}
 * @param why a sentence saying what is unknown and what was assumed, naming the instants and files
 */
public record UncertainWindow(String assignmentId, Scope scope, String principalId, String roleDefinitionId,
    Optional<String> partnerId, Interval interval, String why) {

  /**
   * Validates the window.
   *
   * @param assignmentId the role assignment id
   * @param scope the scope
   * @param principalId the Azure AD object id of the principal
   * @param roleDefinitionId the role definition id (a GUID)
   * @param partnerId the partner ID (MPN id)
   * @param interval the interval
   * @param why why the window is uncertain, a human sentence
   */
  public UncertainWindow {
    Objects.requireNonNull(assignmentId, "assignmentId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(roleDefinitionId, "roleDefinitionId");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(why, "why");
  }

  /**
   * Whether this window bears on the usage of {@code resource} over {@code day}: the assignment's scope covers
   * the resource (rules §4, by path; management-group scopes cover only themselves here) and the window overlaps
   * the day.
   *
   * @param resource the resource's scope
   * @param day the UTC usage day
   * @return whether the window affects the resource on the day
   */
  public boolean affects(Scope resource, Interval day) {
    return scope.covers(resource) && interval.overlaps(day);
  }
}
