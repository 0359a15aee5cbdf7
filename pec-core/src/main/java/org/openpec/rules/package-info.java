/**
 * Eligibility rules: composable predicates over the facts of one usage line that say why.
 *
 * <p>{@link org.openpec.rules.Rules#standard()} is the rules of docs/rules.md (rules §6 products, rules §2.4 agreement, rules §9 access
 * funnel). Each rule answers {@code decide(facts)}, a cheap {@link org.openpec.rules.Decision} (reason and
 * one-line detail, from the first failing part), and {@code explain(facts)}, the full
 * {@link org.openpec.rules.Verdict}: eligible or not, the primary {@link org.openpec.rules.Reason}, every failed
 * rule, and the evidence (the grants left after each funnel step, the uncovered part of the day). The two always
 * agree. A caller's rule may fail with a code of its own ({@link org.openpec.rules.Reason#productExclusion} or
 * {@link org.openpec.rules.Reason#loss}).
 *
 * <pre>{@code
 * List<EligibilityRule> rules = new ArrayList<>(Rules.standardRules());
 * rules.remove(Rules.notSpot());                       // this partner's contract credits Spot, say
 * EligibilityRule mine = Rules.allOf(rules);
 * Verdict v = mine.explain(facts);
 * v.reason();                                          // e.g. PARTIAL_DAY
 * v.accessEvidence().get().uncovered();                // e.g. {[2026-03-05T10:00Z, 2026-03-06T00:00Z)}
 * }</pre>
 */
package org.openpec.rules;
