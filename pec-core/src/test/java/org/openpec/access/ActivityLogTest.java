package org.openpec.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpec.access.Fixtures.*;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.access.RoleAssignmentEvent.Operation;
import org.openpec.model.Scope;

class ActivityLogTest {

  @Nested
  class TheCliArray {

    private final ActivityLog log = log("cli-create-delete.json");

    @Test
    void keepsTheRoleAssignmentEventsOfEveryStatusAndCountsTheOthers() {
      assertThat(log.problems()).isEmpty();
      assertThat(log.isComplete()).isTrue();
      assertThat(log.eventsRead()).isEqualTo(5);
      assertThat(log.otherEvents()).isEqualTo(1);
      assertThat(log.events()).extracting(RoleAssignmentEvent::operation, RoleAssignmentEvent::status,
          RoleAssignmentEvent::at).containsExactly(
              tuple(Operation.DELETE, "Succeeded", at("2026-03-20T14:30:00.1234567Z")),
              tuple(Operation.DELETE, "Started", at("2026-03-20T14:29:58Z")),
              tuple(Operation.WRITE, "Succeeded", at("2026-03-02T09:15:07Z")),
              tuple(Operation.WRITE, "Started", at("2026-03-02T09:15:05Z")));
      assertThat(log.firstEventAt()).contains(at("2026-03-02T09:15:05Z"));
      assertThat(log.lastEventAt()).contains(at("2026-03-20T14:30:00.1234567Z"));
    }

    @Test
    void takesTheAssignmentFromTheResponseBodyOfADelete() {
      RoleAssignmentEvent delete = log.events().get(0);
      assertThat(delete.assignmentId()).isEqualTo(assignmentId(SUB, 1));
      assertThat(delete.scope()).isEqualTo(Scope.parse(SUB));
      assertThat(delete.roleDefinitionId()).isEqualTo(roleDefinition(OWNER));
      assertThat(delete.principalId()).isEqualTo(ADMIN_AGENTS);
      assertThat(delete.principalType()).isEqualTo("ForeignGroup");
      assertThat(delete.createdOn()).contains(at("2026-03-02T09:15:06.54321Z"));
      assertThat(delete.isSucceeded()).isTrue();
    }

    @Test
    void takesTheAssignmentFromTheRequestBodyOfAStartedWrite() {
      RoleAssignmentEvent started = log.events().get(3);
      assertThat(started.isSucceeded()).isFalse();
      assertThat(started.roleDefinitionId()).isEqualTo(roleDefinition(OWNER));
      assertThat(started.principalId()).isEqualTo(ADMIN_AGENTS);
      RoleAssignmentEvent succeeded = log.events().get(2);
      assertThat(succeeded.principalId()).as("only a status code in the succeeded event").isEmpty();
      assertThat(succeeded.correlationId()).isEqualTo(started.correlationId());
    }

    @Test
    void locatesEachEventByLineAndIndex() {
      assertThat(log.events().get(0).position()).isEqualTo(new SourcePosition("cli-create-delete.json", 2, 3, 1));
      assertThat(log.events().get(3).position().index()).isEqualTo(5);
    }
  }

  @Test
  void readsArchivedRecordsOnePerLine() {
    ActivityLog log = log("records-delete-only.json");
    assertThat(log.problems()).isEmpty();
    assertThat(log.eventsRead()).isEqualTo(2);
    assertThat(log.events()).singleElement().satisfies(e -> {
      assertThat(e.operation()).isEqualTo(Operation.DELETE);
      assertThat(e.status()).isEqualTo("Success");
      assertThat(e.isSucceeded()).isTrue();
      assertThat(e.assignmentKey()).isEqualTo(assignmentId(RG, 2).toLowerCase(java.util.Locale.ROOT));
      assertThat(e.scope().path()).isEqualTo(RG);
      assertThat(e.principalId()).isEqualTo(LIGHTHOUSE);
      assertThat(e.position()).isEqualTo(new SourcePosition("records-delete-only.json", 2, 1, 2));
    });
    assertThat(log.firstEventAt()).contains(at("2026-03-03T10:00:00Z"));
  }

  @Test
  void readsTheRecordsWrapperOfTheOlderArchiveFormat() {
    ActivityLog log = log("records-recreate.json");
    assertThat(log.problems()).isEmpty();
    assertThat(log.events()).extracting(RoleAssignmentEvent::operation).containsExactly(Operation.WRITE,
        Operation.DELETE, Operation.WRITE);
    assertThat(log.events()).extracting(e -> e.position().line()).doesNotHaveDuplicates().allMatch(l -> l > 2);
  }

