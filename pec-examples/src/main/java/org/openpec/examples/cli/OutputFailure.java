package org.openpec.examples.cli;

import java.io.IOException;

/**
 * A write to an output failed: a full disk, a closed pipe, a vanished folder. Its message is the one line
 * {@code pec} prints ({@code F: cannot write file: reason}); the run ends with exit status 1.
 */
final class OutputFailure extends IOException {

  private static final long serialVersionUID = 1L;

  OutputFailure(String target, IOException cause) {
    super(target + ": cannot write" + (target.equals("standard output") ? "" : " file") + ": " + Reasons.of(cause),
        cause);
  }

  OutputFailure(String message) {
    super(message);
  }
}
