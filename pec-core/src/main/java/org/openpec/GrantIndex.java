package org.openpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpec.model.AccessGrant;
import org.openpec.model.ManagementHierarchy;
import org.openpec.model.Scope;
import org.openpec.time.Interval;

/**
 * Grants indexed by the key of their scope, so that a line looks up only the scopes that can cover it: its
 * resource, each ancestor, and the management groups above its subscription. Immutable once built.
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
    int[] found = null;
    int count = 0;
    for (String key : resource.ancestorKeys()) {
      int[] bucket = byScope.get(key);
      if (bucket != null) {
        if (found == null) {
          found = new int[Math.max(8, bucket.length)];
        }
        for (int i : bucket) {
          if (intervals[i].overlaps(day)) {
            if (count == found.length) {
              found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = i;
          }
        }
      }
    }
    if (!byGroup.isEmpty()) {
      for (String group : hierarchy.groupsOf(entitlementId)) {
        int[] bucket = byGroup.get(group);
        if (bucket != null) {
          if (found == null) {
            found = new int[Math.max(8, bucket.length)];
          }
          for (int i : bucket) {
            if (intervals[i].overlaps(day)) {
              if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
              }
              found[count++] = i;
            }
          }
        }
      }
    }
    if (count == 0) {
      return List.of();
    }
    Arrays.sort(found, 0, count);
    List<AccessGrant> out = new ArrayList<>(count);
    int last = -1;
    for (int k = 0; k < count; k++) {
      if (found[k] != last) {
        out.add(grants[found[k]]);
        last = found[k];
      }
    }
    return out;
  }
}
