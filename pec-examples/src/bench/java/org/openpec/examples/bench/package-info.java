/**
 * The benchmark suite of openpec (issue 6), compiled only under the Maven profile {@code bench}: openpec end to
 * end against a parse-only floor and against DuckDB computing the same statement in SQL, plus a JMH benchmark of
 * per-line evaluation. Nothing here is part of {@code pec.jar}.
 */
package org.openpec.examples.bench;
