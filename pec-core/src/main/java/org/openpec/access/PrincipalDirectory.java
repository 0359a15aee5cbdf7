package org.openpec.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the principals of the imported role assignments are: the contents of the <b>principals file</b>, which
 * attributes a principal's grants to a partner ID (rules §2.2).
 *
 * <h2>The principals file</h2>
 *
 * A CSV file (rules §11 conventions: UTF-8, BOM ignored, RFC 4180 quoting, columns found by header name ignoring
 * case and order, unknown columns ignored, empty lines are not records) with the columns
 *
 * <pre>
 * PrincipalId,PartnerId,Channel
 * 9f1c2d3e-0000-4000-8000-00000000a0a0,6034453,AOBO
 * 2b7e4f10-0000-4000-8000-00000000b1b1,6034453,LIGHTHOUSE_OFFER
 * 5d9a8c21-0000-4000-8000-00000000c2c2,6034453,CUSTOMER_DIRECTORY
 * 7e0f1a32-0000-4000-8000-00000000d3d3,,
 * </pre>
 *
 * <ul>
 *   <li>{@code PrincipalId} (required, non-blank): the object id that role assignments name as their {@code
 *       principalId}: the partner's Admin Agents foreign group (AOBO, also under GDAP), a user or group of the
 *       managing tenant of an Azure Lighthouse delegation, or a user or service principal linked to the partner
 *       through Partner Admin Link. Compared ignoring case and surrounding spaces.
 *   <li>{@code PartnerId} (required column, may be empty): the partner ID the principal's grants are
 *       attributed to. Empty marks a principal as known and deliberately unattributed (e.g. the customer's own
 *       administrators): its grants stay unattributed, but it is not listed among the unmapped principals.
 *   <li>{@code Channel} (optional column): {@code AOBO}, {@code LIGHTHOUSE_OFFER}, {@code LIGHTHOUSE_TEMPLATE}
 *       or {@code CUSTOMER_DIRECTORY} (rules §11); any other text is kept as written. It becomes the grants'
 *       {@code Channel}.
 * </ul>
 *
 * A principal listed twice with the same partner ID and channel is listed once; listed twice differently, the
 * second row is bad ({@link #with(PrincipalMapping)} throws and the reader reports the row). Principals that
 * the file does not list give unattributed grants, and the import summary lists each of them once.
 *
 * <p>Reading the file is the business of {@code org.openpec.io}; this type holds its rows. Immutable and
 * thread-safe.
 */
public final class PrincipalDirectory {

  private static final PrincipalDirectory EMPTY = new PrincipalDirectory(Map.of());

  private final Map<String, PrincipalMapping> byKey;

  private PrincipalDirectory(Map<String, PrincipalMapping> byKey) {
    this.byKey = byKey;
  }

  /** {@return the directory that lists nobody: every grant is unattributed} */
  public static PrincipalDirectory empty() {
    return EMPTY;
  }

  /**
   * {@return the directory of the given rows}
   *
   * @param mappings the principal mappings
   * @throws IllegalArgumentException if a principal is listed twice with different partner IDs or channels
   */
  public static PrincipalDirectory of(Collection<PrincipalMapping> mappings) {
    Map<String, PrincipalMapping> next = new LinkedHashMap<>();
    for (PrincipalMapping m : mappings) {
      Objects.requireNonNull(m, "mapping");
      PrincipalMapping known = next.putIfAbsent(keyOf(m.principalId()), m);
      if (known != null) {
        checkSame(known, m);
      }
    }
    return next.isEmpty() ? EMPTY : new PrincipalDirectory(Collections.unmodifiableMap(next));
  }

  private static void checkSame(PrincipalMapping known, PrincipalMapping mapping) {
    if (!(known.partnerId().equals(mapping.partnerId()) && known.channel().equals(mapping.channel()))) {
      throw new IllegalArgumentException("principal " + mapping.principalId() + " is already mapped to partner \""
          + known.partnerId() + "\" channel \"" + known.channel() + "\", not to partner \"" + mapping.partnerId()
          + "\" channel \"" + mapping.channel() + "\"");
    }
  }

  /**
   * {@return this directory with one more row} Copies the directory (linear in its size): to build a directory of many
   * rows use {@link #of}, which is linear in the number of rows.
   *
   * @param mapping the mapping
   * @throws IllegalArgumentException if the principal is already listed with another partner ID or channel
   */
  public PrincipalDirectory with(PrincipalMapping mapping) {
    Objects.requireNonNull(mapping, "mapping");
    String key = keyOf(mapping.principalId());
    PrincipalMapping known = byKey.get(key);
    if (known != null) {
      checkSame(known, mapping);
      return this;
    }
    Map<String, PrincipalMapping> next = new LinkedHashMap<>(byKey);
    next.put(key, mapping);
    return new PrincipalDirectory(Collections.unmodifiableMap(next));
  }

  /**
   * {@return the row of {@code principalId} (ignoring case and surrounding spaces), if listed}
   *
   * @param principalId the Azure AD object id of the principal
   */
  public Optional<PrincipalMapping> find(String principalId) {
    Objects.requireNonNull(principalId, "principalId");
    return Optional.ofNullable(byKey.get(keyOf(principalId)));
  }

  /** {@return the rows, in the order they were added} */
  public List<PrincipalMapping> mappings() {
    return List.copyOf(new ArrayList<>(byKey.values()));
  }

  private static String keyOf(String principalId) {
    return principalId.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "PrincipalDirectory" + byKey.values();
  }
}
