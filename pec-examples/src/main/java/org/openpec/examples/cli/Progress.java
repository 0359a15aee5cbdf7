package org.openpec.examples.cli;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** A progress bar for reading {@code usage} ({@code -}: standard input), or a silent one off a terminal. */
  static Progress of(String usage) {
    if (!isStandardErrorATerminal()) {
      return SILENT;
    }
    long size = -1;
    if (!"-".equals(usage)) {
      try {
        size = Files.size(Path.of(usage));
      } catch (IOException | RuntimeException e) {
        size = -1; // the reader reports the file
      }
    }
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(500);
    if (size > 0) {
      b.setTaskName(TerminalWriter.escapeLine(Path.of(usage).getFileName().toString())).setInitialMax((size + MIB - 1) / MIB).setUnit(" MiB", 1);
    } else {
      b.setTaskName("records").setInitialMax(-1).showSpeed();
    }
    return new Progress(b.build(), size);
  }

  /** Whether a bar is drawn. */
  boolean isShown() {
    return bar != null;
  }

  /** {@code in}, counting the bytes read when the bar shows a file's share. */
  InputStream count(InputStream in) {
    if (bar == null || size <= 0) {
      return in;
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytes.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          bytes.addAndGet(n);
        }
        return n;
      }
    };
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
