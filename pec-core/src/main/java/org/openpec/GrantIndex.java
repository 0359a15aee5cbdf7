package org.openpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openpec.model.AccessGrant;
import org.openpec.model.ManagementHierarchy;
import org.openpec.model.Scope;
import org.openpec.time.Interval;

/**
 * Grants indexed by the key of their scope, so that a line looks up only the scopes that can cover it: its
 * resource, each ancestor, and the management groups above its subscription. Immutable once built, except for a
 * bounded, thread-safe memo of the candidate grants per resource (lines of one resource repeat across meters and
 * days).
 */
final class GrantIndex {

  private final Map<String, int[]> byScope;
  private final Map<String, int[]> byGroup;
  private final AccessGrant[] grants;
  private final Interval[] intervals;
  private final int groupGrants;

  GrantIndex(List<AccessGrant> all) {
    grants = all.toArray(new AccessGrant[0]);
    intervals = new Interval[grants.length];
    Map<String, List<Integer>> scopes = new HashMap<>();
    Map<String, List<Integer>> groups = new HashMap<>();
    int inGroups = 0;
    for (int i = 0; i < grants.length; i++) {
      Scope scope = grants[i].scope();
      intervals[i] = grants[i].interval();
      if (scope.isManagementGroup()) {
        groups.computeIfAbsent(scope.managementGroupKey(), k -> new ArrayList<>()).add(i);
        inGroups++;
      } else if (!scope.isRoot()) {
        scopes.computeIfAbsent(scope.key(), k -> new ArrayList<>()).add(i);
      }
    }
    byScope = freeze(scopes);
    byGroup = freeze(groups);
    groupGrants = inGroups;
  }

  private static Map<String, int[]> freeze(Map<String, List<Integer>> m) {
    Map<String, int[]> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  /** The number of grants at management-group scope. */
  int groupGrantCount() {
    return groupGrants;
  }

  /**
   * The grants whose scope covers {@code resource} (or a management group above {@code entitlementId}) and
   * whose interval overlaps {@code day}, in input order.
   */
  List<AccessGrant> reaching(Scope resource, String entitlementId, ManagementHierarchy hierarchy, Interval day) {
    int[] all = candidates(resource, entitlementId, hierarchy);
    if (all.length == 0) {
      return List.of();
    }
    List<AccessGrant> out = new ArrayList<>(all.length);
    for (int i : all) {
      if (intervals[i].overlaps(day)) {
        out.add(grants[i]);
      }
    }
    return out;
  }

  private static final int[] NONE = new int[0];
  private static final int CACHE_LIMIT = 1 << 16;
  private final ConcurrentHashMap<String, int[]> byResource = new ConcurrentHashMap<>();

  /**
   * The positions of the grants that can reach {@code resource}, whatever the day: at the resource or an
   * ancestor, or at a management group above {@code entitlementId}. Sorted; the same array for the same resource
   * while the memo holds it, so callers may key memos on its identity.
   */
  int[] candidates(Scope resource, String entitlementId, ManagementHierarchy hierarchy) {
    int[] byPath = candidates(resource);
    if (byGroup.isEmpty() || !hierarchy.isGiven()) {
      return byPath;
    }
    String key = resource.key() + '\u0000' + entitlementId.trim().toLowerCase(java.util.Locale.ROOT);
    int[] cached = withGroups.get(key);
    if (cached == null) {
      cached = canonical(merge(byPath, groupCandidates(hierarchy.groupsOf(entitlementId))));
      if (withGroups.size() >= CACHE_LIMIT) {
        withGroups.clear();
      }
      withGroups.put(key, cached);
    }
    return cached;
  }

  private final ConcurrentHashMap<String, int[]> withGroups = new ConcurrentHashMap<>();

  /** The grants whose scope is the resource or an ancestor, sorted by input position; memoised per resource. */
  private int[] candidates(Scope resource) {
    int[] cached = byResource.get(resource.key());
    if (cached != null) {
      return cached;
    }
    int[] found = NONE;
    for (String key : resource.ancestorKeys()) {
      int[] bucket = byScope.get(key);
      if (bucket != null) {
        found = merge(found, bucket);
      }
    }
    found = canonical(found);
    if (byResource.size() >= CACHE_LIMIT) {
      byResource.clear();
    }
    byResource.put(resource.key(), found);
    return found;
  }

  /** One array per distinct set of candidates (memoised), so that resources holding the same grants share it. */
  private final ConcurrentHashMap<Candidates, int[]> distinct = new ConcurrentHashMap<>();

  private int[] canonical(int[] found) {
    if (found.length == 0) {
      return NONE;
    }
    Candidates key = new Candidates(found);
    int[] known = distinct.get(key);
    if (known != null) {
      return known;
    }
    if (distinct.size() >= CACHE_LIMIT) {
      distinct.clear();
    }
    known = distinct.putIfAbsent(key, found);
    return known != null ? known : found;
  }

  /** Grant positions compared by content. */
  private static final class Candidates {
    private final int[] positions;
    private final int hash;

    Candidates(int[] positions) {
      this.positions = positions;
      this.hash = Arrays.hashCode(positions);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Candidates c && c.hash == hash && Arrays.equals(c.positions, positions);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private int[] groupCandidates(List<String> groups) {
    int[] found = NONE;
    for (String group : groups) {
      int[] bucket = byGroup.get(group);
      if (bucket != null) {
        found = merge(found, bucket);
      }
    }
    return found;
  }

  /** The sorted union of two sorted index arrays. */
  private static int[] merge(int[] a, int[] b) {
    if (a.length == 0) {
      return b;
    }
    if (b.length == 0) {
      return a;
    }
    int[] out = new int[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      int next = j == b.length || i < a.length && a[i] <= b[j] ? a[i++] : b[j++];
      if (n == 0 || out[n - 1] != next) {
        out[n++] = next;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
