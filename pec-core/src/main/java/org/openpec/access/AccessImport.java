package org.openpec.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.immutables.value.Value;
import org.openpec.access.Knowledge.Details;
import org.openpec.model.AccessGrant;
import org.openpec.model.RoleCatalog;
import org.openpec.model.Scope;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;
import org.openpec.value.PecStyle;

/**
 * Turns Azure's own records of role assignments — Activity Log exports and role-assignment listings — into the
 * {@link AccessGrant}s that {@code PecCalculator} evaluates, with the uncertain windows and the problems met.
 *
 * <h2>Activity Log</h2>
 *
 * All Activity Log files of one import are one log: their events are pooled and taken in time order; at the
 * same instant writes come before deletes, whatever the files' order (a write and a delete of one assignment at
 * the same instant leave it deleted). Only <em>succeeded</em> {@code roleAssignments/write} and {@code /delete} events change a
 * lifetime; other events of the same operation (same {@code correlationId}, e.g. the {@code Started} event that
 * carries the request body) lend their role, principal and scope. Per role-assignment id:
 *
 * <ul>
 *   <li>a write starts a lifetime at its time; when it is the first event of the assignment and its response
 *       body shows an update ({@code updatedOn} after {@code createdOn}), the assignment existed before: the
 *       lifetime starts at {@code createdOn}. A write during a lifetime is an update and changes nothing;
 *   <li>a delete ends the lifetime; a delete with no earlier event of the assignment in the log means it was
 *       held from the start of the window: {@code since} (or the earliest event of the log, whichever is
 *       earlier). The time between {@code since} and the earliest event of the log is then an {@link
 *       UncertainWindow} (counted as held). A repeated delete changes nothing;
 *   <li>a write after a delete, even with the same id, starts a new lifetime; a lifetime without a delete is
 *       still held.
 * </ul>
 *
 * <h2>Listings</h2>
 *
 * Listings are compared within their series, in time order (listings of one series taken at the same instant are
 * one). An assignment seen in consecutive listings is held between them. Where it appears or disappears between
 * two listings the exact time is unknown: it is counted as not held over that window, which becomes an {@link
 * UncertainWindow}. The {@code createdOn} of a listed assignment is its exact start when it lies in that window
 * (or before the first listing), and a {@code createdOn} after the previous listing shows a re-creation with the
 * same id. An assignment in the last listing is still held. Inherited assignments keep their own scope.
 *
 * <h2>Merge</h2>
 *
 * Each source speaks about an assignment only within its <em>cover</em> — the Activity Log window, for an
 * assignment it has events of; the span of a series' listings (stretched back to a {@code createdOn}), for an
 * assignment the series lists. Inside its cover and outside its uncertain windows a source <em>knows</em>
 * whether the assignment was held; inside its uncertain windows it <em>assumed</em> (as above); after its
 * cover it <em>extrapolates</em> its last state. The sources are merged by role-assignment id, instant by
 * instant, in three tiers:
 *
 * <ol>
 *   <li>knowledge: held where any source knows it held (a positive observation wins; where another source
 *       knows it not held, the disagreement becomes an uncertain window); not held where a source knows that;
 *   <li>elsewhere, the assumption of an uncertain window (held if any source assumed held there);
 *   <li>elsewhere, the extrapolation of the source whose cover ends last (the most recent observation).
 * </ol>
 *
 * An uncertain window is reported where no other source knows better: it is dropped where another source
 * knows the state, and dropped whole when another source knows the exact instant of the change inside it.  * The same assignment in two sources is therefore counted once, each instant by the best-informed source. Each
 * maximal held interval becomes one grant whose id is the assignment's name (a GUID), suffixed {@code #2},
 * {@code #3}, ... for later lifetimes; role, principal and scope come from the lifetimes that overlap it (the
 * Activity Log first, then the series in the order given), the role name from the catalogue when no source
 * names it. All grants are {@code ACTIVE}.
 *
 * <h2>Attribution</h2>
 *
 * A grant's partner ID and channel come from the {@link PrincipalDirectory} row of its principal; a principal
 * without a row gives unattributed grants and is listed once in the {@link ImportSummary}.
 *
 * <pre>{@code
 * ActivityLog log = ActivityLog.read("activity.json", reader);
 * ImportResult r = AccessImport.builder()
 *     .principals(PrincipalDirectory.of(List.of(new PrincipalMapping(adminAgentsId, "6034453", "AOBO"))))
 *     .addActivityLogs(log)
 *     .build()
 *     .run();
 * PecCalculator pec = PecCalculator.builder().addAllGrants(r.grants()).build();
 * }</pre>
 *
 * Immutable and thread-safe; {@link #run()} computes the result afresh on each call.
 */
