package org.openpec.internal.losses;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpec.model.AccessGrant;
import org.openpec.model.ManagementHierarchy;
import org.openpec.model.Scope;
import org.openpec.model.UsageLine;

/**
 * Every grant whose scope covers a line's resource at any time (rules §4): at the resource, an ancestor scope, or
 * a management group above the line's subscription. Indexed by scope key; immutable once built.
 */
final class CoveringGrants {

  private final Map<String, List<AccessGrant>> byScope = new HashMap<>();
  private final Map<String, List<AccessGrant>> byGroup = new HashMap<>();
  private final ManagementHierarchy hierarchy;

  CoveringGrants(Collection<AccessGrant> grants, ManagementHierarchy hierarchy) {
    this.hierarchy = hierarchy;
    for (AccessGrant g : grants) {
      Scope s = g.scope();
      if (s.isManagementGroup()) {
        byGroup.computeIfAbsent(s.managementGroupKey(), k -> new ArrayList<>()).add(g);
      } else if (!s.isRoot()) {
        byScope.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(g);
      }
    }
  }

  /** The grants covering {@code line}'s resource, whatever their interval, role or partner. */
  List<AccessGrant> of(UsageLine line) {
    List<AccessGrant> out = new ArrayList<>();
    for (String key : line.resource().ancestorKeys()) {
      out.addAll(byScope.getOrDefault(key, List.of()));
    }
    if (!byGroup.isEmpty()) {
      for (String group : hierarchy.groupsOf(line.entitlementId())) {
        out.addAll(byGroup.getOrDefault(group, List.of()));
      }
    }
    return out;
  }
}
