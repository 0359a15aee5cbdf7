package org.openpec.examples.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/** Where a command writes its table: a file, or standard output (never closed). */
final class Output {

  private Output() {}

  /**
   * A UTF-8 writer to {@code file}, or to standard output {@code out} when {@code file} is null.
   *
   * @deprecated use {@link Outputs}: it checks the outputs before the run and writes them atomically; this
   *     writes {@code file} through a one-file {@link Outputs} that commits when the writer is closed
   */
  @Deprecated
  static Writer open(Path file, Writer out) {
    if (file == null) {
      return stdout(out);
    }
    Outputs outputs = Outputs.of(null, List.of(), new Outputs.Named("--out", file));
    Writer w = outputs.writer(file, null);
    return new FilterWriter(w) {
      @Override
      public void close() throws IOException {
        flush();
        outputs.commit();
      }
    };
  }

  /**
   * A buffered writer to standard output {@code out} that throws an {@link OutputFailure} ("standard output:
   * cannot write: Broken pipe") as soon as a write fails, so that a full disk or a closed pipe stops the run.
   * Closing it only flushes.
   */
  static Writer stdout(Writer out) {
    Writer raw = out instanceof TerminalWriter t ? t.raw() : out;
    Writer checked = new Writer() {
      /** The first failure: once a write failed, nothing more is tried (a closed pipe stays closed). */
      private OutputFailure failed;

      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        if (failed != null) {
          throw failed;
        }
        try {
          raw.write(cbuf, off, len);
          check();
        } catch (OutputFailure e) {
          throw failed = e;
        } catch (IOException e) {
          throw failed = new OutputFailure("standard output", e);
        }
      }

      @Override
      public void flush() throws IOException {
        if (failed != null) {
          throw failed;
        }
        try {
          raw.flush();
          check();
        } catch (OutputFailure e) {
          throw failed = e;
        } catch (IOException e) {
          throw failed = new OutputFailure("standard output", e);
        }
      }

      @Override
      public void close() throws IOException {
        flush();
      }

      private void check() throws IOException {
        if (raw instanceof PrintWriter p && p.checkError()) {
          throw new OutputFailure("standard output", new IOException("write error"));
        }
      }
    };
    return new BufferedWriter(checked, 1 << 16) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** The failure of an output, if {@code e} or a cause is one. */
  static OutputFailure failure(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof OutputFailure f) {
        return f;
      }
      if (c instanceof UncheckedIOException u && u.getCause() instanceof OutputFailure f) {
        return f;
      }
    }
    return null;
  }
}
