package org.openpec.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The hand-written exports of the tests, and the ids they use. */
final class Fixtures {

  static final String SUBSCRIPTION = "5b2c1a3e-7d4f-4e6a-9b8c-0d1e2f3a4b5c";
  static final String SUB = "/subscriptions/" + SUBSCRIPTION;
  static final String RG = SUB + "/resourceGroups/rg-app";
  static final String MG = "/providers/Microsoft.Management/managementGroups/contoso-mg";
  /** The partner's Admin Agents foreign group (AOBO). */
  static final String ADMIN_AGENTS = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
  /** A group of the managing tenant of a Lighthouse delegation. */
  static final String LIGHTHOUSE = "6f5e4d3c-2b1a-4098-8765-43210fedcba9";
  /** A user of the customer's own directory, not in the principals file. */
  static final String CUSTOMER_USER = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
  static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
  static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
  static final String PARTNER = "6034453";

  private Fixtures() {}

  /** The name of the n-th role assignment of the fixtures. */
  static String name(int n) {
    return String.format("3f1e2d4c-%04d-4a5b-8c6d-7e8f9a0b1c2d", n);
  }

  static String assignmentId(String scope, int n) {
    return scope + "/providers/Microsoft.Authorization/roleAssignments/" + name(n);
  }

  static String roleDefinition(String guid) {
    return SUB + "/providers/Microsoft.Authorization/roleDefinitions/" + guid;
  }

  static Instant at(String iso) {
    return Instant.parse(iso);
  }

  static Reader resource(String name) {
    InputStream in = Fixtures.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  static ActivityLog log(String name) {
    try (Reader r = resource(name)) {
      return ActivityLog.read(name, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ActivityLog logOf(String name, String text) {
    try {
      return ActivityLog.read(name, new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RoleAssignmentSnapshot snapshot(String name, String takenAt) {
    try (Reader r = resource(name)) {
      return RoleAssignmentSnapshot.read(name, at(takenAt), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RoleAssignmentSnapshot snapshotOf(String name, String takenAt, String text) {
    try {
      return RoleAssignmentSnapshot.read(name, at(takenAt), new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The partner's principals: Admin Agents as AOBO, the managing-tenant group as a Lighthouse offer. */
  static PrincipalDirectory principals() {
    return PrincipalDirectory.of(java.util.List.of(
        new PrincipalMapping(ADMIN_AGENTS, PARTNER, "AOBO"),
        new PrincipalMapping(LIGHTHOUSE, PARTNER, "LIGHTHOUSE_OFFER")));
  }
}
