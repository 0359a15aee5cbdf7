/**
 * Reading files: the streaming reader of the usage file ({@link org.openpec.io.UsageReader}, opened from paths,
 * folders and exports by {@link org.openpec.io.UsageSource}), the readers of the side files (grants, price list,
 * partners, rates, hierarchy, principals: {@link org.openpec.io.SideFiles}), and the run that evaluates a whole usage file
 * ({@link org.openpec.io.UsageRun}). The only exported package of pec-core that touches files, charsets and text
 * formats (rules §11); the {@code pec} command's writers of its CSV tables are internal.
 *
 * <p>Bad input never stops a run and never vanishes: a bad usage record becomes a rejected {@link
 * org.openpec.io.UsageRecord} carrying its {@link org.openpec.io.InputProblem} ({@code file:line:column:
 * message}); a bad side-file row is returned as a problem in {@link org.openpec.io.Loaded}. An input that cannot
 * be used at all raises {@link org.openpec.io.InputException}.
 *
 * <pre>{@code
 * Loaded<List<AccessGrant>> grants = SideFiles.grants(Path.of("grants.csv"));
 * PecCalculator pec = PecCalculator.builder().addAllGrants(grants.value()).build();
 * try (UsageReader usage = UsageReader.open(Path.of("usage.csv"))) {
 *   CreditStatement statement = UsageRun.run(usage, UsageRun.byLine(pec::evaluate),
 *       outcome -> outcome.evaluation().ifPresentOrElse(
 *           result -> System.out.println(result.reason()),
 *           () -> System.out.println(outcome.record().problem().orElseThrow())));
 * }
 * }</pre>
 */
package org.openpec.io;
