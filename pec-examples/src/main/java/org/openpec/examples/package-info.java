/**
 * Runnable examples of openpec's public API: {@link org.openpec.examples.OneLine} computes the credit of one
 * line; the {@code pec} command lives in {@code org.openpec.examples.cli}.
 */
package org.openpec.examples;