  @Test
  void reportsMalformedEventsWithTheirPositionAndReadsTheRest() {
    ActivityLog log = log("records-malformed.json");
    assertThat(log.eventsRead()).isEqualTo(8);
    assertThat(log.isComplete()).isTrue();
    assertThat(log.problems()).extracting(ImportProblem::line, ImportProblem::column)
        .containsExactly(tuple(2L, 114), tuple(3L, 1), tuple(4L, 1), tuple(5L, 1), tuple(7L, 1), tuple(8L, 1));
    assertThat(log.problems()).extracting(ImportProblem::message).satisfiesExactly(
        m -> assertThat(m).startsWith("event 2: not valid JSON"),
        m -> assertThat(m).isEqualTo("event 3: not a JSON object"),
        m -> assertThat(m).isEqualTo("event 4: no operationName"),
        m -> assertThat(m).isEqualTo("event 5: time must be an ISO-8601 instant, was \"yesterday\""),
        m -> assertThat(m).startsWith("event 6: MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE names no role "
            + "assignment: resourceId is \"/SUBSCRIPTIONS/"),
        m -> assertThat(m).startsWith("event 7: properties.requestbody is not valid JSON"));
    assertThat(log.problems().get(3).toString())
        .isEqualTo("records-malformed.json:5:1: event 5: time must be an ISO-8601 instant, was \"yesterday\"");
    assertThat(log.events()).extracting(e -> e.position().index()).containsExactly(1L, 7L, 8L);
  }

  @Test
  void stopsAtASyntaxErrorInAnArrayAndSaysWhere() {
    ActivityLog log = log("cli-truncated.json");
    assertThat(log.isComplete()).isFalse();
    assertThat(log.events()).hasSize(1);
    assertThat(log.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isGreaterThan(60);
      assertThat(p.message()).startsWith("not valid JSON, the rest of the file is not read");
    });
  }

  @Test
  void anEmptyFileHasNoEventsAndNoProblems() {
    ActivityLog log = logOf("empty.json", "\uFEFF \n");
    assertThat(log.events()).isEmpty();
    assertThat(log.problems()).isEmpty();
    assertThat(log.firstEventAt()).isEmpty();
  }

  @Test
  void aFileThatIsNotJsonIsOneProblem() {
    ActivityLog log = logOf("notes.txt", "\n  time,operation\n");
    assertThat(log.problems()).extracting(Object::toString)
        .containsExactly("notes.txt:2:3: not a JSON export: expected '[' or '{' first, found 't'");
    assertThat(log.isComplete()).isFalse();
  }

  @Test
  void aRoleAssignmentEventWithoutStatusIsReported() {
    ActivityLog log = logOf("x.json", "[{\"eventTimestamp\": \"2026-03-01T00:00:00Z\", \"operationName\": "
        + "{\"value\": \"Microsoft.Authorization/roleAssignments/write\"}, \"resourceId\": \"" + assignmentId(SUB, 9)
        + "\"}]");
    assertThat(log.events()).isEmpty();
    assertThat(log.problems()).extracting(Object::toString).containsExactly("x.json:1:2: event 1: "
        + "Microsoft.Authorization/roleAssignments/write has neither status nor resultType");
  }

  @Test
  void aBodyMayBeAnObjectAndAnInstantMayCarryAnOffset() {
    ActivityLog log = logOf("x.json", "{\"time\": \"2026-03-01T02:00:00+02:00\", \"operationName\": "
        + "\"Microsoft.Authorization/roleAssignments/write\", \"resultType\": \"Succeeded\", \"properties\": "
        + "{\"eventProperties\": {\"responseBody\": {\"id\": \"" + assignmentId(RG, 9) + "\", \"properties\": "
        + "{\"principalId\": \"p\", \"roleDefinitionId\": \"" + OWNER + "\"}}}}}");
    assertThat(log.problems()).isEmpty();
    assertThat(log.events()).singleElement().satisfies(e -> {
      assertThat(e.at()).isEqualTo(at("2026-03-01T00:00:00Z"));
      assertThat(e.scope()).isEqualTo(Scope.parse(RG));
      assertThat(e.principalId()).isEqualTo("p");
    });
  }
}
