package org.openpec.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The roles that earn PEC (rules §3), looked up by role-definition GUID first and by name second.
 *
 * <p>A GUID found in the catalogue decides alone, even if the name says otherwise; when the GUID is absent or
 * unknown, the name decides (case-insensitive, surrounding spaces ignored). A role found in neither way is
 * unknown, and unknown roles are not eligible. {@link #bundled()} is Microsoft's table of built-in roles
 * (122 roles, 98 eligible); {@link #withRole(Role)} adds a custom role or overrides a built-in one.
 * Immutable and thread-safe.
 */
public final class RoleCatalog {

  private static final String RESOURCE = "pec-roles.csv";
  private static volatile RoleCatalog bundled;

  private final Map<String, Role> byId;
  private final Map<String, Role> byName;

  private RoleCatalog(Map<String, Role> byId, Map<String, Role> byName) {
    this.byId = byId;
    this.byName = byName;
  }

  /** {@return the catalogue without any role: nothing is eligible} */
  public static RoleCatalog empty() {
    return new RoleCatalog(Map.of(), Map.of());
  }

  /** {@return the bundled catalogue of built-in roles ({@code pec-roles.csv})} */
  public static RoleCatalog bundled() {
    RoleCatalog c = bundled;
    if (c == null) {
      c = load();
      bundled = c;
    }
    return c;
  }

  /**
   * {@return a catalogue of exactly the given roles; a later role replaces an earlier one with the same GUID or name}
   *
   * @param roles the role catalogue
   */
  public static RoleCatalog of(Collection<Role> roles) {
    RoleCatalog c = empty();
    for (Role r : roles) {
      c = c.withRole(r);
    }
    return c;
  }

  private static RoleCatalog load() {
    Map<String, Role> ids = new HashMap<>();
    Map<String, Role> names = new HashMap<>();
    try (InputStream in = RoleCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled role catalogue " + RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      Objects.requireNonNull(header, RESOURCE + " is empty");
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        // Role names in the catalogue hold no comma, so a plain split is exact for this file.
        String[] cells = line.split(",", -1);
        Role role = Role.of(cells[0], cells[1], Boolean.parseBoolean(cells[2].trim()));
        role.definitionId().ifPresent(id -> ids.put(id, role));
        names.put(nameKey(role.name()), role);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RoleCatalog(Map.copyOf(ids), Map.copyOf(names));
  }

  private static String nameKey(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return this catalogue with {@code role} added, replacing any role with the same GUID or the same name} A role
   * given
   * by name alone also replaces the GUID entries of the role it overrides, so that assignments carrying that
   * GUID see the new eligibility too.
   *
   * @param role the role
   */
  public RoleCatalog withRole(Role role) {
    Objects.requireNonNull(role, "role");
    Map<String, Role> ids = new HashMap<>(byId);
    Map<String, Role> names = new HashMap<>(byName);
    if (role.definitionId().isEmpty()) {
      String name = nameKey(role.name());
      ids.replaceAll((id, old) -> nameKey(old.name()).equals(name) ? Role.of(old.name(), id, role.isPecEligible()) : old);
    }
    role.definitionId().ifPresent(id -> ids.put(id, role));
    names.put(nameKey(role.name()), role);
    return new RoleCatalog(Map.copyOf(ids), Map.copyOf(names));
  }

  /**
   * Finds the role of an assignment.
   *
   * @param definitionId a bare GUID or an ARM role-definition path; empty when absent
   * @param name the role's name; empty when absent
   * @return the role, or empty when the catalogue knows neither the GUID nor the name
   */
  public Optional<Role> find(String definitionId, String name) {
    if (definitionId != null && !definitionId.isBlank()) {
      Role r = byId.get(Role.normaliseDefinitionId(definitionId));
      if (r != null) {
        return Optional.of(r);
      }
    }
    if (name != null && !name.isBlank()) {
      return Optional.ofNullable(byName.get(nameKey(name)));
    }
    return Optional.empty();
  }

  /**
   * The name to show for an assignment's role: the catalogued name of its GUID when the catalogue knows the GUID
   * (the GUID decides, so a disagreeing name would name the wrong role), else {@code name} as given.
   *
   * @param definitionId the role definition id (a GUID), or empty text
   * @param name the role's display name, or empty text
   * @return the name to show
   */
  public String displayName(String definitionId, String name) {
    if (definitionId != null && !definitionId.isBlank()) {
      Role r = byId.get(Role.normaliseDefinitionId(definitionId));
      if (r != null) {
        return r.name();
      }
    }
    return name == null ? "" : name;
  }

  /**
   * {@return whether the role named by GUID or name earns PEC; unknown roles do not}
   *
   * @param definitionId the role definition id (a GUID), or empty text
   * @param name the role's display name, or empty text
   */
  public boolean isPecEligible(String definitionId, String name) {
    return find(definitionId, name).map(Role::isPecEligible).orElse(false);
  }

  /** {@return every role of the catalogue, in no particular order} */
  public List<Role> roles() {
    Map<Role, Boolean> all = new java.util.LinkedHashMap<>();
    byId.values().forEach(r -> all.put(r, true));
    byName.values().forEach(r -> all.put(r, true));
    return List.copyOf(all.keySet());
  }
}
