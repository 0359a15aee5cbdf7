package org.openpec.model;

import java.util.Locale;
import java.util.Objects;

/**
 * How a role assignment is held (rules §2.5): standing ({@link #ACTIVE}) or just-in-time ({@link #ELIGIBLE}).
 * Only active assignments ever earn credit; each PIM or Lighthouse activation is its own active grant.
 */
public enum Assignment {
  /** A standing assignment, in force for its whole interval. */
  ACTIVE,
  /** An eligible (just-in-time) authorization, which never counts by itself. */
  ELIGIBLE;

  /**
   * Parses {@code ACTIVE} or {@code ELIGIBLE}, case-insensitively; empty text is {@link #ACTIVE}.
   *
   * @param text {@code ACTIVE} or {@code ELIGIBLE}
   * @return the assignment kind the text names
   * @throws IllegalArgumentException for any other text
   */
  public static Assignment parse(CharSequence text) {
    String s = Objects.requireNonNull(text, "assignment").toString().trim();
    if (s.isEmpty()) {
      return ACTIVE;
    }
    switch (s.toUpperCase(Locale.ROOT)) {
      case "ACTIVE":
        return ACTIVE;
      case "ELIGIBLE":
        return ELIGIBLE;
      default:
        throw new IllegalArgumentException("assignment must be ACTIVE or ELIGIBLE, was \"" + s + "\"");
    }
  }
}
