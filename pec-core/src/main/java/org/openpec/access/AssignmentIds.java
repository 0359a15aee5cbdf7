package org.openpec.access;

import java.util.Locale;
import org.openpec.model.Scope;

/**
 * Role-assignment ids: {@code {scope}/providers/Microsoft.Authorization/roleAssignments/{name}}, the {@code id}
 * of the role-assignment resource (REST {@code RoleAssignment.id}) and the {@code resourceId} of its Activity Log
 * events. Two ids name the same assignment when their canonical scope forms are equal ignoring case.
 */
final class AssignmentIds {

  static final String SEGMENT = "/providers/microsoft.authorization/roleassignments/";
  static final String PROVIDER_PATH = "/providers/Microsoft.Authorization/roleAssignments/";

  private AssignmentIds() {}

  /** Whether {@code id} ends in {@code /providers/Microsoft.Authorization/roleAssignments/{name}}. */
  static boolean isAssignmentId(String id) {
    if (id == null || id.isBlank()) {
      return false;
    }
    String key = Scope.parse(id).key();
    int i = key.lastIndexOf(SEGMENT);
    return i >= 0 && key.length() > i + SEGMENT.length() && key.indexOf('/', i + SEGMENT.length()) < 0
        && !key.substring(i + SEGMENT.length()).isBlank();
  }

  /** The comparison key of an assignment id: its canonical form in lower case. */
  static String key(String id) {
    return Scope.parse(id).key();
  }

  /** The canonical id, with the case as written. */
  static String canonical(String id) {
    return Scope.parse(id).path();
  }

  /** The scope part of an assignment id: {@code /} when the assignment is at the root. */
  static Scope scopeOf(String id) {
    String path = Scope.parse(id).path();
    int i = path.toLowerCase(Locale.ROOT).lastIndexOf(SEGMENT);
    return Scope.parse(i <= 0 ? "/" : path.substring(0, i));
  }

  /**
   * Why the scope part of an assignment id (the text before {@code /providers/Microsoft.Authorization/
   * roleAssignments/}, as written) cannot be a grant's scope ({@link Scope#malformation}), or empty.
   */
  static java.util.Optional<String> scopeMalformation(String id) {
    String raw = id.trim();
    int i = Scope.asciiLower(raw).lastIndexOf(SEGMENT);
    return i <= 0 ? java.util.Optional.empty() : Scope.malformation(raw.substring(0, i));
  }

  /** The name (a GUID) at the end of an assignment id. */
  static String nameOf(String id) {
    String path = Scope.parse(id).path();
    return path.substring(path.toLowerCase(Locale.ROOT).lastIndexOf(SEGMENT) + SEGMENT.length());
  }

  /** The id of the assignment named {@code name} at {@code scope}. */
  static String of(String scope, String name) {
    return canonical(scope.trim() + PROVIDER_PATH + name.trim());
  }
}