@Value.Immutable
@PecStyle
public abstract class AccessImport {

  AccessImport() {}

  /** {@return a builder; every attribute has a default (no sources: no grants)} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AccessImport}; not thread-safe. */
  public static final class Builder extends ImmutableAccessImport.Builder {
    Builder() {}
  }

  /** {@return who the principals are; nobody by default (every grant unattributed)} */
  @Value.Default
  public PrincipalDirectory principals() {
    return PrincipalDirectory.empty();
  }

  /**
   * {@return the role catalogue, to name roles that the sources give by definition id only; the bundled one by default}
   */
  @Value.Default
  @Value.Auxiliary
  public RoleCatalog roles() {
    return RoleCatalog.bundled();
  }

  /**
   * The start of the Activity Log window, e.g. the {@code --start-time} of the export; by default the earliest
   * event of the log. An earlier event moves the window's start back to it.
    *
    * @return the start of the import's period, or empty for all history
   */
  public abstract Optional<Instant> since();

  /**
   * {@return the end of the Activity Log window (the time the export was taken); by default the latest event of the
   * log}
   * After it the log says nothing, and assignments still held are assumed held on.
   */
  public abstract Optional<Instant> until();

  /** {@return the Activity Log files, pooled into one log} */
  public abstract List<ActivityLog> activityLogs();

  /** {@return the role-assignment listings, compared within their series} */
  public abstract List<RoleAssignmentSnapshot> snapshots();

  /**
   * Imports the sources.
   *
   * @return the grants, uncertain windows, problems and summary of the import
   */
  public ImportResult run() {
    List<ImportProblem> problems = new ArrayList<>();
    for (ActivityLog log : activityLogs()) {
      problems.addAll(log.problems());
    }
    for (RoleAssignmentSnapshot s : snapshots()) {
      problems.addAll(s.problems());
    }
    Map<String, List<Knowledge>> byKey = new TreeMap<>();
    Map<String, String> idOf = new HashMap<>();
    Optional<Interval> window = activityLogKnowledge(byKey, idOf, problems);
    int[] leftOut = {0};
    long listed = snapshotKnowledge(byKey, idOf, problems, leftOut);

    List<AccessGrant> grants = new ArrayList<>();
    List<UncertainWindow> windows = new ArrayList<>();
    Set<String> assignments = new LinkedHashSet<>();
    for (Map.Entry<String, List<Knowledge>> e : byKey.entrySet()) {
      merge(idOf.get(e.getKey()), e.getValue(), grants, windows, assignments, problems);
    }
    grants.sort(Comparator.comparing(AccessGrant::grantedAt).thenComparing(AccessGrant::grantId));
    windows.sort(Comparator.comparing((UncertainWindow w) -> w.interval().start())
        .thenComparing(UncertainWindow::assignmentId).thenComparing(w -> w.interval().end()));

    Map<String, ImportSummary.UnmappedPrincipal> unmapped = new TreeMap<>();
    Set<String> mapped = new LinkedHashSet<>();
    int attributed = 0;
    for (AccessGrant g : grants) {
      if (g.isAttributed()) {
        attributed++;
        mapped.add(g.principalId().toLowerCase(Locale.ROOT));
      } else if (principals().find(g.principalId()).isEmpty() || g.principalId().isEmpty()) {
        unmapped.merge(g.principalId().toLowerCase(Locale.ROOT),
            new ImportSummary.UnmappedPrincipal(g.principalId(), g.principalType(), 1),
            (a, b) -> new ImportSummary.UnmappedPrincipal(a.principalId(),
                a.principalType().isEmpty() ? b.principalType() : a.principalType(), a.grants() + b.grants()));
      }
    }
    long events = activityLogs().stream().mapToLong(ActivityLog::eventsRead).sum();
    long changes = activityLogs().stream().flatMap(l -> l.events().stream())
        .filter(RoleAssignmentEvent::isSucceeded).count();
    ImportSummary summary = new ImportSummary(activityLogs().size(), events, changes, window, snapshots().size(),
        leftOut[0], listed, assignments.size(), grants.size(), attributed, mapped.size(),
        new ArrayList<>(unmapped.values()), windows.size(), problems.size());
    return new ImportResult(grants, windows, problems, summary);
  }

