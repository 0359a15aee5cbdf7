package org.openpec.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The resident memory of this process as Linux reports it: the peak ({@code VmHWM} of {@code /proc/self/status},
 * in KiB) and its reset ({@code 5} written to {@code /proc/self/clear_refs}), so that each measurement can report
 * its own peak. Elsewhere both are unavailable and the report says so. The peak covers the whole process: the
 * Java heap as it has grown so far, and DuckDB's native memory while it runs.
 */
final class ProcessMemory {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private ProcessMemory() {}

  /** The peak resident set size since the start or the last {@link #resetPeak()}, in KiB; empty when unknown. */
  static OptionalLong peakKib() {
    try {
      for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
        if (line.startsWith("VmHWM:")) {
          return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").trim()));
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /** Resets the peak to the current resident size; false when the system does not allow it. */
  static boolean resetPeak() {
    try {
      Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
