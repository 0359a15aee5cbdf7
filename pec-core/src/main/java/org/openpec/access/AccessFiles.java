package org.openpec.access;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.openpec.io.InputException;
import org.openpec.io.InputProblem;

/**
 * Opens Azure's own records of role assignments for {@link org.openpec.access}: Activity Log exports and
 * role-assignment listings (JSON, UTF-8, a byte-order mark ignored).
 *
 * <p>Problems inside a file are named by the file's name without folders, like every {@link InputProblem}; a
 * malformed event is a problem of the returned value, never an exception. A file that cannot be read at all
 * throws {@link InputException} naming the file as given. An empty export (no events) is a normal, quiet
 * period, not an error.
 */
public final class AccessFiles {

  private AccessFiles() {}

  /**
   * Reads an Activity Log export: the JSON array of {@code az monitor activity-log list}, or the JSON-lines (or
   * {@code {"records": [...]}}) files that diagnostic settings archive to storage.
   *
   * @param path the file to read
   * @return the log's events, with the malformed ones as problems
   * @throws InputException when the file cannot be read
   */
  public static ActivityLog activityLog(Path path) {
    Objects.requireNonNull(path, "path");
    try (Reader in = open(path)) {
      return ActivityLog.read(fileName(path), in);
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /**
   * Reads a role-assignment listing ({@code az role assignment list --all --include-inherited -o json}) taken at
   * {@code takenAt}.
   *
   * @param path the file to read
   * @param takenAt when the listing was taken
   * @param series the series the listing belongs to (e.g. the subscription it lists); empty text for the default
   *     series. Listings are compared only within their series.
   * @return the listing, with the malformed entries as problems
   * @throws InputException when the file cannot be read
   */
  public static RoleAssignmentSnapshot snapshot(Path path, Instant takenAt, String series) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(series, "series");
    try (Reader in = open(path)) {
      return RoleAssignmentSnapshot.read(fileName(path), takenAt, series, in);
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  /**
   * {@return the import problem as an input problem, field by field ({@code file:line:column: message})}
   *
   * @param p the import problem
   */
  public static InputProblem problem(ImportProblem p) {
    return new InputProblem(p.file(), p.line(), p.column(), p.message());
  }

  private static Reader open(Path path) {
    try {
      return Files.newBufferedReader(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(path + ": file not found");
    } catch (IOException e) {
      throw unreadable(path, e);
    }
  }

  private static InputException unreadable(Path path, IOException e) {
    if (e instanceof CharacterCodingException) {
      return new InputException(path + ": cannot read file: not UTF-8 text", e);
    }
    return new InputException(path + ": cannot read file: " + e.getMessage(), e);
  }

  private static String fileName(Path path) {
    return path.getFileName() == null ? path.toString() : path.getFileName().toString();
  }
}