  // ---------------------------------------------------------------- Activity Log

  private Optional<Interval> activityLogKnowledge(Map<String, List<Knowledge>> byKey, Map<String, String> idOf,
      List<ImportProblem> problems) {
    Instant earliest = null;
    Instant latest = null;
    // A log cut short (a syntax error stopped it, or its last line is cut): what followed its last readable event
    // is unknown, so an assignment held then is uncertain from there on, never certainly held.
    Instant cut = null;
    String cutFile = null;
    List<RoleAssignmentEvent> all = new ArrayList<>();
    for (ActivityLog log : activityLogs()) {
      if (!log.isComplete()) {
        Instant last = log.lastEventAt().or(() -> since()).orElse(Instant.MIN);
        if (cut == null || last.isBefore(cut)) {
          cut = last;
          cutFile = log.file();
        }
      }
      all.addAll(log.events());
      if (log.firstEventAt().isPresent() && (earliest == null || log.firstEventAt().get().isBefore(earliest))) {
        earliest = log.firstEventAt().get();
      }
      if (log.lastEventAt().isPresent() && (latest == null || log.lastEventAt().get().isAfter(latest))) {
        latest = log.lastEventAt().get();
      }
    }
    if (cut != null) {
      problems.add(new ImportProblem(cutFile, 0, 0, "the activity log is cut short: nothing after its last readable "
          + "event (" + (cut.equals(Instant.MIN) ? "none" : cut.toString()) + ") is known; assignments held then are "
          + "uncertain from there on"));
    }
    if (earliest == null) {
      return Optional.empty();
    }
    Instant first = earliest;
    Instant windowStart = since().filter(s -> s.isBefore(first)).orElse(first);
    Instant windowEnd = until().orElse(latest);
    Optional<Interval> window = windowEnd.isAfter(windowStart)
        ? Optional.of(Interval.of(windowStart, windowEnd)) : Optional.empty();
    Timeline cover = window.map(Timeline::of).orElse(Timeline.empty());

    // Details lent by the other events of the same operation (documented: the request body may sit on the
    // Started event, the Succeeded event carrying only the status code).
    Map<String, Details> byOperation = new HashMap<>();
    for (RoleAssignmentEvent ev : all) {
      if (!ev.correlationId().isEmpty()) {
        byOperation.merge(ev.assignmentKey() + "|" + ev.correlationId().toLowerCase(Locale.ROOT),
            detailsOf(ev), Details::fill);
      }
    }
    Map<String, List<RoleAssignmentEvent>> changes = new LinkedHashMap<>();
    all.stream().filter(RoleAssignmentEvent::isSucceeded)
        .sorted(Comparator.comparing(RoleAssignmentEvent::at).thenComparing(RoleAssignmentEvent::operation))
        .forEach(ev -> changes.computeIfAbsent(ev.assignmentKey(), k -> new ArrayList<>()).add(ev));

    for (Map.Entry<String, List<RoleAssignmentEvent>> e : changes.entrySet()) {
      List<RoleAssignmentEvent> events = e.getValue();
      Knowledge k = new Knowledge("the activity log", events.get(0).position());
      k.cover = cover;
      k.coverEnd = windowEnd.isAfter(windowStart) ? windowEnd : windowStart;
      Instant start = null;
      Details details = null;
      boolean changed = false;
      for (RoleAssignmentEvent ev : events) {
        Details d = detailsOf(ev).fill(byOperation.get(ev.assignmentKey() + "|"
            + ev.correlationId().toLowerCase(Locale.ROOT)));
        if (ev.operation() == RoleAssignmentEvent.Operation.WRITE) {
          if (start == null) {
            start = ev.at();
            if (!changed && ev.isUpdate() && ev.createdOn().get().isBefore(start)) {
              start = ev.createdOn().get();
            }
            details = d;
          } else {
            details = details.fill(d);
          }
        } else if (start != null) {
          details = details.fill(d);
          if (ev.at().isAfter(start)) {
            k.addPiece(Interval.of(start, ev.at()), details);
          }
          start = null;
        } else if (!changed) {
          if (ev.at().isAfter(windowStart)) {
            k.addPiece(Interval.of(windowStart, ev.at()), d);
            if (windowStart.isBefore(first)) {
              Instant end = ev.at().isBefore(first) ? ev.at() : first;
              k.uncertain.add(new Knowledge.Window(Interval.of(windowStart, end), "deleted at " + ev.at() + " ("
                  + ev.position() + ") with no create in the activity log: assumed held from the window start "
                  + windowStart + ", but the log holds no event before " + first));
            }
          }
        }
        changed = true;
      }
      if (start != null) {
        k.addPiece(Interval.startingAt(start), details);
        if (cut != null) {
          Instant from = start.isAfter(cut) ? start : cut;
          k.uncertain.add(new Knowledge.Window(Interval.startingAt(from), "held at " + from + ", but the activity log "
              + cutFile + " is cut short after its last readable event (" + cut + "): a later delete may be lost"));
        }
      }
      byKey.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(k);
      idOf.putIfAbsent(e.getKey(), events.get(0).assignmentId());
    }
    return window;
  }

