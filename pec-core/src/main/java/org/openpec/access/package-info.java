/**
 * Access history from Azure's own records: Activity Log exports and role-assignment listings turned into the
 * {@link org.openpec.model.AccessGrant}s that {@link org.openpec.PecCalculator} evaluates.
 *
 * <p>The flow is sources in, grants out:
 *
 * <ol>
 *   <li>read each file: {@link org.openpec.access.ActivityLog#read ActivityLog.read} for the JSON array of
 *       {@code az monitor activity-log list} and for the JSON-lines {@code records} files that diagnostic settings
 *       archive to storage; {@link org.openpec.access.RoleAssignmentSnapshot#read RoleAssignmentSnapshot.read}
 *       for the listings of {@code az role assignment list --all --include-inherited -o json}, each with the
 *       instant it was taken;
 *   <li>give them, with the {@link org.openpec.access.PrincipalDirectory} (the principals file) and the window,
 *       to {@link org.openpec.access.AccessImport}, which rebuilds each assignment's lifetimes, merges the
 *       sources by role-assignment id and attributes the grants;
 *   <li>use the {@link org.openpec.access.ImportResult}: the grants (evaluate them, or write them as a grants
 *       file, as {@code pec grants} does), the {@link org.openpec.access.UncertainWindow}s for
 *       explanations, the {@link org.openpec.access.ImportProblem}s (each malformed event with its file, line and
 *       column) and the {@link org.openpec.access.ImportSummary}.
 * </ol>
 *
 * <pre>{@code
 * ActivityLog log = ActivityLog.read("activity.json", reader);
 * ImportResult r = AccessImport.builder()
 *     .principals(PrincipalDirectory.of(List.of(new PrincipalMapping(adminAgentsGroupId, "6034453", "AOBO"))))
 *     .since(Instant.parse("2026-03-01T00:00:00Z"))
 *     .addActivityLogs(log)
 *     .build()
 *     .run();
 * r.problems().forEach(System.err::println);   // activity.json:41:3: event 7: no operationName
 * PecCalculator pec = PecCalculator.builder().addAllGrants(r.grants()).build();
 * }</pre>
 *
 * <p>Nothing here opens files: callers pass readers and the names to report problems under.
 */
@PecStyle
package org.openpec.access;

import org.openpec.value.PecStyle;
