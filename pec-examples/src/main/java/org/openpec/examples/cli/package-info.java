/**
 * The {@code pec} command (cli.md): a thin picocli layer over pec-core's readers, calculator and writers.
 */
package org.openpec.examples.cli;
