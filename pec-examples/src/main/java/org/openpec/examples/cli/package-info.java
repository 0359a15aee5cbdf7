/**
 * The {@code pec} command (docs/cli.md): a thin picocli layer over pec-core's readers, calculator and writers.
 * "rules §N" in this package is section N of docs/rules.md.
 */
package org.openpec.examples.cli;
