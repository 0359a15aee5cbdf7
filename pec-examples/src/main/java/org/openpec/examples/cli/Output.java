package org.openpec.examples.cli;

import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openpec.io.InputException;

/** Where a command writes its table: a file, or standard output (never closed). */
final class Output {

  private Output() {}

  /** A UTF-8 writer to {@code file}, or to standard output when {@code file} is null. */
  static Writer open(Path file) {
    if (file == null) {
      return new FilterWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
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
