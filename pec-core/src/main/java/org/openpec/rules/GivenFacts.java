package org.openpec.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openpec.model.AccessGrant;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.PriceListEntry;
import org.openpec.model.RoleCatalog;
import org.openpec.model.UsageLine;
import org.openpec.time.Interval;

/** Facts given in full, for {@link LineFacts#of}. */
record GivenFacts(UsageLine line, Interval day, Optional<List<PriceListEntry>> priceEntries, List<AccessGrant> grants,
    RoleCatalog roles, PartnerDirectory partners, CoveragePolicy coverage) implements LineFacts {

  GivenFacts {
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(priceEntries, "priceEntries");
    Objects.requireNonNull(grants, "grants");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(partners, "partners");
    Objects.requireNonNull(coverage, "coverage");
  }
}
