package org.openpec.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpec.access.Fixtures.OWNER;
import static org.openpec.access.Fixtures.SUB;
import static org.openpec.access.Fixtures.assignmentId;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpec.access.RoleAssignmentEvent.Operation;
import org.openpec.model.AccessGrant;
import org.quicktheories.core.Gen;

/**
 * The Activity Log reconstruction against a brute-force model: at any instant an assignment is held when its last
 * succeeded change at or before that instant is a write (at one instant writes come before deletes), or, before its
 * first change, when that first change is a delete and the instant is in the window. Events fall on whole hours of
 * three days, so they collide often.
 */
class AccessImportProperties {

  private static final Instant EPOCH = Instant.parse("2026-03-01T00:00:00Z");
  private static final int KEYS = 3;

  /**
   * The parent pom hands Surefire {@code QT_SEED} and {@code QT_EXAMPLES} as empty text when they are not given,
   * and QuickTheories cannot parse empty text: treat empty as absent.
   */
  @BeforeAll
  static void ignoreEmptyQuickTheoriesSettings() {
    for (String name : List.of("QT_SEED", "QT_EXAMPLES")) {
      if (System.getProperty(name, "x").isBlank()) {
        System.clearProperty(name);
      }
    }
  }

  /** One generated change: which assignment, which hour, write or delete, succeeded or not. */
  record Change(int key, int hour, boolean write, boolean succeeded) {
    RoleAssignmentEvent event(int index) {
      return new RoleAssignmentEvent(write ? Operation.WRITE : Operation.DELETE, succeeded ? "Succeeded" : "Failed",
          at(), assignmentId(SUB, key + 1), AssignmentIds.scopeOf(assignmentId(SUB, key + 1)),
          Fixtures.roleDefinition(OWNER), "p" + key, "User", Optional.empty(), Optional.empty(), "c" + index,
          new SourcePosition("log.json", index + 1, 1, index + 1));
    }

    Instant at() {
      return EPOCH.plus(Duration.ofHours(hour));
    }
  }

  private static Gen<List<Change>> changes() {
    Gen<Change> one = integers().between(0, KEYS - 1).zip(integers().between(0, 71), booleans().all(),
        integers().between(0, 5), (k, h, w, s) -> new Change(k, h, w, s > 0));
    return lists().of(one).ofSizeBetween(0, 12);
  }

  private static ActivityLog log(List<Change> changes, int from, int to) {
    List<RoleAssignmentEvent> events = new ArrayList<>();
    for (int i = from; i < to; i++) {
      events.add(changes.get(i).event(i));
    }
    Optional<Instant> first = events.stream().map(RoleAssignmentEvent::at).min(Comparator.naturalOrder());
    Optional<Instant> last = events.stream().map(RoleAssignmentEvent::at).max(Comparator.naturalOrder());
    return new ActivityLog("log.json", events, first, last, events.size(), 0, List.of(), true);
  }

  private static ImportResult run(Optional<Instant> since, ActivityLog... logs) {
    AccessImport.Builder b = AccessImport.builder().addActivityLogs(logs);
    since.ifPresent(b::since);
    return b.build().run();
  }

  /** The model: whether assignment {@code key} is held at {@code t}. */
  private static boolean modelHeld(List<Change> changes, int key, Instant t, Instant windowStart) {
    List<Change> mine = new ArrayList<>();
    for (Change c : changes) {
      if (c.key() == key && c.succeeded()) {
        mine.add(c);
      }
    }
    mine.sort(Comparator.comparing(Change::at).thenComparing(c -> !c.write())); // writes first at one instant
    Change lastBefore = null;
    for (Change c : mine) {
      if (!c.at().isAfter(t)) {
        lastBefore = c;
      }
    }
    if (lastBefore != null) {
      return lastBefore.write();
    }
    return !mine.isEmpty() && !mine.get(0).write() && !t.isBefore(windowStart);
  }

  @Test
  void grantsHoldExactlyWhenTheModelSaysHeld() {
    qt().withExamples(400).forAll(changes(), booleans().all()).checkAssert((changes, withSince) -> {
      Optional<Instant> since = withSince ? Optional.of(EPOCH.minus(Duration.ofHours(5))) : Optional.empty();
      ImportResult r = run(since, log(changes, 0, changes.size()));
      assertThat(r.problems()).isEmpty();
      Instant earliest = changes.stream().map(Change::at).min(Comparator.naturalOrder()).orElse(EPOCH);
      Instant windowStart = since.filter(s -> s.isBefore(earliest)).orElse(earliest);
      for (int key = 0; key < KEYS; key++) {
        String id = assignmentId(SUB, key + 1);
        List<AccessGrant> mine = r.grants().stream()
            .filter(g -> AssignmentIds.nameOf(id).equals(g.grantId().split("#")[0])).toList();
        for (int half = -16; half < 160; half++) {
          Instant t = EPOCH.plus(Duration.ofMinutes(30L * half));
          boolean held = mine.stream().anyMatch(g -> g.interval().contains(t));
          assertThat(held).as("assignment %d at %s", key, t).isEqualTo(modelHeld(changes, key, t, windowStart));
        }
        for (int i = 0; i + 1 < mine.size(); i++) {
          assertThat(mine.get(i).interval().end()).as("lifetimes of one assignment neither touch nor overlap")
              .isBefore(mine.get(i + 1).interval().start());
        }
      }
    });
  }

  @Test
  void splittingTheLogIntoFilesInAnyOrderChangesNothing() {
    qt().withExamples(300).forAll(changes(), integers().between(0, 12)).checkAssert((changes, cut) -> {
      int k = Math.min(cut, changes.size());
      ImportResult whole = run(Optional.empty(), log(changes, 0, changes.size()));
      ImportResult split = run(Optional.empty(), log(changes, k, changes.size()), log(changes, 0, k));
      assertThat(split.grants()).isEqualTo(whole.grants());
      assertThat(split.uncertainWindows()).isEqualTo(whole.uncertainWindows());
    });
  }

  @Test
  void aLogGivenTwiceCountsOnce() {
    qt().withExamples(300).forAll(changes()).checkAssert(changes -> {
      ActivityLog log = log(changes, 0, changes.size());
      assertThat(run(Optional.empty(), log, log).grants()).isEqualTo(run(Optional.empty(), log).grants());
    });
  }
}
