package org.openpec.examples.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openpec.internal.io.TextValues;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Azure's own records of role assignments, the {@code SOURCES} of {@code pec grants} (docs/cli.md): Activity Log
 * exports, role-assignment listings, the principals file and the window. Shared by {@code grants} and, through
 * {@link InputOptions}, by the commands that accept the raw sources in place of {@code --grants}.
 */
public final class AccessSourceOptions {

  @Option(names = "--activity-log", paramLabel = "F",
      description = "Activity Log export: the JSON array of 'az monitor activity-log list', or the JSON-lines "
          + "records that diagnostic settings archive to storage. Repeatable; all files are one log.")
  List<Path> activityLogs = new ArrayList<>();

  @Option(names = "--snapshot", paramLabel = "F@INSTANT[@SERIES]", converter = SnapshotSource.Converter.class,
      description = {"Role-assignment listing ('az role assignment list --all --include-inherited -o json') taken "
          + "at INSTANT (ISO-8601; UTC when no zone). Repeatable. Listings are compared within their SERIES "
          + "(default: all in one); give each subscription listed on its own a series name. Examples:",
          "  l1.json@2026-03-01T00:00:00Z",
          "  l1.json@2026-03-01T00:00:00Z@sub-a"})
  List<SnapshotSource> snapshots = new ArrayList<>();

  @Option(names = "--principals", paramLabel = "F",
      description = "Principals file (CSV: PrincipalId,PartnerId,Channel) attributing principals to a partner ID; "
          + "required with --activity-log or --snapshot.")
  Path principals;

  @Option(names = "--since", paramLabel = "T", converter = InstantConverter.class,
      description = "Start of the Activity Log export window (its --start-time); default: its earliest event.")
  Instant since;

  @Option(names = "--until", paramLabel = "T", converter = InstantConverter.class,
      description = "End of the Activity Log export window (when it was taken); default: its latest event.")
  Instant until;

  /** Every file these options name, with its option, for the checks of {@link Outputs}. */
  List<Outputs.Named> files() {
    List<Outputs.Named> files = new ArrayList<>();
    activityLogs.forEach(p -> files.add(new Outputs.Named("--activity-log", p)));
    snapshots.forEach(s -> files.add(new Outputs.Named("--snapshot", s.file())));
    files.add(new Outputs.Named("--principals", principals));
    return files;
  }

  /** Whether an Activity Log or a listing is given. */
  boolean hasSources() {
    return !activityLogs.isEmpty() || !snapshots.isEmpty();
  }

  /** Whether any option of this group is given. */
  boolean isAnyGiven() {
    return hasSources() || principals != null || since != null || until != null;
  }

  /**
   * Checks what the options need of each other once sources are given.
   *
   * @throws CommandLine.ParameterException when {@code --principals} is missing or the window is empty
   */
  void validate(CommandLine cl) {
    if (principals == null) {
      throw new CommandLine.ParameterException(cl, "Missing required option: '--principals=F' (with --activity-log "
          + "or --snapshot, it attributes the imported grants to partner IDs)");
    }
    if (since != null && until != null && !until.isAfter(since)) {
      throw new CommandLine.ParameterException(cl, "--until must be after --since, was " + until + " and " + since);
    }
    if (activityLogs.isEmpty() && (since != null || until != null)) {
      throw new CommandLine.ParameterException(cl, "--since and --until bound the Activity Log window: give "
          + "--activity-log F");
    }
  }

  /** An ISO-8601 instant option (a value without zone is UTC, a bare date its midnight UTC). */
  static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return TextValues.parseInstant(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not an ISO-8601 instant "
            + "(e.g. 2026-03-01T00:00:00Z)");
      }
    }
  }

  /**
   * One {@code --snapshot F@INSTANT[@SERIES]}: a listing file, the instant it was taken, and its series.
   *
   * @param file the listing file
   * @param takenAt when it was taken
   * @param series its series; empty text for the default one
   */
  record SnapshotSource(Path file, Instant takenAt, String series) {

    /**
     * Parses {@code F@INSTANT} or {@code F@INSTANT@SERIES}, splitting at the last {@code @} signs, so that a file
     * name may itself hold one.
     *
     * @throws IllegalArgumentException when no {@code @INSTANT} follows the file name
     */
    static SnapshotSource parse(String text) {
      int last = text.lastIndexOf('@');
      if (last <= 0) {
        throw new IllegalArgumentException("'" + text + "' is not F@INSTANT: give the instant the listing was "
            + "taken, e.g. listing.json@2026-03-01T00:00:00Z");
      }
      String tail = text.substring(last + 1);
      try {
        return new SnapshotSource(Path.of(text.substring(0, last)), TextValues.parseInstant(tail), "");
      } catch (IllegalArgumentException notAnInstant) {
        int before = text.lastIndexOf('@', last - 1);
        if (before > 0 && !tail.isBlank()) {
          try {
            return new SnapshotSource(Path.of(text.substring(0, before)),
                TextValues.parseInstant(text.substring(before + 1, last)), tail.trim());
          } catch (IllegalArgumentException ignored) {
            // reported below
          }
        }
        throw new IllegalArgumentException("'" + text + "' is not F@INSTANT[@SERIES]: '" + tail + "' is not an "
            + "ISO-8601 instant (e.g. listing.json@2026-03-01T00:00:00Z)");
      }
    }

    /** The picocli converter of {@link #parse}. */
    static final class Converter implements CommandLine.ITypeConverter<SnapshotSource> {
      @Override
      public SnapshotSource convert(String value) {
        try {
          return parse(value);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.TypeConversionException(e.getMessage());
        }
      }
    }
  }
}
