package org.openpec.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openpec.access.Fixtures.*;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openpec.access.RoleAssignmentEvent.Operation;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.Scope;
import org.openpec.time.Interval;

class AccessImportTest {

  private static ImportResult run(AccessImport.Builder b) {
    return b.principals(principals()).build().run();
  }

  private static Interval between(String start, String end) {
    return Interval.of(at(start), at(end));
  }

  @Nested
  class CreateThenDelete {

    private final ImportResult r = run(AccessImport.builder().addActivityLogs(log("cli-create-delete.json")));

    @Test
    void givesOneGrantFromTheSucceededWriteToTheSucceededDelete() {
      assertThat(r.problems()).isEmpty();
      assertThat(r.grants()).singleElement().satisfies(g -> {
        assertThat(g.grantId()).isEqualTo(name(1));
        assertThat(g.grantedAt()).isEqualTo(at("2026-03-02T09:15:07Z"));
        assertThat(g.revokedAt()).contains(at("2026-03-20T14:30:00.1234567Z"));
        assertThat(g.scope()).isEqualTo(Scope.parse(SUB));
        assertThat(g.assignment()).isEqualTo(Assignment.ACTIVE);
      });
    }

    @Test
    void takesRoleAndPrincipalFromTheStartedEventOfTheSameOperation() {
      AccessGrant g = r.grants().get(0);
      assertThat(g.roleDefinitionId()).isEqualTo(roleDefinition(OWNER));
      assertThat(g.roleName()).as("named from the catalogue").isEqualTo("Owner");
      assertThat(g.principalId()).isEqualTo(ADMIN_AGENTS);
      assertThat(g.principalType()).isEqualTo("ForeignGroup");
    }

    @Test
    void attributesTheGrantThroughThePrincipalsFile() {
      AccessGrant g = r.grants().get(0);
      assertThat(g.partnerId()).contains(PARTNER);
      assertThat(g.channel()).isEqualTo("AOBO");
      assertThat(r.summary().mappedPrincipals()).isEqualTo(1);
      assertThat(r.summary().unmappedPrincipals()).isEmpty();
    }

    @Test
    void hasNoUncertainWindowAndCountsWhatItRead() {
      assertThat(r.uncertainWindows()).isEmpty();
      ImportSummary s = r.summary();
      assertThat(s.activityLogFiles()).isEqualTo(1);
      assertThat(s.activityLogEvents()).isEqualTo(5);
      assertThat(s.roleAssignmentChanges()).isEqualTo(2);
      assertThat(s.activityLogWindow()).contains(between("2026-03-02T09:15:05Z", "2026-03-20T14:30:00.1234567Z"));
      assertThat(s.assignments()).isEqualTo(1);
      assertThat(s.grants()).isEqualTo(1);
      assertThat(s.attributedGrants()).isEqualTo(1);
    }

    @Test
    void withoutPrincipalsTheGrantIsUnattributedAndItsPrincipalListedOnce() {
      ImportResult bare = AccessImport.builder().addActivityLogs(log("cli-create-delete.json")).build().run();
      assertThat(bare.grants()).singleElement().satisfies(g -> {
        assertThat(g.isAttributed()).isFalse();
        assertThat(g.channel()).isEmpty();
      });
      assertThat(bare.summary().unmappedPrincipals())
          .containsExactly(new ImportSummary.UnmappedPrincipal(ADMIN_AGENTS, "ForeignGroup", 1));
    }
  }

  @Nested
  class DeleteWithoutCreate {

