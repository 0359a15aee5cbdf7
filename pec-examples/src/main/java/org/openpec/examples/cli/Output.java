package org.openpec.examples.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openpec.io.InputException;

/** Where a command writes its table: a file, or standard output (never closed). */
final class Output {

  private Output() {}

  /** A UTF-8 writer to {@code file}, or to the command's standard output {@code out} when {@code file} is null. */
  static Writer open(Path file, Writer out) {
    if (file == null) {
      return new FilterWriter(new BufferedWriter(out, 1 << 16)) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    try {
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file + ": cannot write file: " + e.getMessage(), e);
    }
  }
}
