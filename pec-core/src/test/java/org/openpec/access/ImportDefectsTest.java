package org.openpec.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.access.Fixtures.ADMIN_AGENTS;
import static org.openpec.access.Fixtures.OWNER;
import static org.openpec.access.Fixtures.SUB;
import static org.openpec.access.Fixtures.assignmentId;
import static org.openpec.access.Fixtures.at;
import static org.openpec.access.Fixtures.logOf;
import static org.openpec.access.Fixtures.roleDefinition;
import static org.openpec.access.Fixtures.snapshotOf;

import java.io.IOException;
import java.io.Reader;
import org.junit.jupiter.api.Test;
import org.openpec.model.AccessGrant;

/** The defects of hostile Azure exports (issue "adversarial defects"), each reproduced first. */
class ImportDefectsTest {

  /** An archived (JSON Lines) role-assignment event of assignment {@code n} at {@code scope}. */
  static String event(String op, String time, String scope, int n) {
    String id = assignmentId(scope, n);
    return "{\"time\":\"" + time + "\",\"resourceId\":\"" + id + "\",\"operationName\":"
        + "\"Microsoft.Authorization/roleAssignments/" + op + "\",\"resultType\":\"Success\",\"properties\":"
        + "{\"responseBody\":\"{\\\"id\\\":\\\"" + id + "\\\",\\\"properties\\\":{\\\"roleDefinitionId\\\":\\\""
        + roleDefinition(OWNER) + "\\\",\\\"principalId\\\":\\\"" + ADMIN_AGENTS + "\\\",\\\"scope\\\":\\\"" + scope
        + "\\\"}}\"}}";
  }

  @Test
  void d4AGrantAtSubscriptionsWithoutIdIsReportedNeverImported() {
    ActivityLog log = logOf("log.json", event("write", "2026-03-01T00:00:00Z", "/subscriptions/", 1) + "\n"
        + event("write", "2026-03-01T00:00:00Z", SUB, 2) + "\n");
    assertThat(log.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not a grant scope"));
    assertThat(log.events()).extracting(e -> e.scope().path()).containsExactly(SUB);
    RoleAssignmentSnapshot listing = snapshotOf("list.json", "2026-03-01T00:00:00Z",
        "[{\"id\":\"/subscriptions//providers/Microsoft.Authorization/roleAssignments/x\",\"roleDefinitionName\":"
            + "\"Owner\",\"principalId\":\"p\"}]");
    assertThat(listing.assignments()).isEmpty();
    assertThat(listing.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("not a grant scope"));
  }

  @Test
  void d5ATruncatedLogMakesTheTimeAfterItsLastEventUncertain() {
    String write = event("write", "2026-03-01T00:00:00Z", SUB, 1);
    String delete = event("delete", "2026-03-05T10:00:00Z", SUB, 1);
    String cut = write + "\n" + delete.substring(0, delete.length() / 2);
    ActivityLog log = logOf("log.json", cut);
    assertThat(log.isComplete()).isFalse();
    assertThat(log.problems()).extracting(ImportProblem::message).anySatisfy(m -> assertThat(m).contains("cut short"));
    ImportResult r = AccessImport.builder().principals(Fixtures.principals()).addActivityLogs(log).build().run();
    assertThat(r.problems()).extracting(ImportProblem::message)
        .anySatisfy(m -> assertThat(m).contains("the activity log is cut short"));
    assertThat(r.uncertainWindows()).singleElement().satisfies(w -> {
      assertThat(w.interval().start()).isEqualTo(at("2026-03-01T00:00:00Z"));
      assertThat(w.interval().isUnbounded()).isTrue();
    });
    // the whole file: no uncertainty
    ImportResult whole = AccessImport.builder().principals(Fixtures.principals())
        .addActivityLogs(logOf("log.json", write + "\n" + delete + "\n")).build().run();
    assertThat(whole.uncertainWindows()).isEmpty();
    assertThat(whole.grants()).singleElement().extracting(AccessGrant::revokedAt)
        .isEqualTo(java.util.Optional.of(at("2026-03-05T10:00:00Z")));
  }

  @Test
  void d8AHugeExponentStaysShort() {
    ActivityLog log = logOf("log.json", "[{\"time\": 1e999999999, \"operationName\": \"x\"}]");
    assertThat(log.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("1E+999999999");
      assertThat(p.message().length()).isLessThan(300);
    });
    assertThat(Json.plainOrScientific(new java.math.BigDecimal("12.5"))).isEqualTo("12.5");
    assertThat(Json.plainOrScientific(new java.math.BigDecimal("1E+5"))).isEqualTo("100000");
    assertThat(Json.plainOrScientific(new java.math.BigDecimal("1E-999"))).isEqualTo("1E-999");
  }

