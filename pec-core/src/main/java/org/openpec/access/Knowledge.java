package org.openpec.access;

import java.util.ArrayList;
import java.util.List;
import org.openpec.model.Scope;
import org.openpec.time.Interval;
import org.openpec.time.Timeline;

/**
 * What one source (the pooled Activity Log, or one series of listings) knows about one role assignment.
 *
 * <ul>
 *   <li>{@code cover}: where the source speaks about this assignment at all — the Activity Log window for an
 *       assignment it has events of, the span of a series' listings (stretched back to {@code createdOn}) for an
 *       assignment the series lists;
 *   <li>{@code uncertain}: windows inside it where the source cannot tell, with why;
 *   <li>{@code held}: where the source has the assignment held, assumptions included (an open end after its
 *       cover, the assumed start of a delete without a create);
 *   <li>{@code pieces}: the lifetimes with what the source says of role, principal and scope;
 *   <li>{@code coverEnd}: the source's last observation (the end of the Activity Log window, the last listing of
 *       the series), after which its last state is only assumed.
 * </ul>
 *
 * Mutable while one source is read, then only read.
 */
final class Knowledge {

  /** What a source says of an assignment's role, principal and scope; empty text where it says nothing. */
  record Details(Scope scope, String roleDefinitionId, String roleName, String principalId, String principalType) {

    /** These details with the blanks filled from {@code other}. */
    Details fill(Details other) {
      if (other == null) {
        return this;
      }
      return new Details(scope == null ? other.scope : scope, or(roleDefinitionId, other.roleDefinitionId),
          or(roleName, other.roleName), or(principalId, other.principalId), or(principalType, other.principalType));
    }

    boolean hasRole() {
      return !roleDefinitionId.isBlank() || !roleName.isBlank();
    }

    private static String or(String a, String b) {
      return a.isEmpty() ? b : a;
    }
  }

  /** An uncertain window of one source. */
  record Window(Interval interval, String why) {}

  /** A lifetime of the assignment as one source has it. */
  record Piece(Interval interval, Details details) {}

  final String source;
  final SourcePosition firstSeen;
  /** Whether the source is a series of listings (whose reader reports entries without a principal itself). */
  boolean fromListings;
  Timeline cover = Timeline.empty();
  /** The last instant the source observed: its state there is assumed to go on after it. */
  java.time.Instant coverEnd;
  final List<Window> uncertain = new ArrayList<>();
  final List<Piece> pieces = new ArrayList<>();

  Knowledge(String source, SourcePosition firstSeen) {
    this.source = source;
    this.firstSeen = firstSeen;
  }

  void addPiece(Interval interval, Details details) {
    pieces.add(new Piece(interval, details));
  }

  Timeline held() {
    List<Interval> all = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      all.add(p.interval());
    }
    return Timeline.of(all);
  }

  /** The source's uncertain windows, as one timeline. */
  Timeline uncertainTimeline() {
    List<Interval> windows = new ArrayList<>(uncertain.size());
    for (Window w : uncertain) {
      windows.add(w.interval());
    }
    return Timeline.of(windows);
  }

  /** Everything after {@link #coverEnd}, where the source's last state is assumed to go on. */
  Timeline tail() {
    return Timeline.of(Interval.startingAt(coverEnd));
  }

  /** Where the source speaks with certainty: its cover without its uncertain windows. */
  Timeline known() {
    return cover.minus(uncertainTimeline());
  }
}
