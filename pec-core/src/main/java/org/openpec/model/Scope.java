package org.openpec.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure Resource Manager scope: {@code /subscriptions/{s}}, a resource group below it, a resource ID below
 * that (child resources included), or a management group
 * ({@code /providers/Microsoft.Management/managementGroups/{name}}).
 *
 * <p>The canonical form has one leading {@code /}, no empty segment and no trailing {@code /}; the case of
 * the text is kept for display. Ancestry compares path segments case-insensitively (rules §4): {@code
 * /subscriptions/a} covers {@code /subscriptions/A/resourceGroups/g} but never {@code /subscriptions/ab}. The
 * root scope {@code /} has no segment and covers nothing. Equality is case-insensitive. Case is folded for ASCII
 * letters only, as Azure compares resource IDs (ordinal, ignoring case): {@code K} matches {@code k}, the KELVIN
 * SIGN U+212A does not. Immutable and thread-safe.
 *
 * <p>{@link #parse} is lenient (it is used for usage lines, whose resource is only looked up). A scope that
 * grants access is checked with {@link #malformation}: a grant at {@code /subscriptions/} (no id) would
 * otherwise cover every subscription.
 */
public final class Scope {

  private static final String GROUP_PREFIX = "/providers/microsoft.management/managementgroups/";

  private final String path;
  private final String key;

  private Scope(String path) {
    this.path = path;
    this.key = asciiLower(path);
  }

  /**
   * The order of scopes as scopes: segment by segment, ignoring ASCII case, a scope before its descendants.
   * Consistent with {@link #equals}: two spellings of one scope compare equal.
   */
  public static final Comparator<Scope> ORDER = Scope::compareAsScopes;

  private static int compareAsScopes(Scope a, Scope b) {
    String x = a.key;
    String y = b.key;
    int n = Math.min(x.length(), y.length());
    for (int i = 0; i < n; i++) {
      char c = x.charAt(i);
      char d = y.charAt(i);
      if (c != d) {
        // a segment that ends here sorts before any longer segment
        if (c == '/') {
          return -1;
        }
        if (d == '/') {
          return 1;
        }
        return Character.compare(c, d);
      }
    }
    return Integer.compare(x.length(), y.length());
  }

  /**
   * {@code text} with ASCII letters {@code A–Z} folded to lower case and every other character kept: the ordinal
   * ignore-case comparison Azure applies to IDs.
   *
   * @param text the scope as written
   * @return the text with ASCII letters in lower case
   */
  public static String asciiLower(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        break;
      }
      i++;
    }
    if (i == n) {
      return text;
    }
    char[] out = text.toCharArray();
    for (; i < n; i++) {
      char c = out[i];
      if (c >= 'A' && c <= 'Z') {
        out[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(out);
  }

  /**
   * {@return why {@code text} cannot be the scope of a grant, or empty when it can} A grant's scope starts with
   * {@code /};
   * has no empty segment (a trailing {@code /} is ignored), no {@code .} or {@code ..} segment; and names
   * what it selects: {@code /subscriptions} needs an id, {@code resourceGroups} a name, {@code
   * managementGroups} a name. {@code /} alone is the root scope (well-formed; it covers nothing).
   *
   * @param text the scope as written
   */
  public static Optional<String> malformation(CharSequence text) {
    String s = text.toString().trim();
    if (s.isEmpty()) {
      return Optional.of("a scope must not be empty");
    }
    if (s.charAt(0) != '/') {
      return Optional.of("a scope must start with /");
    }
    String body = s.length() > 1 && s.endsWith("/") ? s.substring(1, s.length() - 1) : s.substring(1);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    String[] segments = body.split("/", -1);
    for (String segment : segments) {
      String part = segment.trim();
      if (part.isEmpty()) {
        return Optional.of("a scope must not have an empty segment (//)");
      }
      if (part.equals(".") || part.equals("..")) {
        return Optional.of("a scope must not have a \"" + part + "\" segment");
      }
    }
    for (int i = 0; i < segments.length; i++) {
      String part = asciiLower(segments[i].trim());
      boolean needsName = i == 0 && part.equals("subscriptions")
          || i == 2 && part.equals("resourcegroups") && asciiLower(segments[0].trim()).equals("subscriptions")
          || part.equals("managementgroups") && i > 0
              && asciiLower(segments[i - 1].trim()).equals("microsoft.management");
      if (needsName && i + 1 >= segments.length) {
        return Optional.of("a scope must name the " + segments[i].trim() + " it selects (\"" + s
            + "\" ends after " + segments[i].trim() + ")");
      }
    }
    return Optional.empty();
  }

  /**
   * Parses an ARM ID into its canonical form. Surrounding spaces, repeated and trailing slashes are ignored.
   *
   * @param text the scope as written
   * @return the scope
   * @throws NullPointerException if {@code text} is null
   */
  public static Scope parse(CharSequence text) {
    Objects.requireNonNull(text, "scope");
    String given = text.toString();
    int slot = (given.hashCode() * 0x9E3779B9 >>> 20) & (PARSED.length - 1);
    Parsed known = PARSED[slot];
    if (known != null && known.text().equals(given)) {
      return known.scope();
    }
    Scope parsed = parseAnew(given);
    PARSED[slot] = new Parsed(given, parsed);
    return parsed;
  }

  /**
   * Texts parsed lately and their scopes: usage repeats each resource's ID on every line of it. Shared by all
   * threads without locking: an entry is immutable, and a lost write only costs a parse.
   */
  private static final Parsed[] PARSED = new Parsed[1 << 12];

  private record Parsed(String text, Scope scope) {}

  private static Scope parseAnew(String given) {
    String s = given.trim();
    if (isCanonical(s)) {
      return new Scope(s);
    }
    StringBuilder sb = new StringBuilder(s.length() + 1);
    for (String segment : s.split("/")) {
      String part = segment.trim();
      if (!part.isEmpty()) {
        sb.append('/').append(part);
      }
    }
    return new Scope(sb.length() == 0 ? "/" : sb.toString());
  }

  private static boolean isCanonical(String s) {
    int n = s.length();
    if (n < 2 || s.charAt(0) != '/' || s.charAt(n - 1) == '/') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (c == '/' && s.charAt(i - 1) == '/') {
        return false;
      }
      if (c == ' ' && (s.charAt(i - 1) == '/' || i + 1 < n && s.charAt(i + 1) == '/')) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@return the scope of a whole Azure subscription, {@code /subscriptions/{subscriptionId}}}
   *
   * @param subscriptionId the Azure subscription id
   */
  public static Scope subscription(String subscriptionId) {
    return parse("/subscriptions/" + Objects.requireNonNull(subscriptionId, "subscriptionId").trim());
  }

  /**
   * {@return the scope of a management group, {@code /providers/Microsoft.Management/managementGroups/{name}}}
   *
   * @param name the management group's name
   */
  public static Scope managementGroup(String name) {
    return parse("/providers/Microsoft.Management/managementGroups/" + Objects.requireNonNull(name, "name").trim());
  }

  /** {@return the canonical text, with the case as written} */
  public String path() {
    return path;
  }

  /** {@return the canonical text with ASCII letters in lower case: the comparison key of this scope} */
  public String key() {
    return key;
  }

  /** {@return whether this is the root scope {@code /}, which covers nothing} */
  public boolean isRoot() {
    return path.length() == 1;
  }

  /** {@return whether this is a management-group scope} */
  public boolean isManagementGroup() {
    return key.startsWith(GROUP_PREFIX) && key.indexOf('/', GROUP_PREFIX.length()) < 0
        && key.length() > GROUP_PREFIX.length();
  }

  /** {@return the management group's name in lower case, when {@link #isManagementGroup()}; else empty text} */
  public String managementGroupKey() {
    return isManagementGroup() ? key.substring(GROUP_PREFIX.length()) : "";
  }

  /**
   * {@return whether this scope equals {@code other} or is one of its ancestors, segment by segment and ignoring case}
   * The root scope covers nothing; a management-group scope covers only itself here (its subscriptions are
   * known from a hierarchy, not from the path).
   *
   * @param other the other scope
   */
  public boolean covers(Scope other) {
    if (isRoot()) {
      return false;
    }
    String k = other.key;
    return k.startsWith(key) && (k.length() == key.length() || k.charAt(key.length()) == '/');
  }

  /**
   * {@return the keys of this scope and of every ancestor with at least one segment, from the longest to the shortest}
   * These are exactly the keys of the scopes that {@link #covers(Scope) cover} this one.
   */
  public List<String> ancestorKeys() {
    List<String> keys = new ArrayList<>(8);
    if (isRoot()) {
      return keys;
    }
    keys.add(key);
    for (int i = key.length() - 1; i > 0; i--) {
      if (key.charAt(i) == '/') {
        keys.add(key.substring(0, i));
      }
    }
    return keys;
  }

  /** Case-insensitive equality of the canonical forms. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Scope other && key.equals(other.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  /** The canonical text, as written. */
  @Override
  public String toString() {
    return path;
  }
}
