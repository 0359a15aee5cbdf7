package org.openpec.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openpec.model.Scope;

/**
 * One file of an Azure Activity Log export, read for its role-assignment events.
 *
 * <p>Two documented shapes are read, told apart by their content:
 *
 * <ul>
 *   <li>the JSON array that {@code az monitor activity-log list} prints: events in the REST schema of the
 *       "Azure Activity Log event schema" page, Administrative category ({@code eventTimestamp}, {@code
 *       operationName.value}, {@code status.value}, {@code resourceId}, {@code authorization.scope}, {@code
 *       correlationId}, {@code properties});
 *   <li>the files a diagnostic setting archives to a storage account ({@code PT1H.json}): records in the
 *       resource-log schema of the same page, section "Schema from storage account and event hubs" ({@code time},
 *       {@code operationName} as plain text, {@code resultType} for {@code status.value}, {@code
 *       identity.authorization}, {@code properties}), one per line (JSON Lines, since November 2018, as the page
 *       "Prepare for format change to Azure Monitor platform logs archived to a storage account" describes), or
 *       inside {@code {"records": [...]}} (before).
 * </ul>
 *
 * <p>Sources followed (Microsoft Learn): the event schema,
 * https://learn.microsoft.com/azure/azure-monitor/essentials/activity-log-schema (Administrative category; "Schema
 * from storage account and event hubs"); the archive format,
 * https://learn.microsoft.com/azure/azure-monitor/essentials/resource-logs-blob-format; the role-assignment
 * events and their request body, https://learn.microsoft.com/azure/role-based-access-control/change-history-report;
 * the response body, the RoleAssignment resource of
 * https://learn.microsoft.com/rest/api/authorization/role-assignments/create.
 *
 * <p>Every event is counted and its time bounds the export's window; events of other operations are counted and
 * left alone. A malformed event (not an object, no operation, no time, a role-assignment event that names no
 * assignment, a body that is not JSON) is reported as a problem with its position, never skipped silently.
 * Immutable and thread-safe.
 *
 * @param file the file's name as given
 * @param events the role-assignment events, in file order, of any status
 * @param firstEventAt the earliest time of any readable event of the file
 * @param lastEventAt the latest time of any readable event of the file
 * @param eventsRead every event of the file, malformed ones included
 * @param otherEvents the readable events of operations other than role-assignment writes and deletes
 * @param problems what could not be used, in file order
 * @param isComplete false when a syntax error stopped the reading before the end of the file
 */
