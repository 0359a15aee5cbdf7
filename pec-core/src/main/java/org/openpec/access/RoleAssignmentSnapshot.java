package org.openpec.access;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openpec.model.Scope;

/**
 * One role-assignment listing taken at a known instant: the JSON array that {@code az role assignment list
 * --all --include-inherited -o json} prints.
 *
 * <p>Each entry is a role assignment with the fields the Azure CLI prints ({@code id}, {@code name}, {@code
 * scope}, {@code roleDefinitionId}, {@code roleDefinitionName}, {@code principalId}, {@code principalType},
 * {@code createdOn}, ...; older CLI versions nest some of them under {@code properties}, which is read too).
 * The command and its fields: https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-cli
 * and https://learn.microsoft.com/cli/azure/role/assignment#az-role-assignment-list; {@code createdOn} is the
 * RoleAssignment property of https://learn.microsoft.com/rest/api/authorization/role-assignments. Listings are
 * compared only with listings of the same {@link #series()}: give each subscription's listings
 * their own series when they are taken separately, since an assignment missing from a listing of another
 * subscription says nothing about it.
 *
 * <p>An entry without a usable id is reported and cannot count as seen; an entry without a role or a principal
 * is reported but still counts as seen (another source may name them). A listing that a syntax error cut short
 * is {@linkplain #isComplete() incomplete}: the importer leaves it out rather than take every assignment after
 * the error for deleted. Immutable and thread-safe.
 *
 * @param file the file's name as given
 * @param takenAt when the listing was taken
 * @param series the series the listing belongs to; empty text for the default series
 * @param assignments the entries, in file order
 * @param entriesRead every entry of the file, malformed ones included
 * @param problems what could not be used, in file order
 * @param isComplete false when a syntax error stopped the reading before the end of the file
 */
public record RoleAssignmentSnapshot(String file, Instant takenAt, String series, List<ListedAssignment> assignments,
    long entriesRead, List<ImportProblem> problems, boolean isComplete) {

  /**
   * Validates and freezes the listing.
   *
   * @param file the name to report problems under (e.g. the file name without folders)
   * @param takenAt when the listing was taken
   * @param series the series the listing belongs to; empty text for the default series
   * @param assignments the listed assignments, in file order
   * @param entriesRead the number of entries read
   * @param problems the problems found, in input order
   * @param isComplete whether the file was read to its end without a fatal problem
   */
  public RoleAssignmentSnapshot {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(takenAt, "takenAt");
    series = Objects.requireNonNull(series, "series").trim();
    assignments = List.copyOf(assignments);
    problems = List.copyOf(problems);
  }

  /**
   * Reads a listing of the default series; see {@link #read(String, Instant, String, Reader)}.
   *
   * @param file the name to report problems under (e.g. the file name without folders)
   * @param takenAt when the listing was taken
   * @param in the text to read; not closed
   * @return the listing, with the malformed entries as problems
   * @throws IOException when {@code in} fails; malformed JSON is a problem, not an exception
   */
  public static RoleAssignmentSnapshot read(String file, Instant takenAt, Reader in) throws IOException {
    return read(file, takenAt, "", in);
  }

  /**
   * Reads one listing. The reader is read to its end and not closed; a byte-order mark is ignored.
   *
   * @param in the text to read; not closed
   * @param file the name to report problems under
   * @param takenAt when the listing was taken
   * @param series the series it belongs to (e.g. the subscription id); empty text for the default series
   * @return the listing, with the malformed entries as problems
   * @throws IOException when {@code in} fails; malformed JSON is a problem, not an exception
   */
  public static RoleAssignmentSnapshot read(String file, Instant takenAt, String series, Reader in)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(in, "in");
    List<ListedAssignment> entries = new ArrayList<>();
    List<ImportProblem> problems = new ArrayList<>();
    Json.Outcome outcome = Json.readElements(file, in, e -> entry(e, entries, problems), problems);
    return new RoleAssignmentSnapshot(file, takenAt, series, entries, outcome.elements(), problems,
        outcome.isComplete());
  }

  /** The field {@code name} of an entry, at its top level or, as older CLI versions print it, under properties. */
  private static String field(Object entry, String name) {
    String top = Json.text(Json.field(entry, name));
    return top.isEmpty() ? Json.text(Json.path(entry, "properties", name)) : top;
  }

  private static void entry(Json.Element element, List<ListedAssignment> entries, List<ImportProblem> problems) {
    SourcePosition at = element.position();
    String label = "entry " + at.index() + ": ";
    Object e = element.value();
    if (!(e instanceof Map<?, ?>)) {
      problems.add(at.problem(label + "not a JSON object"));
      return;
    }
    String id = field(e, "id");
    String scopeText = field(e, "scope");
    if (!AssignmentIds.isAssignmentId(id)) {
      String name = field(e, "name");
      if (scopeText.isEmpty() || name.isEmpty() || name.indexOf('/') >= 0) {
        problems.add(at.problem(label + "no role-assignment id: id is \"" + id + "\", and name and scope do not "
            + "make one"));
        return;
      }
      id = AssignmentIds.of(scopeText, name);
    }
    Optional<String> malformed = scopeText.isEmpty() ? AssignmentIds.scopeMalformation(id)
        : Scope.malformation(scopeText);
    if (malformed.isPresent()) {
      problems.add(at.problem(label + "assignment " + id + ": scope \"" + (scopeText.isEmpty() ? id : scopeText)
          + "\" is not a grant scope (" + malformed.get() + "), so no grant is made"));
      return;
    }
    Scope scope = scopeText.isEmpty() ? AssignmentIds.scopeOf(id) : Scope.parse(scopeText);
    String roleDefinitionId = field(e, "roleDefinitionId");
    String roleName = field(e, "roleDefinitionName");
    String principalId = field(e, "principalId");
    if (roleDefinitionId.isEmpty() && roleName.isEmpty()) {
      problems.add(at.problem(label + "assignment " + AssignmentIds.nameOf(id)
          + " has neither roleDefinitionId nor roleDefinitionName"));
    }
    if (principalId.isEmpty()) {
      problems.add(at.problem(label + "assignment " + AssignmentIds.nameOf(id) + " has no principalId"));
    }
    Optional<Instant> createdOn = Optional.empty();
    String createdText = field(e, "createdOn");
    if (!createdText.isEmpty()) {
      try {
        createdOn = Optional.of(Json.instant(createdText));
      } catch (DateTimeParseException ex) {
        problems.add(at.problem(label + "createdOn must be an ISO-8601 instant, was \"" + createdText + "\""));
      }
    }
    entries.add(new ListedAssignment(id, scope, roleDefinitionId, roleName, principalId,
        field(e, "principalType"), createdOn, at));
  }
}