    @Test
    void isHeldFromSinceWithTheTimeBeforeTheFirstEventUncertain() {
      ImportResult r = run(AccessImport.builder().since(at("2026-03-01T00:00:00Z"))
          .addActivityLogs(log("records-delete-only.json")));
      assertThat(r.problems()).isEmpty();
      assertThat(r.grants()).singleElement().satisfies(g -> {
        assertThat(g.interval()).isEqualTo(between("2026-03-01T00:00:00Z", "2026-03-10T16:45:00Z"));
        assertThat(g.scope().path()).isEqualTo(RG);
        assertThat(g.roleName()).isEqualTo("Contributor");
        assertThat(g.channel()).isEqualTo("LIGHTHOUSE_OFFER");
      });
      assertThat(r.uncertainWindows()).singleElement().satisfies(w -> {
        assertThat(w.interval()).isEqualTo(between("2026-03-01T00:00:00Z", "2026-03-03T10:00:00Z"));
        assertThat(w.assignmentId()).isEqualTo(assignmentId(RG, 2));
        assertThat(w.principalId()).isEqualTo(LIGHTHOUSE);
        assertThat(w.partnerId()).contains(PARTNER);
        assertThat(w.why()).contains("no create in the activity log").contains("2026-03-03T10:00:00Z");
        assertThat(w.affects(Scope.parse(RG + "/providers/Microsoft.Compute/virtualMachines/vm1"),
            between("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"))).isTrue();
        assertThat(w.affects(Scope.parse(SUB), between("2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z")))
            .isFalse();
      });
    }

    @Test
    void withoutSinceIsHeldFromTheEarliestEventOfTheExport() {
      ImportResult r = run(AccessImport.builder().addActivityLogs(log("records-delete-only.json")));
      assertThat(r.grants()).singleElement().extracting(AccessGrant::interval)
          .isEqualTo(between("2026-03-03T10:00:00Z", "2026-03-10T16:45:00Z"));
      assertThat(r.uncertainWindows()).isEmpty();
    }

    @Test
    void aSinceAfterTheEarliestEventDoesNotCutWhatTheLogShows() {
      ImportResult r = run(AccessImport.builder().since(at("2026-03-05T00:00:00Z"))
          .addActivityLogs(log("records-delete-only.json")));
      assertThat(r.grants()).singleElement().extracting(AccessGrant::grantedAt)
          .isEqualTo(at("2026-03-03T10:00:00Z"));
    }
  }

