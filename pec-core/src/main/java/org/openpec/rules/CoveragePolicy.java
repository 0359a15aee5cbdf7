package org.openpec.rules;

/**
 * How the qualifying grants of a line must cover its usage day (rules §5, §12).
 */
public enum CoveragePolicy {
  /** The union of the grants' intervals must enclose the day; abutting or overlapping grants join. Default. */
  UNION,
  /** One grant alone must hold from {@code D 00:00Z} to {@code D+1 00:00Z}. */
  SINGLE
}
