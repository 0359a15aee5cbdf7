package org.openpec.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Partner organisations and their agreements (rules §2.3, §2.4).
 *
 * <p>Partner IDs and organisation IDs share one namespace and compare trimmed and ignoring case. A partner ID
 * that is not listed, or listed with an empty organisation, is the organisation named by itself. Agreement
 * bounds are inclusive days; an empty bound is open. {@link #assumeAllActive()} is the directory used without
 * a partners file: every partner is its own organisation and always has an agreement. With rows, a billed
 * partner without a row has no agreement, and several rows for one partner are several agreement periods.
 * Immutable and thread-safe.
 */
public final class PartnerDirectory {

  /** One row of the partners file. */
  public record Membership(String partnerId, String organizationId, Optional<LocalDate> agreementStart,
      Optional<LocalDate> agreementEnd) {
    /**
     * Validates the row.
     *
     * @param partnerId the partner ID (MPN id)
     * @param organizationId the partner organisation's id
     * @param agreementStart the first day of the agreement
     * @param agreementEnd the last day of the agreement, if it ended
     */
    public Membership {
      Objects.requireNonNull(partnerId, "partnerId");
      Objects.requireNonNull(organizationId, "organizationId");
      Objects.requireNonNull(agreementStart, "agreementStart");
      Objects.requireNonNull(agreementEnd, "agreementEnd");
      if (partnerId.isBlank()) {
        throw new IllegalArgumentException("partnerId must not be blank");
      }
      if (agreementStart.isPresent() && agreementEnd.isPresent() && agreementEnd.get().isBefore(agreementStart.get())) {
        throw new IllegalArgumentException("agreementEnd must not be before agreementStart, was "
            + agreementEnd.get() + " < " + agreementStart.get());
      }
    }

    boolean covers(LocalDate day) {
      return agreementStart.map(s -> !day.isBefore(s)).orElse(true)
          && agreementEnd.map(e -> !day.isAfter(e)).orElse(true);
    }
  }

  private final boolean assumeActive;
  private final Map<String, String> organisation;
  private final Map<String, List<Membership>> agreements;

  private PartnerDirectory(boolean assumeActive, Map<String, String> organisation,
      Map<String, List<Membership>> agreements) {
    this.assumeActive = assumeActive;
    this.organisation = organisation;
    this.agreements = agreements;
  }

  /**
   * The directory to use without a partners file: each partner ID is its own organisation with an agreement on
   * every day.
   *
   * @return that directory
   */
  public static PartnerDirectory assumeAllActive() {
    return new PartnerDirectory(true, Map.of(), Map.of());
  }

  /**
   * {@return the directory of the given rows of a partners file}
   *
   * @param rows the rows: each partner ID's organisation and agreement
   */
  public static PartnerDirectory of(List<Membership> rows) {
    Map<String, String> org = new HashMap<>();
    Map<String, List<Membership>> periods = new HashMap<>();
    for (Membership m : rows) {
      String id = key(m.partnerId());
      if (!m.organizationId().isBlank()) {
        org.put(id, key(m.organizationId()));
      }
      periods.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
    }
    Map<String, List<Membership>> frozen = new HashMap<>();
    periods.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new PartnerDirectory(false, Map.copyOf(org), Map.copyOf(frozen));
  }

  private static String key(String id) {
    return id.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * {@return the organisation of {@code partnerId}, as a comparison key (trimmed, lower case)}
   *
   * @param partnerId the partner ID (MPN id)
   */
  public String organizationOf(String partnerId) {
    String id = key(partnerId);
    return organisation.getOrDefault(id, id);
  }

  /**
   * {@return whether {@code partnerId} holds a partner agreement on {@code day}}
   *
   * @param partnerId the partner ID (MPN id)
   * @param day the UTC usage day
   */
  public boolean hasAgreementOn(String partnerId, LocalDate day) {
    if (assumeActive) {
      return true;
    }
    List<Membership> periods = agreements.get(partnerId);
    if (periods == null) {
      periods = agreements.getOrDefault(key(partnerId), List.of());
    }
    for (Membership m : periods) {
      if (m.covers(day)) {
        return true;
      }
    }
    return false;
  }

  /** {@return whether agreements are assumed active because no partners file was given} */
  public boolean isAssumingAllActive() {
    return assumeActive;
  }
}
