package org.openpec.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpec.access.Fixtures.*;

import org.junit.jupiter.api.Test;
import org.openpec.model.Scope;

class RoleAssignmentSnapshotTest {

  @Test
  void readsTheCliListingAndKeepsInheritedAssignmentsAtTheirOwnScope() {
    RoleAssignmentSnapshot s = snapshot("snapshot-2026-03-15.json", "2026-03-15T00:00:00Z");
    assertThat(s.problems()).isEmpty();
    assertThat(s.isComplete()).isTrue();
    assertThat(s.series()).isEmpty();
    assertThat(s.assignments()).extracting(ListedAssignment::scope, ListedAssignment::roleName,
        ListedAssignment::principalId).containsExactly(
            tuple(Scope.parse(MG), "Owner", ADMIN_AGENTS),
            tuple(Scope.parse(RG), "Contributor", LIGHTHOUSE),
            tuple(Scope.parse(SUB), "Owner", LIGHTHOUSE),
            tuple(Scope.parse(SUB), "Owner", CUSTOMER_USER));
    assertThat(s.assignments().get(0).scope().isManagementGroup()).isTrue();
    assertThat(s.assignments().get(2).createdOn()).contains(at("2026-03-12T06:00:00Z"));
    assertThat(s.assignments().get(0).createdOn()).isEmpty();
    assertThat(s.assignments().get(1).position().line()).isGreaterThan(1);
  }

  @Test
  void readsTheOlderNestedPropertiesAndBuildsTheIdFromNameAndScope() {
    RoleAssignmentSnapshot s = snapshotOf("old.json", "2026-03-01T00:00:00Z", "[{\"name\": \"" + name(9)
        + "\", \"properties\": {\"scope\": \"" + SUB + "\", \"principalId\": \"p\", \"roleDefinitionId\": \""
        + roleDefinition(OWNER) + "\"}}]");
    assertThat(s.problems()).isEmpty();
    assertThat(s.assignments()).singleElement().satisfies(a -> {
      assertThat(a.assignmentId()).isEqualTo(assignmentId(SUB, 9));
      assertThat(a.roleDefinitionId()).isEqualTo(roleDefinition(OWNER));
    });
  }

  @Test
  void reportsEntriesWithoutIdRoleOrPrincipalAndKeepsThoseItCanIdentify() {
    RoleAssignmentSnapshot s = snapshotOf("bad.json", "2026-03-01T00:00:00Z", "[\n"
        + "  {\"principalId\": \"p\", \"roleDefinitionName\": \"Owner\"},\n"
        + "  {\"id\": \"" + assignmentId(SUB, 9) + "\"},\n"
        + "  \"text\",\n"
        + "  {\"id\": \"" + assignmentId(SUB, 8) + "\", \"principalId\": \"p\", \"roleDefinitionName\": \"Owner\", "
        + "\"createdOn\": \"soon\"}\n"
        + "]");
    assertThat(s.problems()).extracting(Object::toString).containsExactly(
        "bad.json:2:3: entry 1: no role-assignment id: id is \"\", and name and scope do not make one",
        "bad.json:3:3: entry 2: assignment " + name(9) + " has neither roleDefinitionId nor roleDefinitionName",
        "bad.json:3:3: entry 2: assignment " + name(9) + " has no principalId",
        "bad.json:4:3: entry 3: not a JSON object",
        "bad.json:5:3: entry 4: createdOn must be an ISO-8601 instant, was \"soon\"");
    assertThat(s.assignments()).extracting(ListedAssignment::assignmentId)
        .containsExactly(assignmentId(SUB, 9), assignmentId(SUB, 8));
    assertThat(s.entriesRead()).isEqualTo(4);
  }

  @Test
  void aListingCutShortIsIncomplete() {
    RoleAssignmentSnapshot s = snapshotOf("cut.json", "2026-03-01T00:00:00Z", "[{\"id\": \"" + assignmentId(SUB, 9)
        + "\", \"principalId\": \"p\", \"roleDefinitionName\": \"Owner\"}, {\"id\": ");
    assertThat(s.isComplete()).isFalse();
    assertThat(s.assignments()).hasSize(1);
    assertThat(s.problems()).singleElement().extracting(ImportProblem::message).asString()
        .startsWith("not valid JSON");
  }
}