  private static Details detailsOf(RoleAssignmentEvent ev) {
    return new Details(ev.scope(), ev.roleDefinitionId(), "", ev.principalId(), ev.principalType());
  }

  // ---------------------------------------------------------------- listings

  private long snapshotKnowledge(Map<String, List<Knowledge>> byKey, Map<String, String> idOf,
      List<ImportProblem> problems, int[] leftOut) {
    Map<String, TreeMap<Instant, List<RoleAssignmentSnapshot>>> series = new LinkedHashMap<>();
    long listed = 0;
    for (RoleAssignmentSnapshot s : snapshots()) {
      if (!s.isComplete()) {
        leftOut[0]++;
        problems.add(new ImportProblem(s.file(), 0, 0, "listing taken at " + s.takenAt()
            + " left out: a syntax error cut it short, and its missing entries would read as deletions"));
        continue;
      }
      listed += s.assignments().size();
      series.computeIfAbsent(s.series(), x -> new TreeMap<>()).computeIfAbsent(s.takenAt(), x -> new ArrayList<>())
          .add(s);
    }
    for (Map.Entry<String, TreeMap<Instant, List<RoleAssignmentSnapshot>>> e : series.entrySet()) {
      seriesKnowledge(e.getKey(), e.getValue(), byKey, idOf);
    }
    return listed;
  }

  private static void seriesKnowledge(String name, TreeMap<Instant, List<RoleAssignmentSnapshot>> listings,
      Map<String, List<Knowledge>> byKey, Map<String, String> idOf) {
    int n = listings.size();
    Instant[] times = listings.keySet().toArray(new Instant[0]);
    String[] files = new String[n];
    Map<String, ListedAssignment[]> seen = new LinkedHashMap<>();
    int i = 0;
    for (List<RoleAssignmentSnapshot> atOnce : listings.values()) {
      Set<String> fileNames = new LinkedHashSet<>();
      for (RoleAssignmentSnapshot s : atOnce) {
        fileNames.add(s.file());
        for (ListedAssignment a : s.assignments()) {
          ListedAssignment[] row = seen.computeIfAbsent(a.assignmentKey(), k -> new ListedAssignment[n]);
          if (row[i] == null) {
            row[i] = a;
          }
        }
      }
      files[i] = String.join(", ", fileNames);
      i++;
    }
    String source = name.isEmpty() ? "the listings" : "the listings of series " + name;
    for (Map.Entry<String, ListedAssignment[]> e : seen.entrySet()) {
      ListedAssignment[] row = e.getValue();
      ListedAssignment firstEntry = null;
      for (ListedAssignment a : row) {
        if (a != null) {
          firstEntry = a;
          break;
        }
      }
      Knowledge k = new Knowledge(source, firstEntry.position());
      k.fromListings = true;
      List<Interval> cover = new ArrayList<>();
      if (n > 1) {
        cover.add(Interval.of(times[0], times[n - 1]));
      }
      Instant start = null;
      Details details = null;
      for (int m = 0; m < n; m++) {
        ListedAssignment a = row[m];
        if (a == null) {
          if (start != null) {
            if (times[m - 1].isAfter(start)) {
              k.addPiece(Interval.of(start, times[m - 1]), details);
            }
            k.uncertain.add(new Knowledge.Window(Interval.of(times[m - 1], times[m]), "disappeared between the "
                + "listings at " + times[m - 1] + " (" + files[m - 1] + ") and " + times[m] + " (" + files[m]
                + "): the exact time is unknown, counted as not held"));
            start = null;
          }
          continue;
        }
        Details d = new Details(a.scope(), a.roleDefinitionId(), a.roleName(), a.principalId(), a.principalType());
        Instant now = times[m];
        Optional<Instant> created = a.createdOn().filter(c -> !c.isAfter(now));
        if (start == null) {
          if (m == 0) {
            start = created.orElse(times[0]);
            if (start.isBefore(times[0])) {
              cover.add(Interval.of(start, times[0]));
            }
          } else if (created.isPresent() && created.get().isAfter(times[m - 1])) {
            start = created.get();
          } else {
            start = times[m];
            k.uncertain.add(new Knowledge.Window(Interval.of(times[m - 1], times[m]), "appeared between the "
                + "listings at " + times[m - 1] + " (" + files[m - 1] + ") and " + times[m] + " (" + files[m]
                + "): the exact time is unknown, counted as not held"));
          }
          details = d;
        } else if (created.isPresent() && created.get().isAfter(times[m - 1])) {
          if (times[m - 1].isAfter(start)) {
            k.addPiece(Interval.of(start, times[m - 1]), details);
          }
          k.uncertain.add(new Knowledge.Window(Interval.of(times[m - 1], created.get()), "re-created at "
              + created.get() + " (" + a.position() + "); the earlier assignment with this id was deleted at an "
              + "unknown time after the listing at " + times[m - 1] + " (" + files[m - 1] + "), counted as not held"));
          start = created.get();
          details = d;
        } else {
          details = details.fill(d);
        }
      }
      if (start != null) {
        k.addPiece(Interval.startingAt(start), details);
      }
      k.cover = Timeline.of(cover);
      k.coverEnd = times[n - 1];
      byKey.computeIfAbsent(e.getKey(), x -> new ArrayList<>()).add(k);
      idOf.putIfAbsent(e.getKey(), firstEntry.assignmentId());
    }
  }

