package org.openpec.examples.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of a long run on standard error, shown whenever standard error is a terminal (whatever standard output
 * is); otherwise silent. For a file it shows the share of its bytes read, as a percentage, with an estimate of
 * the time left; for standard input, the records done. Never writes to standard output.
 */
final class Progress implements Closeable {

  private static final Progress SILENT = new Progress(null, 0);
  private static final int STEP = 10_000;
  private static final long MIB = 1 << 20;

  private final ProgressBar bar;
  private final long size;
  private final AtomicLong bytes = new AtomicLong();
  private long pending;

  private Progress(ProgressBar bar, long size) {
    this.bar = bar;
    this.size = size;
  }

  /**
   * A progress bar for reading the usage inputs ({@code -}: standard input), or a silent one off a terminal.
   * The share read is shown for files (a manifest's blobs are not known beforehand: records are shown then).
   */
  static Progress of(List<String> usage) {
    if (!isStandardErrorATerminal()) {
      return SILENT;
    }
    long size = 0;
    for (String input : usage) {
      try {
        if ("-".equals(input) || input.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
          size = -1;
          break;
        }
        size += Files.size(Path.of(input));
      } catch (IOException | RuntimeException e) {
        size = -1; // the reader reports the file
        break;
      }
    }
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(500);
    if (size > 0) {
      String name = usage.size() == 1 ? Path.of(usage.get(0)).getFileName().toString() : usage.size() + " files";
      b.setTaskName(TerminalWriter.escapeLine(name)).setInitialMax((size + MIB - 1) / MIB).setUnit(" MiB", 1);
    } else {
      b.setTaskName("records").setInitialMax(-1).showSpeed();
    }
    return new Progress(b.build(), size);
  }

  /** Whether a bar is drawn. */
  boolean isShown() {
    return bar != null;
  }

  /** Told the bytes read from the inputs (any thread), when the bar shows their share. */
  void read(long n) {
    bytes.addAndGet(n);
  }

  /** {@code n} more records done. */
  void step(int n) {
    if (bar != null) {
      pending += n;
      if (pending >= STEP) {
        update();
      }
    }
  }

  /** One more record done. */
  void step() {
    if (bar != null && ++pending == STEP) {
      update();
    }
  }

  private void update() {
    if (size > 0) {
      bar.stepTo((bytes.get() + MIB - 1) / MIB);
    } else {
      bar.stepBy(pending);
    }
    pending = 0;
  }

  @Override
  public void close() {
    if (bar != null) {
      update();
      bar.close();
    }
  }

  /**
   * Whether standard error is a terminal. Java 17 has no direct test: on Linux, the link of file descriptor 2;
   * elsewhere the console, which needs standard input and output to be terminals too.
   */
  static boolean isStandardErrorATerminal() {
    try {
      Path fd = Path.of("/proc/self/fd/2");
      if (Files.isSymbolicLink(fd)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
      }
    } catch (IOException | RuntimeException e) {
      // fall back to the console
    }
    return System.console() != null;
  }
}
