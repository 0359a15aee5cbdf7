package org.openpec.io;

import java.util.List;
import java.util.Objects;

/**
 * What a reader of a side file (grants, price list, partners, rates, hierarchy, principals) made of it: the value built
 * from the good rows, and the bad rows, each reported and ignored (rules §11).
 *
 * @param value the value built from the good rows
 * @param rows the number of records read (good and bad)
 * @param problems the bad rows, in file order
 * @param <T> the value's type
 */
public record Loaded<T>(T value, long rows, List<InputProblem> problems) {
  /**
   * Validates and freezes the result.
   *
   * @param value the value read
   * @param rows the number of data rows read
   * @param problems the problems found, in input order
   */
  public Loaded {
    Objects.requireNonNull(value, "value");
    problems = List.copyOf(problems);
  }
}
