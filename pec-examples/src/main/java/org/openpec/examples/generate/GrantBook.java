package org.openpec.examples.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The grants of one customer of the realistic shape, as rows of the grants file: AOBO, Lighthouse and
 * customer-directory assignments, with the spellings real exports use (role by GUID, ARM path or name; instants
 * with {@code Z}, an offset or no zone; {@code ACTIVE}, empty or {@code Active}). Not thread-safe.
 */
final class GrantBook {

  private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  final List<String[]> rows = new ArrayList<>();
  private final SplittableRandom r;
  private final Instant monthStart;

  GrantBook(SplittableRandom r, LocalDate firstDay) {
    this.r = r;
    this.monthStart = firstDay.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** The partner's Admin Agents group (AOBO), attributed automatically. */
  void aobo(Partner holder, BuiltInRole role, String scope, Instant from, Instant to, String subscription) {
    grant(holder.mpnId, "AOBO", holder.adminAgentsGroupId, "ForeignGroup", role, scope, activeCell(), from, to,
        subscription);
  }

  /** A Lighthouse delegation to the partner's group; {@code partnerId} empty when not linked. */
  void lighthouse(Partner holder, String channel, String partnerId, BuiltInRole role, String scope, Instant from,
      Instant to, String subscription) {
    grant(partnerId, channel, holder.lighthouseGroupId, "Group", role, scope, activeCell(), from, to, subscription);
  }

  /** An identity of the customer's directory; {@code partnerId} empty when not linked. */
  void directory(String partnerId, String principalType, BuiltInRole role, String scope, Instant from, Instant to,
      String subscription) {
    grant(partnerId, "CUSTOMER_DIRECTORY", Ids.guid(r), principalType, role, scope, activeCell(), from, to,
        subscription);
  }

  private String activeCell() {
    int v = r.nextInt(20);
    return v < 17 ? "ACTIVE" : v < 19 ? "" : "Active";
  }

  void grant(String partnerId, String channel, String principalId, String principalType, BuiltInRole role,
      String scope, String assignment, Instant from, Instant to, String subscription) {
    String definition;
    String name;
    int v = r.nextInt(20);
    if (v < 12) {
      definition = role.definitionId;
      name = role.roleName;
    } else if (v < 15) {
      definition = subscription + "/providers/Microsoft.Authorization/roleDefinitions/" + role.definitionId;
      name = role.roleName;
    } else if (v < 18) {
      definition = role.definitionId;
      name = "";
    } else {
      definition = "";
      name = v == 18 ? role.roleName : role.roleName.toLowerCase(Locale.ROOT);
    }
    rows.add(new String[] {Ids.guid(r), partnerId, channel, principalId, principalType, definition, name, scope,
        assignment, instant(from), to == null ? "" : instant(to)});
  }

  /** An instant before the month: 3 to 600 days earlier, sometimes with milliseconds. */
  Instant before() {
    Instant t = monthStart.minusSeconds(86_400L * (3 + r.nextInt(600)) + r.nextInt(86_400));
    return r.nextInt(10) == 0 ? t.plusMillis(1 + r.nextInt(999)) : t;
  }

  /** {@code hh:mm} UTC on day index {@code day} of the month. */
  Instant at(int day, int hour, int minute) {
    return monthStart.plusSeconds(86_400L * day + 3_600L * hour + 60L * minute);
  }

  /** The first instant of the month. */
  Instant monthStart() {
    return monthStart;
  }

  /** An instant as ISO-8601: mostly UTC with {@code Z}, some with an offset, some without zone (UTC). */
  private String instant(Instant t) {
    int v = r.nextInt(100);
    if (v < 84) {
      return t.toString();
    }
    if (v < 92) {
      return OFFSET_TIME.format(t.atOffset(ZoneOffset.ofHours(v % 2 == 0 ? 1 : -5)));
    }
    return LOCAL_TIME.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
  }
}
