package org.openpec.examples.cli;

import java.io.Closeable;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of a long run on standard error, shown only when a terminal is attached; otherwise silent. Never
 * writes to standard output.
 */
final class Progress implements Closeable {

  private static final Progress SILENT = new Progress(null);
  private static final int STEP = 10_000;

  private final ProgressBar bar;
  private long pending;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A progress bar for reading {@code usage}, or a silent one when no terminal is attached. */
  static Progress of(String usage, PrintWriter err) {
    if (System.console() == null || "-".equals(usage)) {
      return SILENT;
    }
    return new Progress(new ProgressBarBuilder()
        .setTaskName("records")
        .setInitialMax(-1)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(500)
        .showSpeed()
        .build());
  }

  /** One more record done. */
  void step() {
    if (bar != null && ++pending == STEP) {
      bar.stepBy(pending);
      pending = 0;
    }
  }

  /** {@code n} more records done. */
  void step(int n) {
    if (bar != null) {
      pending += n;
      if (pending >= STEP) {
        bar.stepBy(pending);
        pending = 0;
      }
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.stepBy(pending);
      bar.close();
    }
  }
}
