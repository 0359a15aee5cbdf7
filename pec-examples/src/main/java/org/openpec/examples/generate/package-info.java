/**
 * A deterministic synthetic month in the real file formats, for trials and benchmarks.
 *
 * <p>{@link org.openpec.examples.generate.MonthGenerator} writes {@code usage.csv} (Microsoft's daily rated usage
 * file, 55 columns), {@code prices.csv} (the Azure plan consumption price list), {@code grants.csv} and
 * {@code partners.csv} (spec §11) and returns a {@link org.openpec.examples.generate.GeneratedMonth} summary.
 * The same seed and parameters give the same bytes; usage is streamed, so the size of a month is bounded by disk,
 * not memory.
 *
 * <pre>{@code
 * GeneratedMonth m = MonthGenerator.builder().customers(50).days(30).seed(7).build().writeTo(Path.of("month"));
 * m.usageRecords();             // 60 000 lines (50 customers × 30 days × 40), plus a few purchases
 * m.malformedRecordNumbers();   // the records a reader must reject
 * }</pre>
 */
package org.openpec.examples.generate;