  @Test
  void d10AMalformedFirstLineOfJsonLinesCostsThatLineOnly() {
    String good = event("write", "2026-03-01T00:00:00Z", SUB, 1);
    ActivityLog log = logOf("log.json", "{\"time\": oops}\n" + good + "\n" + event("write", "2026-03-02T00:00:00Z",
        SUB, 2) + "\n");
    assertThat(log.isComplete()).isTrue();
    assertThat(log.eventsRead()).isEqualTo(3);
    assertThat(log.events()).hasSize(2);
    assertThat(log.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(1);
      assertThat(p.message()).startsWith("event 1: not valid JSON");
    });
  }

  @Test
  void d20AKeyTwiceWithDifferentValuesIsReportedAndTheEventNotUsed() {
    String good = event("write", "2026-03-01T00:00:00Z", SUB, 1);
    String twice = "{\"time\":\"2026-03-02T00:00:00Z\",\"time\":\"2026-03-09T00:00:00Z\",\"operationName\":\"x\"}";
    String same = "{\"time\":\"2026-03-02T00:00:00Z\",\"time\":\"2026-03-02T00:00:00Z\",\"operationName\":\"x\"}";
    for (String text : new String[] {good + "\n" + twice + "\n" + same + "\n", "[" + good + ",\n" + twice + ",\n"
        + same + "]"}) {
      ActivityLog log = logOf("log.json", text);
      assertThat(log.eventsRead()).isEqualTo(3);
      assertThat(log.isComplete()).isTrue();
      assertThat(log.otherEvents()).isEqualTo(1);
      assertThat(log.events()).hasSize(1);
      assertThat(log.problems()).singleElement().satisfies(p -> {
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).isEqualTo("event 2: field \"time\" appears twice with different values; the event is "
            + "not used");
      });
    }
  }

  @Test
  void d26AOneLineRecordsArchiveIsStreamedNotReadAsALine() throws IOException {
    // 40 MB on one line, generated as it is read: the reader holds one event at a time
    int events = 100_000;
    String event = event("write", "2026-03-01T00:00:00Z", SUB, 1).replace("write", "read");
    Reader huge = new Reader() {
      int emitted = -1;
      String chunk = "{\"records\": [";
      int at;

      @Override
      public int read(char[] buf, int off, int len) {
        if (at == chunk.length()) {
          emitted++;
          if (emitted > events) {
            return -1;
          }
          chunk = emitted == events ? "]}" : (emitted == 0 ? "" : ",") + event;
          at = 0;
        }
        int n = Math.min(len, chunk.length() - at);
        chunk.getChars(at, at + n, buf, off);
        at += n;
        return n;
      }

      @Override
      public void close() {}
    };
    ActivityLog log = ActivityLog.read("big.json", huge);
    assertThat(log.problems()).isEmpty();
    assertThat(log.eventsRead()).isEqualTo(events);
    assertThat(log.otherEvents()).isEqualTo(events);
  }

  @Test
  void foundByFuzzingAnExponentBeyondBigDecimalIsTextNotACrash() {
    RoleAssignmentSnapshot s = snapshotOf("list.json", "2026-03-01T00:00:00Z",
        "[{\"id\": 1e99999999999999, \"roleDefinitionName\": \"Owner\", \"principalId\": \"p\"}]");
    assertThat(s.entriesRead()).isEqualTo(1);
    assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("1e99999999999999"));
  }

  @Test
  void foundByFuzzingAHugeValueIsCutInItsMessage() {
    ActivityLog log = logOf("log.json", "[{\"time\": \"" + "x".repeat(1 << 20) + "\", \"operationName\": \"x\"}]");
    assertThat(log.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("event 1: time must be an ISO-8601 instant").contains("characters left out");
      assertThat(p.message().length()).isLessThanOrEqualTo(2_100);
    });
  }

  @Test
  void foundByFuzzingABlankRoleNameMakesNoGrantInsteadOfACrash() {
    RoleAssignmentSnapshot s = snapshotOf("list.json", "2026-03-01T00:00:00Z",
        "[{\"id\": \"" + SUB + "/providers/Microsoft.Authorization/roleAssignments/a1\", \"roleDefinitionName\": "
            + "\"\\u2028\", \"principalId\": \"p\"}]");
    ImportResult r = AccessImport.builder().addSnapshots(s).build().run();
    assertThat(r.grants()).isEmpty();
    assertThat(r.problems()).extracting(ImportProblem::message).anySatisfy(m -> assertThat(m).contains("role"));
  }
}
