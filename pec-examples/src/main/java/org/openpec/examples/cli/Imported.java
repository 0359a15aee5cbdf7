package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openpec.access.AccessFiles;
import org.openpec.access.AccessImport;
import org.openpec.access.ActivityLog;
import org.openpec.access.ImportProblem;
import org.openpec.access.ImportResult;
import org.openpec.access.PrincipalDirectory;
import org.openpec.access.RoleAssignmentSnapshot;
import org.openpec.io.InputException;
import org.openpec.io.Loaded;
import org.openpec.io.SideFiles;

/**
 * The grants imported from Azure's own records ({@link AccessSourceOptions}), with every problem met — bad rows
 * of the principals file and malformed events or listing entries — already reported on standard error as
 * {@code file:line:column: message}.
 *
 * @param result the import: grants, uncertain windows, problems and summary
 * @param problems how many problems were reported: the principals file's bad rows and the import's problems
 */
record Imported(ImportResult result, long problems) {

  /**
   * Reads the sources and imports them.
   *
   * @throws org.openpec.io.InputException when a file cannot be read at all (exit 1)
   */
  static Imported load(AccessSourceOptions o, PrintWriter err) {
    Loaded<PrincipalDirectory> principals = SideFiles.principals(o.principals);
    principals.problems().forEach(err::println);
    Inputs.requireUsable(o.principals.toString(), principals.rows(), principals.problems().size(),
        principals.problems().isEmpty() ? null : principals.problems().get(0).toString());
    List<ActivityLog> logs = new ArrayList<>();
    for (Path p : o.activityLogs) {
      ActivityLog log = AccessFiles.activityLog(p);
      if (log.firstEventAt().isEmpty() && !log.problems().isEmpty()) {
        throw new InputException(p + ": no usable event: " + log.eventsRead() + " event(s) read, none readable; "
            + "first problem: " + AccessFiles.problem(log.problems().get(0)));
      }
      logs.add(log);
    }
    List<RoleAssignmentSnapshot> snapshots = new ArrayList<>();
    for (AccessSourceOptions.SnapshotSource s : o.snapshots) {
      RoleAssignmentSnapshot listing = AccessFiles.snapshot(s.file(), s.takenAt(), s.series());
      if (listing.assignments().isEmpty() && !listing.problems().isEmpty()) {
        throw new InputException(s.file() + ": no usable entry: " + listing.entriesRead() + " entr"
            + (listing.entriesRead() == 1 ? "y" : "ies") + " read, none usable; first problem: "
            + AccessFiles.problem(listing.problems().get(0)));
      }
      snapshots.add(listing);
    }
    AccessImport.Builder b = AccessImport.builder().principals(principals.value()).addAllActivityLogs(logs)
        .addAllSnapshots(snapshots);
    if (o.since != null) {
      b.since(o.since);
    }
    if (o.until != null) {
      b.until(o.until);
    }
    ImportResult result = b.build().run();
    for (ImportProblem p : result.problems()) {
      err.println(AccessFiles.problem(p));
    }
    err.flush();
    return new Imported(result, principals.problems().size() + result.problems().size());
  }
}