public record ActivityLog(String file, List<RoleAssignmentEvent> events, Optional<Instant> firstEventAt,
    Optional<Instant> lastEventAt, long eventsRead, long otherEvents, List<ImportProblem> problems,
    boolean isComplete) {

  /** {@code Microsoft.Authorization/roleAssignments/write}: the operation name of a create (or update). */
  public static final String WRITE_OPERATION = "Microsoft.Authorization/roleAssignments/write";
  /** {@code Microsoft.Authorization/roleAssignments/delete}: the operation name of a delete. */
  public static final String DELETE_OPERATION = "Microsoft.Authorization/roleAssignments/delete";

  /**
   * Validates and freezes the log.
   *
   * @param file the name to report problems under (e.g. the file name without folders)
   * @param events the events, in file order
   * @param firstEventAt the time of the first event, if any
   * @param lastEventAt the time of the last event, if any
   * @param eventsRead the number of events read
   * @param otherEvents the number of events that are not role-assignment changes
   * @param problems the problems found, in input order
   * @param isComplete whether the file was read to its end without a fatal problem
   */
  public ActivityLog {
    Objects.requireNonNull(file, "file");
    events = List.copyOf(events);
    Objects.requireNonNull(firstEventAt, "firstEventAt");
    Objects.requireNonNull(lastEventAt, "lastEventAt");
    problems = List.copyOf(problems);
  }

  /**
   * Reads one export file. The reader is read to its end and not closed; a byte-order mark is ignored.
   *
   * @param in the text to read; not closed
   * @param file the name to report problems under (e.g. the file name without folders)
   * @return the log's events, with the malformed ones as problems
   * @throws IOException when {@code in} fails; malformed JSON is a problem, not an exception
   */
  public static ActivityLog read(String file, Reader in) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(in, "in");
    Reading r = new Reading(file);
    Json.Outcome outcome = Json.readElements(file, in, r::accept, r.problems);
    return new ActivityLog(file, r.events, Optional.ofNullable(r.first), Optional.ofNullable(r.last),
        outcome.elements(), r.other, r.problems, outcome.isComplete());
  }

  /** The state of one reading; problems are kept in file order. */
  private static final class Reading {
    final String file;
    final List<RoleAssignmentEvent> events = new ArrayList<>();
    final List<ImportProblem> problems = new ArrayList<>();
    Instant first;
    Instant last;
    long other;

    Reading(String file) {
      this.file = file;
    }

    void accept(Json.Element element) {
      SourcePosition at = element.position();
      String event = "event " + at.index() + ": ";
      Object e = element.value();
      if (!(e instanceof java.util.Map<?, ?>)) {
        problems.add(at.problem(event + "not a JSON object"));
        return;
      }
      // operationName: an object {value, localizedValue} in the REST/CLI schema, plain text in archived records.
      String operationName = Json.text(Json.field(e, "operationName"));
      if (operationName.isEmpty()) {
        problems.add(at.problem(event + "no operationName"));
        return;
      }
      // eventTimestamp (REST/CLI) is time (archived records) in the mapping table of the schema page.
      String timeField = Json.field(e, "eventTimestamp").isPresent() ? "eventTimestamp" : "time";
      String timeText = Json.text(Json.field(e, timeField));
      if (timeText.isEmpty()) {
        problems.add(at.problem(event + "no eventTimestamp or time"));
        return;
      }
      Instant when;
      try {
        when = Json.instant(timeText);
      } catch (DateTimeParseException ex) {
        problems.add(at.problem(event + timeField + " must be an ISO-8601 instant, was \"" + timeText + "\""));
        return;
      }
      first = first == null || when.isBefore(first) ? when : first;
      last = last == null || when.isAfter(last) ? when : last;
      RoleAssignmentEvent.Operation operation;
      if (operationName.equalsIgnoreCase(WRITE_OPERATION)) {
        operation = RoleAssignmentEvent.Operation.WRITE;
      } else if (operationName.equalsIgnoreCase(DELETE_OPERATION)) {
        operation = RoleAssignmentEvent.Operation.DELETE;
      } else {
        other++;
        return;
      }
      roleAssignmentEvent(e, operation, operationName, when, at, event);
    }

    private void roleAssignmentEvent(Object e, RoleAssignmentEvent.Operation operation, String operationName,
        Instant when, SourcePosition at, String event) {
      // status.value (REST/CLI) is resultType (archived records).
      String status = Json.text(Json.field(e, "status"));
      if (status.isEmpty()) {
        status = Json.text(Json.field(e, "resultType"));
      }
      if (status.isEmpty()) {
        problems.add(at.problem(event + operationName + " has neither status nor resultType"));
        return;
      }
      // properties.requestbody and properties.responseBody hold the HTTP bodies as JSON text ("View activity logs
      // for Azure RBAC changes": the request body is {"Id": name, "Properties": {"PrincipalId", "RoleDefinitionId",
      // "Scope"}}; the response is the RoleAssignment resource of the Authorization REST API: {"id", "name",
      // "properties": {"roleDefinitionId", "principalId", "principalType", "scope", "createdOn", ...}}). Archived
      // records may nest them once more under properties.eventProperties.
      Object properties = Json.field(e, "properties").orElse(null);
      Object request = body(properties, "requestbody", at, event);
      Object response = body(properties, "responseBody", at, event);
      String id = assignmentId(e, request, response);
      if (id.isEmpty()) {
        String resourceId = Json.text(Json.field(e, "resourceId"));
        problems.add(at.problem(event + operationName + " names no role assignment: resourceId is \""
            + resourceId + "\" and no body gives an id"));
        return;
      }
      String scopeText = firstNonEmpty(Json.text(Json.path(response, "properties", "scope")),
          Json.text(Json.path(request, "properties", "scope")));
      Optional<String> malformed = scopeText.isEmpty() ? AssignmentIds.scopeMalformation(id)
          : Scope.malformation(scopeText);
      Scope scope;
      if (malformed.isPresent()) {
        String shown = scopeText.isEmpty() ? id : scopeText;
        if (operation == RoleAssignmentEvent.Operation.WRITE) {
          problems.add(at.problem(event + operationName + " of " + id + ": scope \"" + shown
              + "\" is not a grant scope (" + malformed.get() + "), so no grant is made"));
          return;
        }
        // a delete still ends the assignment it names; its scope grants nothing
        problems.add(at.problem(event + operationName + " of " + id + ": scope \"" + shown
            + "\" is not a grant scope (" + malformed.get() + ")"));
        scope = Scope.parse("/");
      } else {
        scope = scopeText.isEmpty() ? AssignmentIds.scopeOf(id) : Scope.parse(scopeText);
      }
      String roleDefinitionId = firstNonEmpty(Json.text(Json.path(response, "properties", "roleDefinitionId")),
          Json.text(Json.path(request, "properties", "roleDefinitionId")));
      String principalId = firstNonEmpty(Json.text(Json.path(response, "properties", "principalId")),
          Json.text(Json.path(request, "properties", "principalId")));
      String principalType = firstNonEmpty(Json.text(Json.path(response, "properties", "principalType")),
          Json.text(Json.path(request, "properties", "principalType")));
      Optional<Instant> createdOn = responseInstant(response, "createdOn", at, event);
      Optional<Instant> updatedOn = responseInstant(response, "updatedOn", at, event);
      String correlationId = Json.text(Json.field(e, "correlationId"));
      events.add(new RoleAssignmentEvent(operation, status, when, id, scope, roleDefinitionId, principalId,
          principalType, createdOn, updatedOn, correlationId, at));
    }

    private Optional<Instant> responseInstant(Object response, String name, SourcePosition at, String event) {
      String text = Json.text(Json.path(response, "properties", name));
      if (text.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(Json.instant(text));
      } catch (DateTimeParseException ex) {
        problems.add(at.problem(event + "responseBody properties." + name + " must be an ISO-8601 instant, was \""
            + text + "\""));
        return Optional.empty();
      }
    }

    /** The first role-assignment id among the documented places that can hold one. */
    private static String assignmentId(Object e, Object request, Object response) {
      // The authorization scope keeps the case as written; archived records spell resourceId in upper case.
      String[] candidates = {
        Json.text(Json.field(response, "id")),
        Json.text(Json.path(e, "authorization", "scope")),
        Json.text(Json.path(e, "identity", "authorization", "scope")),
        Json.text(Json.field(e, "resourceId")),
      };
      for (String candidate : candidates) {
        if (AssignmentIds.isAssignmentId(candidate)) {
          return candidate;
        }
      }
      String scope = Json.text(Json.path(request, "properties", "scope"));
      String name = Json.text(Json.field(request, "id"));
      if (!scope.isEmpty() && !name.isEmpty() && name.indexOf('/') < 0) {
        return AssignmentIds.of(scope, name);
      }
      return "";
    }

    private Object body(Object properties, String name, SourcePosition at, String event) {
      Optional<Object> raw = Json.field(properties, name);
      if (raw.isEmpty()) {
        raw = Json.path(properties, "eventProperties", name);
      }
      Object value = raw.orElse(null);
      if (value instanceof String s) {
        if (s.isBlank()) {
          return null;
        }
        try {
          return Json.parse(s);
        } catch (JsonProcessingException ex) {
          problems.add(at.problem(event + "properties." + name + " is not valid JSON: " + ex.getOriginalMessage()));
          return null;
        }
      }
      return value;
    }

    private static String firstNonEmpty(String a, String b) {
      return a.isEmpty() ? b : a;
    }
  }
}
