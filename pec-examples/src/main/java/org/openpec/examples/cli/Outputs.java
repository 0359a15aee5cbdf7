package org.openpec.examples.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;

/**
 * The files a command writes ({@code --out}, {@code --summary}, ...), checked before any input is read and
 * written atomically (docs/cli.md, "Outputs").
 *
 * <p>{@link #of} refuses an output that names an input or another output (exit 2), and proves every output
 * writable by creating its temporary file — {@code .NAME.RANDOM.tmp} in the target's own folder — before the run
 * reads anything (exit 1 with the reason when it cannot). The command writes into the temporary files; {@link
 * #commit()} flushes them to the disk and renames each over its target. Until then the targets are untouched: a
 * run that fails, is interrupted (Ctrl-C, {@code kill}) or meets a full disk leaves the previous file, or none,
 * never a plausible partial one; {@link #close()} (called for every command by {@link #closeAll()}) and a
 * shutdown hook delete the temporary files.
 */
final class Outputs implements Closeable {

  /** A file named on the command line: the option that names it, and the path. */
  record Named(String option, Path path) {
    Named {
      Objects.requireNonNull(option, "option");
    }
  }

  /** The temporary files not yet committed, deleted when the JVM stops (Ctrl-C, SIGTERM). */
  private static final Set<Path> PENDING = Collections.synchronizedSet(new LinkedHashSet<>());

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (PENDING) {
        for (Path p : PENDING) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException ignored) {
            // nothing more can be done while the JVM stops
          }
        }
      }
    }, "pec-outputs-cleanup"));
  }

  /** The outputs of the command running on this thread, closed by {@link #closeAll()} when it ends. */
  private static final ThreadLocal<List<Outputs>> OPEN = ThreadLocal.withInitial(ArrayList::new);

  private final List<Target> targets;
  private boolean committed;

  private Outputs(List<Target> targets) {
    this.targets = targets;
  }

  /**
   * Checks the outputs against the inputs and each other, and creates their temporary files.
   *
   * @param cl the command, for usage errors
   * @param inputs every file the command reads
   * @param outputs the files it writes; entries with a null path (option not given) are skipped
   * @throws CommandLine.ParameterException when an output names an input or another output (exit 2)
   * @throws UncheckedIOException with an {@link OutputFailure} when an output cannot be written (exit 1)
   */
  static Outputs of(CommandLine cl, List<Named> inputs, Named... outputs) {
    List<Named> given = new ArrayList<>();
    for (Named o : outputs) {
      if (o != null && o.path() != null) {
        given.add(o);
      }
    }
    for (int i = 0; i < given.size(); i++) {
      Named o = given.get(i);
      for (Named in : inputs) {
        if (in.path() != null && same(o.path(), in.path())) {
          throw new CommandLine.ParameterException(cl, o.option() + " " + o.path() + " names the input "
              + in.option() + " " + in.path() + ": refused, the input would be overwritten");
        }
      }
      for (int j = 0; j < i; j++) {
        if (same(o.path(), given.get(j).path())) {
          throw new CommandLine.ParameterException(cl, o.option() + " and " + given.get(j).option()
              + " name the same file " + o.path());
        }
      }
    }
    List<Target> targets = new ArrayList<>();
    Outputs result = new Outputs(targets);
    OPEN.get().add(result);
    try {
      for (Named o : given) {
        targets.add(Target.create(o.path()));
      }
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
    return result;
  }

  /** Whether two paths name one file: the same file on disk when both exist, else the same normalised path. */
  static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // fall back to the names
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  /**
   * The writer of {@code file}, one of the outputs; when {@code file} is null, standard output {@code out}
   * (its write errors thrown as {@link OutputFailure}). Closing the writer only flushes it: {@link #commit()}
   * finishes the file.
   */
  Writer writer(Path file, Writer out) {
    if (file == null) {
      return Output.stdout(out);
    }
    for (Target t : targets) {
      if (t.given.equals(file)) {
        return t.writer;
      }
    }
    throw new IllegalArgumentException(file + " is not an output of this command");
  }

  /**
   * The byte stream of {@code file}, one of the outputs (a workbook); closing it only flushes it: {@link #commit()}
   * finishes the file. Write errors are thrown as {@link OutputFailure}.
   */
  java.io.OutputStream stream(Path file) {
    for (Target t : targets) {
      if (t.given.equals(file)) {
        return t.binary;
      }
    }
    throw new IllegalArgumentException(file + " is not an output of this command");
  }

  /**
   * Finishes every output: flushes its temporary file to the disk and renames it over the target.
   *
   * @throws UncheckedIOException with an {@link OutputFailure} naming the file and the reason
   */
  void commit() {
    for (Target t : targets) {
      t.finish();
    }
    for (Target t : targets) {
      t.rename();
    }
    committed = true;
  }

  /**
   * Closes every output opened on this thread: the entry point calls it when a command ends, however it ends,
   * so that a command need not wrap its body in a {@code try}.
   */
  static void closeAll() {
    List<Outputs> open = OPEN.get();
    for (Outputs o : open) {
      o.close();
    }
    open.clear();
  }

  /** Deletes the temporary files of a run that did not commit. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    for (Target t : targets) {
      t.discard();
    }
  }

  /**
   * One output: its target and its temporary file, open for writing. A target that exists and is not a regular
   * file ({@code /dev/null}, {@code /dev/stdout}, a named pipe) is written directly: it cannot be replaced, and a
   * partial write to it leaves no file behind.
   */
  private static final class Target {
    /** The target as given, for messages. */
    final Path given;
    /** The file the temporary file replaces: the target, or the file its symbolic link names. */
    final Path target;
    /** The temporary file, or null when the target is written directly. */
    final Path temp;
    final FileOutputStream stream;
    final Writer writer;
    /** The file as bytes, for binary formats; closing it only flushes. */
    final java.io.OutputStream binary;

    private Target(Path given, Path target, Path temp, FileOutputStream stream) {
      this.given = given;
      this.target = target;
      this.temp = temp;
      this.stream = stream;
      Writer file = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
      this.binary = new java.io.OutputStream() {
        @Override
        public void write(int b) throws IOException {
          try {
            stream.write(b);
          } catch (IOException e) {
            throw new OutputFailure(given.toString(), e);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          try {
            stream.write(b, off, len);
          } catch (IOException e) {
            throw new OutputFailure(given.toString(), e);
          }
        }

        @Override
        public void flush() throws IOException {
          try {
            stream.flush();
          } catch (IOException e) {
            throw new OutputFailure(given.toString(), e);
          }
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
      this.writer = new Writer() {
        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
          try {
            file.write(cbuf, off, len);
          } catch (IOException e) {
            throw new OutputFailure(given.toString(), e);
          }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
          try {
            file.write(str, off, len);
          } catch (IOException e) {
            throw new OutputFailure(given.toString(), e);
          }
        }

        @Override
        public void flush() throws IOException {
          try {
            file.flush();
          } catch (IOException e) {
            throw new OutputFailure(given.toString(), e);
          }
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }

    static Target create(Path target) {
      Path absolute = target.toAbsolutePath();
      if (Files.isDirectory(absolute)) {
        throw failure(target, "it is a folder");
      }
      if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
        try {
          return new Target(target, absolute, null, new FileOutputStream(absolute.toFile()));
        } catch (IOException e) {
          throw failure(target, Reasons.of(e));
        }
      }
      if (Files.isSymbolicLink(absolute)) {
        try {
          absolute = absolute.toRealPath(); // replace the file the link names, not the link
        } catch (IOException dangling) {
          // a link to nothing: the link itself is replaced
        }
      }
      Path folder = absolute.getParent();
      if (folder == null || !Files.isDirectory(folder)) {
        throw failure(target, "the folder " + (folder == null ? "" : folder + " ") + "does not exist");
      }
      if (Files.exists(absolute) && !Files.isWritable(absolute)) {
        throw failure(target, "permission denied");
      }
      String name = absolute.getFileName().toString();
      for (int attempt = 0; ; attempt++) {
        Path temp = folder.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(),
            36) + ".tmp");
        try {
          Files.createFile(temp);
        } catch (FileAlreadyExistsException e) {
          if (attempt < 10) {
            continue;
          }
          throw failure(target, Reasons.of(e));
        } catch (IOException e) {
          throw failure(target, Reasons.of(e) + " (folder " + folder + ")");
        }
        PENDING.add(temp);
        try {
          if (Files.exists(absolute)) {
            try {
              Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(absolute));
            } catch (UnsupportedOperationException | IOException e) {
              // keep the default permissions
            }
          }
          return new Target(target, absolute, temp, new FileOutputStream(temp.toFile()));
        } catch (IOException e) {
          PENDING.remove(temp);
          try {
            Files.deleteIfExists(temp);
          } catch (IOException ignored) {
            // reported below
          }
          throw failure(target, Reasons.of(e));
        }
      }
    }

    void finish() {
      try {
        writer.flush();
        if (temp != null) {
          stream.getFD().sync();
        }
        stream.close();
      } catch (OutputFailure e) {
        throw new UncheckedIOException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(new OutputFailure(given.toString(), e));
      }
    }

    void rename() {
      if (temp == null) {
        return;
      }
      try {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        PENDING.remove(temp);
      } catch (IOException e) {
        throw new UncheckedIOException(new OutputFailure(given.toString(), e));
      }
    }

    void discard() {
      try {
        stream.close();
      } catch (IOException ignored) {
        // the file is deleted anyway
      }
      if (temp == null) {
        return;
      }
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the shutdown hook tries again
      }
      PENDING.remove(temp);
    }

    private static UncheckedIOException failure(Path target, String reason) {
      return new UncheckedIOException(new OutputFailure(target + ": cannot write file: " + reason));
    }
  }
}
