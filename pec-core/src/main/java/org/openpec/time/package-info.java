/**
 * Time on the UTC line: half-open intervals, normalised timelines and usage days.
 *
 * <p>Notation, for intervals {@code a = [a.start, a.end)} and timelines (sets of instants):
 * <table>
 *   <caption>Operations</caption>
 *   <tr><th>name</th><th>holds when / yields</th></tr>
 *   <tr><td>{@code contains(t)}</td><td>{@code start ≤ t < end}</td></tr>
 *   <tr><td>{@code encloses(b)}</td><td>every instant of {@code b} is in {@code a}</td></tr>
 *   <tr><td>{@code overlaps(b)}</td><td>{@code a.start < b.end && b.start < a.end}</td></tr>
 *   <tr><td>{@code abuts(b)}</td><td>{@code a.end == b.start || b.end == a.start}</td></tr>
 *   <tr><td>{@code union}</td><td>instants in either</td></tr>
 *   <tr><td>{@code intersection}</td><td>instants in both</td></tr>
 *   <tr><td>{@code minus}</td><td>instants in the first and not the second</td></tr>
 * </table>
 *
 * <pre>{@code
 * Timeline held = Timeline.of(Interval.of(t0, t10), Interval.of(t9, t24));   // handover: {[t0, t24)}
 * boolean wholeDay = held.encloses(Interval.utcDay(LocalDate.parse("2026-03-05")));
 * }</pre>
 */
package org.openpec.time;
