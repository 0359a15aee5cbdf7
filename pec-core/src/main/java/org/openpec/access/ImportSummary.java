package org.openpec.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openpec.time.Interval;

/**
 * The counts of one import, for the run summary of {@code pec grants}: what was read, what it gave, and who is
 * not attributed. Immutable and thread-safe.
 *
 * @param activityLogFiles the Activity Log files read
 * @param activityLogEvents every event of those files, malformed ones included
 * @param roleAssignmentChanges the succeeded role-assignment writes and deletes among them
 * @param activityLogWindow {@code [start, end)} of the Activity Log: from {@code since} (or the earliest event,
 *     whichever is earlier) to {@code until} (or the latest event); empty without events, or when it has no
 *     length
 * @param snapshots the role-assignment listings given
 * @param snapshotsLeftOut the listings left out because a syntax error cut them short
 * @param listedAssignments the entries of the listings used
 * @param assignments the distinct role assignments that gave at least one grant
 * @param grants the grants made
 * @param attributedGrants the grants attributed to a partner ID
 * @param mappedPrincipals the distinct principals of the grants that the principals file attributes to a partner
 * @param unmappedPrincipals the principals of the grants that the principals file does not list, each once,
 *     sorted by principal id
 * @param uncertainWindows the uncertain windows reported
 * @param problems the problems reported
 */
public record ImportSummary(int activityLogFiles, long activityLogEvents, long roleAssignmentChanges,
    Optional<Interval> activityLogWindow, int snapshots, int snapshotsLeftOut, long listedAssignments,
    int assignments, int grants, int attributedGrants, int mappedPrincipals,
    List<UnmappedPrincipal> unmappedPrincipals, int uncertainWindows, int problems) {

  /**
   * A principal that holds imported grants but is not in the principals file.
   *
   * @param principalId its object id (empty when no source names it)
   * @param principalType its type as the sources say, empty if unknown
   * @param grants how many of the imported grants it holds
   */
  public record UnmappedPrincipal(String principalId, String principalType, int grants) {
    /**
     * Validates the entry.
     *
     * @param principalId the Azure AD object id of the principal
     * @param principalType the principal's type ({@code User}, {@code Group}, {@code ServicePrincipal}, …)
     * @param grants the grants, in input order
     */
    public UnmappedPrincipal {
      Objects.requireNonNull(principalId, "principalId");
      Objects.requireNonNull(principalType, "principalType");
    }
  }

  /**
   * Validates and freezes the summary.
   *
   * @param activityLogFiles the number of activity-log files
   * @param activityLogEvents the number of activity-log events
   * @param roleAssignmentChanges the number of role-assignment changes
   * @param activityLogWindow the period the activity logs cover
   * @param snapshots the role-assignment listings
   * @param snapshotsLeftOut the number of listings left out
   * @param listedAssignments the number of listed assignments
   * @param assignments the listed assignments, in file order
   * @param grants the grants, in input order
   * @param attributedGrants the number of grants attributed to a partner
   * @param mappedPrincipals the number of principals a mapping names
   * @param unmappedPrincipals the number of principals no mapping names
   * @param uncertainWindows the windows in which access is not known
   * @param problems the problems found, in input order
   */
  public ImportSummary {
    Objects.requireNonNull(activityLogWindow, "activityLogWindow");
    unmappedPrincipals = List.copyOf(unmappedPrincipals);
  }

  /**
   * The summary as short English lines for a terminal: one line of counts per kind of source, one for the
   * grants, one per unmapped principal, one for uncertain windows and problems.
    *
    * @return the lines of the summary, in order
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    if (activityLogFiles > 0) {
      out.add("activity log: " + activityLogFiles + " file(s), " + activityLogEvents + " event(s), "
          + roleAssignmentChanges + " role-assignment change(s)"
          + activityLogWindow.map(w -> ", window " + w).orElse(""));
    }
    if (snapshots > 0) {
      out.add("snapshots: " + snapshots + " listing(s)" + (snapshotsLeftOut > 0 ? " (" + snapshotsLeftOut
          + " left out)" : "") + ", " + listedAssignments + " listed assignment(s)");
    }
    out.add("grants: " + grants + " from " + assignments + " assignment(s); " + attributedGrants + " attributed, "
        + (grants - attributedGrants) + " unattributed; principals mapped " + mappedPrincipals + ", unmapped "
        + unmappedPrincipals.size());
    for (UnmappedPrincipal p : unmappedPrincipals) {
      out.add("  unmapped principal " + (p.principalId().isEmpty() ? "(unknown)" : p.principalId())
          + (p.principalType().isEmpty() ? "" : " (" + p.principalType() + ")") + ": " + p.grants()
          + " grant(s)");
    }
    out.add("uncertain windows: " + uncertainWindows + "; problems: " + problems);
    return out;
  }
}
