package org.openpec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openpec.model.AccessGrant;
import org.openpec.model.Assignment;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.model.UsageLine;
import org.openpec.rules.CoveragePolicy;
import org.openpec.rules.Reason;
import org.openpec.time.Interval;

/**
 * The spec's decision for one line, restated as plainly as possible for the generated domain: scopes compared
 * segment by segment, roles from a four-row table, and the whole-day test done minute by minute. It shares no
 * code with the engine beyond the value types, so the two can be held against each other.
 *
 * <p>Valid for generated data only: every instant is a whole minute, partners are assumed active (no partners
 * file), there is no management-group hierarchy.
 */
final class ReferenceModel {

  private static final Pattern SPOT = Pattern.compile("(?<![\\p{L}\\p{Nd}])spot(?![\\p{L}\\p{Nd}])",
      Pattern.CASE_INSENSITIVE);

  private static final Map<String, Boolean> ROLE_BY_GUID = Map.of(
      Generators.OWNER_GUID, true, Generators.CONTRIBUTOR_GUID, true, Generators.READER_GUID, false);
  private static final Map<String, Boolean> ROLE_BY_NAME = Map.of("owner", true, "contributor", true, "reader", false);

  private ReferenceModel() {}

  /** The primary reason of rules §9 for {@code line}. */
  static Reason reasonOf(UsageLine line, List<AccessGrant> grants, Optional<PriceList> prices,
      CoveragePolicy coverage) {
    Reason product = productReason(line, prices);
    return product != null ? product : accessReason(line, grants, coverage);
  }

  /** Rules rules §6 reason, or null when the product may earn. */
  static Reason productReason(UsageLine line, Optional<PriceList> prices) {
    List<PriceListEntry> entries = new ArrayList<>();
    if (prices.isPresent()) {
      for (List<PriceListEntry> group : prices.get().groups()) {
        for (PriceListEntry e : group) {
          boolean product = e.productId().trim().equalsIgnoreCase(line.productId().trim())
              && e.skuId().trim().equalsIgnoreCase(line.skuId().trim());
          boolean meter = e.meterIds().isEmpty()
              || e.meterIds().stream().anyMatch(m -> m.trim().equalsIgnoreCase(line.meterId().trim()));
          LocalDate d = line.usageDate();
          boolean inForce = e.effectiveStart().map(s -> !d.isBefore(s)).orElse(true)
              && e.effectiveEnd().map(x -> !d.isAfter(x)).orElse(true);
          if (product && meter && inForce) {
            entries.add(e);
          }
        }
      }
      if (entries.isEmpty()) {
        return Reason.NOT_IN_PRICE_LIST;
      }
      if (entries.stream().anyMatch(e -> lower(e.tags()).contains("third party"))) {
        return Reason.THIRD_PARTY;
      }
      if (entries.stream().anyMatch(e -> lower(e.tags()).contains("reservations"))
          || line.chargeType().trim().equalsIgnoreCase("purchase")) {
        return Reason.RESERVATION;
      }
    }
    String publisher = line.publisherName().trim();
    if (!publisher.isEmpty() && !publisher.equalsIgnoreCase("microsoft")) {
      return Reason.MARKETPLACE;
    }
    if (isSpot(line.meterSubCategory()) || isSpot(line.meterName()) || isSpot(line.skuName())
        || entries.stream().anyMatch(e -> isSpot(e.skuTitle()))) {
      return Reason.SPOT_VM;
    }
    if (!line.benefitId().isBlank() || !line.benefitType().isBlank()) {
      return Reason.BENEFIT_COVERED;
    }
    return null;
  }

  /** The access funnel of rules §9, minute by minute. */
  static Reason accessReason(UsageLine line, List<AccessGrant> grants, CoveragePolicy coverage) {
    long dayStart = minuteOf(line.usageDate().atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    long dayEnd = dayStart + Generators.DAY;
    String resource = line.resourceUri().isBlank() ? "/subscriptions/" + line.entitlementId() : line.resourceUri();
    List<AccessGrant> kept = new ArrayList<>();
    for (AccessGrant g : grants) {
      if (covers(g.scope().path(), resource) && start(g) < dayEnd && end(g) > dayStart) {
        kept.add(g);
      }
    }
    if (kept.isEmpty()) {
      return Reason.NO_ACCESS;
    }
    kept.removeIf(g -> g.assignment() != Assignment.ACTIVE);
    if (kept.isEmpty()) {
      return Reason.ASSIGNMENT_NOT_ACTIVE;
    }
    kept.removeIf(g -> !roleEarns(g.roleDefinitionId(), g.roleName()));
    if (kept.isEmpty()) {
      return Reason.ROLE_NOT_ELIGIBLE;
    }
    kept.removeIf(g -> g.partnerId().filter(p -> !p.isBlank()).isEmpty());
    if (kept.isEmpty()) {
      return Reason.PARTNER_NOT_LINKED;
    }
    String billed = lower(line.billedPartnerId().trim());
    String reseller = lower(line.resellerPartnerId().trim());
    kept.removeIf(g -> {
      String p = lower(g.partnerId().orElseThrow().trim());
      return !p.equals(billed) && !(p.equals(reseller) && !reseller.isEmpty());
    });
    if (kept.isEmpty()) {
      return Reason.OTHER_PARTNER;
    }
    if (coverage == CoveragePolicy.SINGLE) {
      return kept.stream().anyMatch(g -> start(g) <= dayStart && end(g) >= dayEnd) ? Reason.ELIGIBLE
          : Reason.PARTIAL_DAY;
    }
    for (long m = dayStart; m < dayEnd; m++) {
      long minute = m;
      if (kept.stream().noneMatch(g -> start(g) <= minute && minute < end(g))) {
        return Reason.PARTIAL_DAY;
      }
    }
    return Reason.ELIGIBLE;
  }

  /** Whether a grant on {@code scope} covers {@code resource}: a non-empty segment prefix, ignoring case. */
  static boolean covers(String scope, String resource) {
    List<String> s = segments(scope);
    List<String> r = segments(resource);
    if (s.isEmpty() || s.size() > r.size()) {
      return false;
    }
    for (int i = 0; i < s.size(); i++) {
      if (!s.get(i).equalsIgnoreCase(r.get(i))) {
        return false;
      }
    }
    return true;
  }

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String part : path.split("/")) {
      if (!part.trim().isEmpty()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  /** The role table of the generated domain: a known GUID decides, else the name; unknown roles do not earn. */
  static boolean roleEarns(String definitionId, String name) {
    String id = lower(definitionId.trim());
    int at = id.lastIndexOf("/roledefinitions/");
    if (at >= 0) {
      id = id.substring(at + "/roledefinitions/".length());
    }
    Boolean byId = ROLE_BY_GUID.get(id);
    if (byId != null) {
      return byId;
    }
    return ROLE_BY_NAME.getOrDefault(lower(name.trim()), false);
  }

  static boolean isSpot(String text) {
    return SPOT.matcher(text).find();
  }

  static long start(AccessGrant g) {
    return minuteOf(g.grantedAt());
  }

  static long end(AccessGrant g) {
    return g.revokedAt().map(ReferenceModel::minuteOf).orElse(Long.MAX_VALUE);
  }

  static long minuteOf(Instant t) {
    return t.equals(Interval.UNBOUNDED) ? Long.MAX_VALUE : ChronoUnit.MINUTES.between(Generators.EPOCH, t);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
