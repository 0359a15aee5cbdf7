/**
 * A deterministic synthetic month in the real file formats, for trials and benchmarks.
 *
 * <p>{@link org.openpec.examples.generate.MonthGenerator} writes {@code usage.csv} (Microsoft's daily rated usage
 * file, 55 columns), {@code prices.csv} (the Azure plan consumption price list), {@code grants.csv} and
 * {@code partners.csv} (rules §11) and returns a {@link org.openpec.examples.generate.GeneratedMonth} summary.
 * The same seed and parameters give the same bytes; usage is streamed, so the size of a month is bounded by disk,
 * not memory. Two {@link org.openpec.examples.generate.Shape}s: {@code REALISTIC} (a partner's month as it looks
 * in practice: about one customer per 4 500 lines, a few resources' lines per day each, a price list of about
 * 2 300 meters; the default of {@code pec generate}) and {@code DENSE} (few customers with many lines per resource
 * and day; the builder's default, kept byte for byte).
 *
 * <pre>{@code
 * GeneratedMonth r = MonthGenerator.builder().shape(Shape.REALISTIC).targetLines(1_000_000).seed(1).build()
 *     .writeTo(Path.of("realistic"));   // about 220 customers, 800 MB
 * GeneratedMonth m = MonthGenerator.builder().customers(50).days(30).seed(7).build().writeTo(Path.of("month"));
 * m.usageRecords();             // 60 000 lines (50 customers × 30 days × 40), plus a few purchases
 * m.malformedRecordNumbers();   // the records a reader must reject
 * }</pre>
 */
package org.openpec.examples.generate;
