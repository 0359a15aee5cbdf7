package org.openpec.access;

import java.util.List;
import java.util.Objects;
import org.openpec.model.AccessGrant;

/**
 * What an import gives: the grants to evaluate, the uncertain windows for explanations, the problems to report
 * and the summary. Immutable and thread-safe.
 *
 * @param grants the grants, sorted by {@code grantedAt}, then grant id; one per lifetime of an assignment
 * @param uncertainWindows the uncertain windows, sorted by start, then assignment id
 * @param problems every problem: those of the files in the order given, then those of the import itself
 * @param summary the counts
 */
public record ImportResult(List<AccessGrant> grants, List<UncertainWindow> uncertainWindows,
    List<ImportProblem> problems, ImportSummary summary) {

  /**
   * Validates and freezes the result.
   *
   * @param grants the grants, in input order
   * @param uncertainWindows the windows in which access is not known
   * @param problems the problems found, in input order
   * @param summary the summary
   */
  public ImportResult {
    grants = List.copyOf(grants);
    uncertainWindows = List.copyOf(uncertainWindows);
    problems = List.copyOf(problems);
    Objects.requireNonNull(summary, "summary");
  }
}