  @Test
  void aReCreationWithTheSameIdIsANewLifetime() {
    ImportResult r = run(AccessImport.builder().addActivityLogs(log("records-recreate.json")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.grants()).extracting(AccessGrant::grantId, AccessGrant::grantedAt, AccessGrant::revokedAt)
        .containsExactly(
            tuple(name(3), at("2026-03-02T08:00:00Z"), Optional.of(at("2026-03-05T12:00:00Z"))),
            tuple(name(3) + "#2", at("2026-03-08T09:30:00Z"), Optional.empty()));
    assertThat(r.grants()).allSatisfy(g -> assertThat(g.principalId()).isEqualTo(ADMIN_AGENTS));
    assertThat(r.summary().assignments()).isEqualTo(1);
    assertThat(r.uncertainWindows()).isEmpty();
  }

  @Nested
  class Snapshots {

    private final ImportResult r = run(AccessImport.builder()
        .addSnapshots(snapshot("snapshot-2026-03-15.json", "2026-03-15T00:00:00Z"))
        .addSnapshots(snapshot("snapshot-2026-03-01.json", "2026-03-01T00:00:00Z"))
        .addSnapshots(snapshot("snapshot-2026-03-08.json", "2026-03-08T00:00:00Z")));

    private AccessGrant grant(int n) {
      return r.grants().stream().filter(g -> g.grantId().equals(name(n))).findFirst().orElseThrow();
    }

    @Test
    void holdsAnInheritedAssignmentAtItsOwnScopeBetweenConsecutiveListings() {
      AccessGrant m = grant(11);
      assertThat(m.scope()).isEqualTo(Scope.parse(MG));
      assertThat(m.grantedAt()).isEqualTo(at("2026-03-01T00:00:00Z"));
      assertThat(m.revokedAt()).as("in the last listing: still held").isEmpty();
      assertThat(m.channel()).isEqualTo("AOBO");
    }

    @Test
    void anAppearanceBetweenListingsIsNotHeldOverItsWindowWhichIsUncertain() {
      assertThat(grant(12).grantedAt()).isEqualTo(at("2026-03-08T00:00:00Z"));
      assertThat(r.uncertainWindows()).filteredOn(w -> w.assignmentId().endsWith(name(12))).singleElement()
          .satisfies(w -> {
            assertThat(w.interval()).isEqualTo(between("2026-03-01T00:00:00Z", "2026-03-08T00:00:00Z"));
            assertThat(w.scope()).isEqualTo(Scope.parse(RG));
            assertThat(w.why()).startsWith("appeared between the listings at 2026-03-01T00:00:00Z "
                + "(snapshot-2026-03-01.json) and 2026-03-08T00:00:00Z (snapshot-2026-03-08.json)");
          });
    }

    @Test
    void aDisappearanceBetweenListingsIsNotHeldOverItsWindowWhichIsUncertain() {
      assertThat(grant(13).interval()).isEqualTo(between("2026-03-01T00:00:00Z", "2026-03-08T00:00:00Z"));
      assertThat(r.uncertainWindows()).filteredOn(w -> w.assignmentId().endsWith(name(13)))
          .extracting(UncertainWindow::interval)
          .containsExactly(between("2026-03-08T00:00:00Z", "2026-03-15T00:00:00Z"));
    }

    @Test
    void aCreatedOnInsideTheWindowIsTheExactStart() {
      assertThat(grant(14).grantedAt()).isEqualTo(at("2026-03-12T06:00:00Z"));
      assertThat(r.uncertainWindows()).noneMatch(w -> w.assignmentId().endsWith(name(14)));
    }

    @Test
    void listsAnUnmappedPrincipalOnce() {
      assertThat(grant(15).isAttributed()).isFalse();
      assertThat(r.summary().unmappedPrincipals())
          .containsExactly(new ImportSummary.UnmappedPrincipal(CUSTOMER_USER, "User", 1));
      assertThat(r.summary().snapshots()).isEqualTo(3);
      assertThat(r.summary().listedAssignments()).isEqualTo(11);
      assertThat(r.summary().grants()).isEqualTo(5);
      assertThat(r.summary().uncertainWindows()).isEqualTo(2);
    }

    @Test
    void listingsOfDifferentSeriesAreNotComparedWithEachOther() {
      String listing = "[{\"id\": \"" + assignmentId(SUB, 9) + "\", \"principalId\": \"" + ADMIN_AGENTS
          + "\", \"roleDefinitionName\": \"Owner\"}]";
      RoleAssignmentSnapshot a1 = snapshotOf("a1.json", "2026-03-01T00:00:00Z", listing);
      RoleAssignmentSnapshot a2 = snapshotOf("a2.json", "2026-03-10T00:00:00Z", listing);
      RoleAssignmentSnapshot other = snapshotOf("b.json", "2026-03-05T00:00:00Z", "[]");
      ImportResult oneSeries = run(AccessImport.builder().addSnapshots(a1, other, a2));
      assertThat(oneSeries.grants()).extracting(AccessGrant::grantedAt).containsExactly(at("2026-03-10T00:00:00Z"));
      RoleAssignmentSnapshot otherSeries = new RoleAssignmentSnapshot("b.json", at("2026-03-05T00:00:00Z"), "sub-b",
          List.of(), 0, List.of(), true);
      ImportResult twoSeries = run(AccessImport.builder().addSnapshots(a1, otherSeries, a2));
      assertThat(twoSeries.grants()).extracting(AccessGrant::grantedAt).containsExactly(at("2026-03-01T00:00:00Z"));
      assertThat(twoSeries.uncertainWindows()).isEmpty();
    }

    @Test
    void aListingCutShortIsLeftOutRatherThanReadAsDeletions() {
      String id = assignmentId(SUB, 9);
      String entry = "{\"id\": \"" + id + "\", \"principalId\": \"p\", \"roleDefinitionName\": \"Owner\"}";
      ImportResult res = run(AccessImport.builder()
          .addSnapshots(snapshotOf("a.json", "2026-03-01T00:00:00Z", "[" + entry + "]"))
          .addSnapshots(snapshotOf("cut.json", "2026-03-05T00:00:00Z", "[{\"id\": \"x\""))
          .addSnapshots(snapshotOf("c.json", "2026-03-10T00:00:00Z", "[" + entry + "]")));
      assertThat(res.grants()).singleElement().satisfies(g -> {
        assertThat(g.grantedAt()).isEqualTo(at("2026-03-01T00:00:00Z"));
        assertThat(g.revokedAt()).isEmpty();
      });
      assertThat(res.problems()).extracting(ImportProblem::file, ImportProblem::message).contains(tuple("cut.json",
          "listing taken at 2026-03-05T00:00:00Z left out: a syntax error cut it short, and its missing entries "
              + "would read as deletions"));
      assertThat(res.summary().snapshotsLeftOut()).isEqualTo(1);
    }

    @Test
    void aLaterCreatedOnShowsAReCreationBetweenListings() {
      String id = assignmentId(SUB, 9);
      String first = "[{\"id\": \"" + id + "\", \"principalId\": \"p\", \"roleDefinitionName\": \"Owner\", "
          + "\"createdOn\": \"2026-02-01T00:00:00Z\"}]";
      String second = "[{\"id\": \"" + id + "\", \"principalId\": \"p\", \"roleDefinitionName\": \"Owner\", "
          + "\"createdOn\": \"2026-03-07T12:00:00Z\"}]";
      ImportResult res = run(AccessImport.builder()
          .addSnapshots(snapshotOf("a.json", "2026-03-01T00:00:00Z", first))
          .addSnapshots(snapshotOf("b.json", "2026-03-10T00:00:00Z", second)));
      assertThat(res.grants()).extracting(AccessGrant::interval).containsExactly(
          between("2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"),
          Interval.startingAt(at("2026-03-07T12:00:00Z")));
      assertThat(res.uncertainWindows()).singleElement().extracting(UncertainWindow::interval)
          .isEqualTo(between("2026-03-01T00:00:00Z", "2026-03-07T12:00:00Z"));
    }
  }

  @Test
  void malformedEventsAreReportedAndTheRestIsImported() {
    ImportResult r = run(AccessImport.builder().addActivityLogs(log("records-malformed.json")));
    assertThat(r.grants()).singleElement().satisfies(g -> {
      assertThat(g.grantId()).isEqualTo(name(4));
      assertThat(g.interval()).isEqualTo(between("2026-03-02T08:00:00Z", "2026-03-09T00:00:00Z"));
    });
    assertThat(r.problems()).hasSize(7);
    assertThat(r.problems().get(6).toString()).isEqualTo("records-malformed.json:8:1: role assignment "
        + assignmentId(SUB, 7) + " held from 2026-03-07T00:00:00Z: no event or listing names its role, so no grant is made");
    assertThat(r.summary().problems()).isEqualTo(7);
  }

  @Nested
  class Merge {

    private final ImportResult r = run(AccessImport.builder()
        .addActivityLogs(log("merge-activity.json"))
        .addSnapshots(snapshot("merge-snapshot-2026-03-10.json", "2026-03-10T00:00:00Z"))
        .addSnapshots(snapshot("merge-snapshot-2026-03-25.json", "2026-03-25T00:00:00Z")));

    @Test
    void anAssignmentInBothSourcesIsCountedOnce() {
      assertThat(r.problems()).isEmpty();
      assertThat(r.grants()).filteredOn(g -> g.grantId().startsWith(name(6))).singleElement()
          .extracting(AccessGrant::interval)
          .isEqualTo(between("2026-03-02T09:00:00Z", "2026-03-20T10:00:00Z"));
      assertThat(r.summary().grants()).isEqualTo(2);
    }

    @Test
    void theLogsExactDeleteResolvesTheListingsWindow() {
      assertThat(r.uncertainWindows()).noneMatch(w -> w.assignmentId().endsWith(name(6)));
    }

    @Test
    void theLogsKnowledgeNarrowsTheListingsWindowAndTheLaterListingEndsTheLogsOpenEnd() {
      assertThat(r.grants()).filteredOn(g -> g.grantId().startsWith(name(5))).singleElement()
          .extracting(AccessGrant::interval)
          .isEqualTo(between("2026-03-03T11:00:00Z", "2026-03-22T00:00:00Z"));
      assertThat(r.uncertainWindows()).singleElement().satisfies(w -> {
        assertThat(w.assignmentId()).endsWith(name(5));
        assertThat(w.interval()).isEqualTo(between("2026-03-22T00:00:00Z", "2026-03-25T00:00:00Z"));
        assertThat(w.why()).startsWith("disappeared between the listings at 2026-03-10T00:00:00Z");
      });
    }

    @Test
    void theOrderOfTheSourcesDoesNotMatter() {
      ImportResult reversed = run(AccessImport.builder()
          .addSnapshots(snapshot("merge-snapshot-2026-03-25.json", "2026-03-25T00:00:00Z"))
          .addSnapshots(snapshot("merge-snapshot-2026-03-10.json", "2026-03-10T00:00:00Z"))
          .addActivityLogs(log("merge-activity.json")));
      assertThat(reversed.grants()).isEqualTo(r.grants());
      assertThat(reversed.uncertainWindows()).isEqualTo(r.uncertainWindows());
    }

    @Test
    void aSourceGivenTwiceCountsOnce() {
      ImportResult twice = run(AccessImport.builder()
          .addActivityLogs(log("merge-activity.json"), log("merge-activity.json"))
          .addSnapshots(snapshot("merge-snapshot-2026-03-10.json", "2026-03-10T00:00:00Z"))
          .addSnapshots(snapshot("merge-snapshot-2026-03-25.json", "2026-03-25T00:00:00Z"))
          .addSnapshots(snapshot("merge-snapshot-2026-03-10.json", "2026-03-10T00:00:00Z")));
      assertThat(twice.grants()).isEqualTo(r.grants());
      assertThat(twice.uncertainWindows()).isEqualTo(r.uncertainWindows());
    }

    @Test
    void aListingThatSeesWhatTheLogSaysIsGoneIsADisagreementCountedAsHeld() {
      String id = assignmentId(SUB, 9);
      RoleAssignmentEvent create = event(Operation.WRITE, "2026-03-02T00:00:00Z", id);
      RoleAssignmentEvent delete = event(Operation.DELETE, "2026-03-05T00:00:00Z", id);
      ActivityLog log = new ActivityLog("log.json", List.of(create, delete), Optional.of(create.at()),
          Optional.of(at("2026-03-10T00:00:00Z")), 2, 0, List.of(), true);
      String entry = "[{\"id\": \"" + id + "\", \"principalId\": \"p\", \"roleDefinitionName\": \"Owner\"}]";
      ImportResult res = run(AccessImport.builder().addActivityLogs(log)
          .addSnapshots(snapshotOf("a.json", "2026-03-04T00:00:00Z", entry))
          .addSnapshots(snapshotOf("b.json", "2026-03-06T00:00:00Z", entry)));
      assertThat(res.grants()).singleElement().extracting(AccessGrant::interval)
          .isEqualTo(between("2026-03-02T00:00:00Z", "2026-03-06T00:00:00Z"));
      assertThat(res.uncertainWindows()).singleElement().satisfies(w -> {
        assertThat(w.interval()).isEqualTo(between("2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z"));
        assertThat(w.why()).isEqualTo("the sources disagree: the listings held, the activity log not held; "
            + "counted as held");
      });
    }
  }

  static RoleAssignmentEvent event(Operation op, String when, String id) {
    return new RoleAssignmentEvent(op, "Succeeded", at(when), id, AssignmentIds.scopeOf(id), roleDefinition(OWNER),
        "p", "User", Optional.empty(), Optional.empty(), "", new SourcePosition("log.json", 1, 1, 1));
  }

  @Test
  void anUpdateOfAnAssignmentMadeBeforeTheWindowStartsAtItsCreatedOn() {
    String id = assignmentId(SUB, 9);
    RoleAssignmentEvent update = new RoleAssignmentEvent(Operation.WRITE, "Succeeded", at("2026-03-05T00:00:00Z"),
        id, Scope.parse(SUB), OWNER, "p", "User", Optional.of(at("2025-06-01T00:00:00Z")),
        Optional.of(at("2026-03-05T00:00:00Z")), "", new SourcePosition("log.json", 1, 1, 1));
    ActivityLog log = new ActivityLog("log.json", List.of(update), Optional.of(at("2026-03-01T00:00:00Z")),
        Optional.of(at("2026-03-31T00:00:00Z")), 1, 0, List.of(), true);
    ImportResult r = run(AccessImport.builder().addActivityLogs(log));
    assertThat(r.grants()).singleElement().extracting(AccessGrant::grantedAt).isEqualTo(at("2025-06-01T00:00:00Z"));
  }

  @Test
  void aGrantWhosePrincipalNoEventNamesIsReportedAndUnattributed() {
    String id = assignmentId(SUB, 9);
    RoleAssignmentEvent write = new RoleAssignmentEvent(Operation.WRITE, "Succeeded", at("2026-03-05T00:00:00Z"),
        id, Scope.parse(SUB), OWNER, "", "", Optional.empty(), Optional.empty(), "",
        new SourcePosition("log.json", 4, 3, 2));
    ActivityLog log = new ActivityLog("log.json", List.of(write), Optional.of(write.at()), Optional.of(write.at()),
        1, 0, List.of(), true);
    ImportResult r = run(AccessImport.builder().addActivityLogs(log));
    assertThat(r.grants()).singleElement().satisfies(g -> assertThat(g.isAttributed()).isFalse());
    assertThat(r.problems()).extracting(Object::toString).containsExactly("log.json:4:3: role assignment " + id
        + " held from 2026-03-05T00:00:00Z: no event names its principal, so its grant is unattributed");
    assertThat(r.summary().unmappedPrincipals()).containsExactly(new ImportSummary.UnmappedPrincipal("", "", 1));
  }

  @Test
  void aWriteDuringALifetimeIsAnUpdateAndChangesNothing() {
    String id = assignmentId(SUB, 9);
    ActivityLog log = new ActivityLog("log.json", List.of(event(Operation.WRITE, "2026-03-02T00:00:00Z", id),
        event(Operation.WRITE, "2026-03-04T00:00:00Z", id), event(Operation.DELETE, "2026-03-06T00:00:00Z", id)),
        Optional.of(at("2026-03-02T00:00:00Z")), Optional.of(at("2026-03-06T00:00:00Z")), 3, 0, List.of(), true);
    assertThat(run(AccessImport.builder().addActivityLogs(log)).grants()).singleElement()
        .extracting(AccessGrant::interval).isEqualTo(between("2026-03-02T00:00:00Z", "2026-03-06T00:00:00Z"));
  }

  @Test
  void noSourcesGiveNoGrants() {
    ImportResult r = AccessImport.builder().build().run();
    assertThat(r.grants()).isEmpty();
    assertThat(r.summary().activityLogWindow()).isEmpty();
    assertThat(r.summary().lines()).containsExactly(
        "grants: 0 from 0 assignment(s); 0 attributed, 0 unattributed; principals mapped 0, unmapped 0",
        "uncertain windows: 0; problems: 0");
  }

  @Test
  void aKnownButUnattributedPrincipalIsNotListedAsUnmapped() {
    ImportResult r = AccessImport.builder()
        .principals(principals().with(new PrincipalMapping(CUSTOMER_USER, "", "")))
        .addSnapshots(snapshot("snapshot-2026-03-15.json", "2026-03-15T00:00:00Z"))
        .build().run();
    assertThat(r.grants()).filteredOn(g -> g.principalId().equals(CUSTOMER_USER)).singleElement()
        .satisfies(g -> assertThat(g.isAttributed()).isFalse());
    assertThat(r.summary().unmappedPrincipals()).isEmpty();
    assertThat(r.summary().attributedGrants()).isEqualTo(3);
  }

  @Test
  void theSummaryReadsAsLines() {
    ImportResult r = run(AccessImport.builder().addActivityLogs(log("cli-create-delete.json"))
        .addSnapshots(snapshot("snapshot-2026-03-15.json", "2026-03-15T00:00:00Z")));
    assertThat(r.summary().lines()).containsExactly(
        "activity log: 1 file(s), 5 event(s), 2 role-assignment change(s), window "
            + "[2026-03-02T09:15:05Z, 2026-03-20T14:30:00.123456700Z)",
        "snapshots: 1 listing(s), 4 listed assignment(s)",
        "grants: 5 from 5 assignment(s); 4 attributed, 1 unattributed; principals mapped 2, unmapped 1",
        "  unmapped principal " + CUSTOMER_USER + " (User): 1 grant(s)",
        "uncertain windows: 0; problems: 0");
    assertThat(Instant.parse("2026-03-20T14:30:00.1234567Z").toString())
        .isEqualTo("2026-03-20T14:30:00.123456700Z");
  }
}
