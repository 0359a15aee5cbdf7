package org.openpec.rules;

import java.util.List;
import org.openpec.model.AccessGrant;
import org.openpec.model.PartnerDirectory;
import org.openpec.model.RoleCatalog;
import org.openpec.time.Interval;

/** What the access funnel's verdict depends on: equal keys give equal verdicts ({@link LineFacts#accessKey()}). */
record DefaultAccessKey(List<AccessGrant> grants, Interval day, String billedOrg, String resellerOrg,
    CoveragePolicy coverage, RoleCatalog roles, PartnerDirectory partners) {}