  // ---------------------------------------------------------------- merge

  private void merge(String assignmentId, List<Knowledge> sources, List<AccessGrant> grants,
      List<UncertainWindow> windows, Set<String> assignments, List<ImportProblem> problems) {
    // Tier 1, knowledge: inside a source's cover and outside its uncertain windows.
    Timeline knownHeld = Timeline.empty();
    Timeline knownNotHeld = Timeline.empty();
    // Tier 2, bounded assumptions: a source's uncertain windows, with what the source assumed there.
    Timeline boundedHeld = Timeline.empty();
    Timeline boundedNotHeld = Timeline.empty();
    for (Knowledge k : sources) {
      Timeline known = k.known();
      Timeline held = k.held();
      Timeline uncertain = k.uncertainTimeline();
      knownHeld = knownHeld.union(held.intersection(known));
      knownNotHeld = knownNotHeld.union(known.minus(held));
      boundedHeld = boundedHeld.union(held.intersection(uncertain));
      boundedNotHeld = boundedNotHeld.union(uncertain.minus(held));
    }
    Timeline conflict = knownHeld.intersection(knownNotHeld);
    Timeline decided = knownHeld.union(knownNotHeld);
    boundedHeld = boundedHeld.minus(decided);
    decided = decided.union(boundedHeld).union(boundedNotHeld);
    // Tier 3, extrapolations outside the covers: the source that observed last decides.
    List<Knowledge> byCoverEnd = new ArrayList<>(sources);
    byCoverEnd.sort(Comparator.comparing(k -> k.coverEnd));
    Timeline extrapolated = Timeline.empty();
    for (Knowledge k : byCoverEnd) {
      Timeline outside = Timeline.of(Interval.startingAt(Instant.MIN)).minus(k.cover).minus(k.uncertainTimeline());
      Timeline assumedHeld = k.held().intersection(outside);
      Timeline assumedNotHeld = k.tail().intersection(outside).minus(k.held());
      extrapolated = extrapolated.minus(assumedHeld.union(assumedNotHeld)).union(assumedHeld);
    }
    Timeline held = knownHeld.union(boundedHeld).union(extrapolated.minus(decided));
    Timeline knownAll = knownHeld.union(knownNotHeld);

    Details all = null;
    for (Knowledge k : sources) {
      for (Knowledge.Piece p : k.pieces) {
        all = all == null ? p.details() : all.fill(p.details());
      }
    }
    Details keyDetails = all == null
        ? new Details(AssignmentIds.scopeOf(assignmentId), "", "", "", "") : all;
    Scope fallbackScope = keyDetails.scope() == null ? AssignmentIds.scopeOf(assignmentId) : keyDetails.scope();
    Optional<PrincipalMapping> mapping = principals().find(keyDetails.principalId());
    Optional<String> partner = mapping.filter(PrincipalMapping::isAttributed).map(PrincipalMapping::partnerId);

    List<Window> found = new ArrayList<>();
    for (Knowledge k : sources) {
      for (Knowledge.Window w : k.uncertain) {
        if (knowsChangeWithin(sources, k, w.interval())) {
          continue;
        }
        for (Interval piece : Timeline.of(w.interval()).minus(knownAll).intervals()) {
          found.add(new Window(piece, w.why()));
        }
      }
    }
    for (Interval piece : conflict.intervals()) {
      found.add(new Window(piece, "the sources disagree: " + saying(sources, piece, true) + " held, "
          + saying(sources, piece, false) + " not held; counted as held"));
    }
    for (Window w : found) {
      windows.add(new UncertainWindow(assignmentId, fallbackScope, keyDetails.principalId(),
          keyDetails.roleDefinitionId(), partner, w.interval(), w.why()));
    }

    String name = AssignmentIds.nameOf(assignmentId);
    int lifetime = 0;
    for (Interval interval : held.intervals()) {
      Details d = null;
      for (Knowledge k : sources) {
        for (Knowledge.Piece p : k.pieces) {
          if (p.interval().overlaps(interval)) {
            d = d == null ? p.details() : d.fill(p.details());
          }
        }
      }
      d = d == null ? keyDetails : d.fill(keyDetails);
      if (!d.hasRole()) {
        problems.add(sources.get(0).firstSeen.problem("role assignment " + assignmentId + " held from "
            + interval.start() + ": no event or listing names its role, so no grant is made"));
        continue;
      }
      if (d.principalId().isEmpty() && sources.stream().noneMatch(k -> k.fromListings)) {
        problems.add(sources.get(0).firstSeen.problem("role assignment " + assignmentId + " held from "
            + interval.start() + ": no event names its principal, so its grant is unattributed"));
      }
      lifetime++;
      // the GUID decides the role, so its catalogued name is the one shown
      String roleName = roles().displayName(d.roleDefinitionId(), d.roleName());
      Optional<PrincipalMapping> m = principals().find(d.principalId());
      AccessGrant.Builder b = AccessGrant.builder();
      b.grantId(lifetime == 1 ? name : name + "#" + lifetime)
          .channel(m.map(PrincipalMapping::channel).orElse(""))
          .principalId(d.principalId())
          .principalType(d.principalType())
          .roleDefinitionId(d.roleDefinitionId())
          .roleName(roleName)
          .scope(d.scope() == null ? fallbackScope : d.scope())
          .grantedAt(interval.start());
      m.filter(PrincipalMapping::isAttributed).ifPresent(x -> b.partnerId(x.partnerId()));
      if (!interval.isUnbounded()) {
        b.revokedAt(interval.end());
      }
      grants.add(b.build());
      assignments.add(assignmentId);
    }
  }

