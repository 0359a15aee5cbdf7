package org.openpec.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code pec} command in process, with its output, errors and exit status. */
record CliRun(int status, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = PecCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRun(status, out.toString(), err.toString());
  }
}
