package org.openpec.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The management-group ancestry of Azure subscriptions (rules §4, §12), so that grants at management-group
 * scope can cover the subscriptions below them.
 *
 * <p>Subscription ids are Azure subscription ids (the usage file's {@code EntitlementId}); ids and group names
 * compare trimmed, whole and ignoring case. An unlisted subscription is under no group. Immutable and
 * thread-safe.
 */
public final class ManagementHierarchy {

  private static final ManagementHierarchy NONE = new ManagementHierarchy(Map.of(), false);

  private final Map<String, List<String>> groups;
  private final boolean given;

  private ManagementHierarchy(Map<String, List<String>> groups, boolean given) {
    this.groups = groups;
    this.given = given;
  }

  /** {@return no hierarchy: management-group grants cover nothing} */
  public static ManagementHierarchy none() {
    return NONE;
  }

  /**
   * {@return a hierarchy from subscription ids to their management-group chains (root first)} A later entry for the
   * same subscription replaces an earlier one.
   *
   * @param chains each subscription's chain of management groups from the root down
   */
  public static ManagementHierarchy of(Map<String, List<String>> chains) {
    Map<String, List<String>> g = new HashMap<>();
    chains.forEach((sub, chain) -> {
      List<String> keys = new ArrayList<>();
      for (String name : chain) {
        String k = name.trim().toLowerCase(Locale.ROOT);
        if (!k.isEmpty()) {
          keys.add(k);
        }
      }
      g.put(sub.trim().toLowerCase(Locale.ROOT), List.copyOf(keys));
    });
    return new ManagementHierarchy(Map.copyOf(g), true);
  }

  /**
   * {@return the group names (lower case, root first) above the Azure subscription {@code entitlementId}}
   *
   * @param entitlementId the Azure subscription id
   */
  public List<String> groupsOf(String entitlementId) {
    return groups.getOrDefault(entitlementId.trim().toLowerCase(Locale.ROOT), List.of());
  }

  /** {@return whether a hierarchy was given} */
  public boolean isGiven() {
    return given;
  }
}