  private record Window(Interval interval, String why) {}

  /**
   * Whether a source other than {@code self} knows the exact instant, within {@code [window.start, window.end]},
   * at which the assignment became held or stopped being held: then the window is resolved as a whole.
   */
  private static boolean knowsChangeWithin(List<Knowledge> sources, Knowledge self, Interval window) {
    for (Knowledge k : sources) {
      if (k == self) {
        continue;
      }
      Timeline known = k.known();
      Timeline knownHeld = k.held().intersection(known);
      Timeline knownNotHeld = known.minus(k.held());
      for (Interval a : knownHeld.intervals()) {
        for (Interval b : knownNotHeld.intervals()) {
          Instant change = a.end().equals(b.start()) ? a.end() : b.end().equals(a.start()) ? a.start() : null;
          if (change != null && !change.isBefore(window.start()) && !change.isAfter(window.end())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The sources that know the assignment held (or not held) somewhere in {@code piece}, joined with "and". */
  private static String saying(List<Knowledge> sources, Interval piece, boolean held) {
    StringBuilder sb = new StringBuilder();
    Timeline p = Timeline.of(piece);
    for (Knowledge k : sources) {
      Timeline known = k.known();
      Timeline says = held ? k.held().intersection(known) : known.minus(k.held());
      if (!says.intersection(p).isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " and ").append(k.source);
      }
    }
    return sb.toString();
  }
}
