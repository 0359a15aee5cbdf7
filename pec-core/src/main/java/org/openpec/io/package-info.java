/**
 * Files: streaming readers of the usage file, readers of the side files (grants, price list, partners, rates,
 * hierarchy, principals) and of Azure's exports of role assignments ({@link org.openpec.io.AccessFiles}), and
 * writers of openpec's CSV tables. The only package of pec-core that touches files, charsets
 * and text formats (rules §11).
 *
 * <p>Bad input never stops a run and never vanishes: a bad usage record becomes a rejected {@link
 * org.openpec.io.UsageRecord} carrying its {@link org.openpec.io.InputProblem} ({@code file:line:column:
 * message}); a bad side-file row is returned as a problem in {@link org.openpec.io.Loaded}. An input that cannot
 * be used at all raises {@link org.openpec.io.InputException}.
 *
 * <pre>{@code
 * Loaded<List<AccessGrant>> grants = SideFiles.grants(Path.of("grants.csv"));
 * PecCalculator pec = PecCalculator.builder().addAllGrants(grants.value()).build();
 * try (UsageReader usage = UsageReader.open(Path.of("usage.csv"));
 *      CreditCsv out = CreditCsv.to(writer)) {
 *   usage.forEachRemaining(rec -> rec.line().ifPresentOrElse(
 *       line -> out.write(rec.recordNumber(), pec.evaluate(line)),
 *       () -> out.write(rec)));
 * }
 * }</pre>
 */
package org.openpec.io;

import org.openpec.internal.io.CreditCsv;
