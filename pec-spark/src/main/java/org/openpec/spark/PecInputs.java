package org.openpec.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;
import org.openpec.PecCalculator;
import org.openpec.access.AccessFiles;
import org.openpec.access.AccessImport;
import org.openpec.access.ActivityLog;
import org.openpec.access.ImportProblem;
import org.openpec.access.ImportResult;
import org.openpec.access.ImportSummary;
import org.openpec.access.PrincipalDirectory;
import org.openpec.access.RoleAssignmentSnapshot;
import org.openpec.internal.io.Uncertainty;
import org.openpec.io.CsvDialect;
import org.openpec.io.InputException;
import org.openpec.io.InputProblem;
import org.openpec.io.Loaded;
import org.openpec.io.SideFiles;
import org.openpec.model.PriceList;
import org.openpec.model.PriceListEntry;
import org.openpec.pricing.PriceListConflictException;
import org.openpec.pricing.Repricing;
import org.openpec.rules.CoveragePolicy;

/**
 * The inputs of a run besides the usage — the access history (a grants file, or Azure's own records: Activity Log
 * exports and role-assignment listings with a principals file), and optionally the price list, partners, rates and
 * management-group hierarchy — with the options of {@code pec credit} that change the result ({@code --reprice},
 * {@code --coverage}, and the usage CSV's {@code --delimiter} and {@code --decimal-comma}).
 *
 * <p>The files are read once, on the driver, into bytes; this small serializable value is what Spark broadcasts.
 * Each JVM (driver or executor) builds the calculator from the bytes with pec-core's readers — and, from Azure's
 * records, runs pec-core's {@link AccessImport} as {@code pec credit} does — the first time a task needs it and
 * keeps it for the following tasks ({@link #evaluator()}), because pec-core's calculator is not serializable and
 * rebuilding it per task or per line would cost more than the lines. The bad rows of a side file (and the import's
 * problems) are skipped exactly as {@code pec credit} skips them; {@link #problems()} lists them for the driver to
 * report. Immutable.
 */
public final class PecInputs implements Serializable {

  private static final long serialVersionUID = 2L;

  /** The calculators built in this JVM, by run id; a few runs at most are kept. */
  private static final Map<String, Evaluator> BUILT = Collections.synchronizedMap(
      new LinkedHashMap<>(4, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Evaluator> eldest) {
          return size() > 4;
        }
      });

  private final String id = UUID.randomUUID().toString();
  private final SideFile grants;
  private final List<SideFile> activityLogs;
  private final List<Snapshot> snapshots;
  private final SideFile principals;
  private final Instant since;
  private final Instant until;
  private final SideFile prices;
  private final SideFile partners;
  private final SideFile rates;
  private final SideFile hierarchy;
  private final boolean reprice;
  private final CoveragePolicy coverage;
  private final char delimiter;
  private final boolean decimalComma;

  private PecInputs(Builder b) {
    this.grants = b.grants;
    this.activityLogs = List.copyOf(b.activityLogs);
    this.snapshots = List.copyOf(b.snapshots);
    this.principals = b.principals;
    this.since = b.since;
    this.until = b.until;
    this.prices = b.prices;
    this.partners = b.partners;
    this.rates = b.rates;
    this.hierarchy = b.hierarchy;
    this.reprice = b.reprice;
    this.coverage = b.coverage;
    this.delimiter = b.delimiter;
    this.decimalComma = b.decimalComma;
    boolean sources = !activityLogs.isEmpty() || !snapshots.isEmpty();
    boolean anySource = sources || principals != null || since != null || until != null;
    if (grants == null && !sources) {
      throw new IllegalArgumentException("the access history is missing: give grants, or Azure's own records "
          + "(activity logs and/or snapshots) with principals");
    }
    if (grants != null && anySource) {
      throw new IllegalArgumentException("grants and the raw sources (activity logs, snapshots, principals, since, "
          + "until) exclude each other: give one or the other");
    }
    if (sources && principals == null) {
      throw new IllegalArgumentException("the activity logs and snapshots need a principals file, which attributes "
          + "the imported grants to partner IDs: give principals");
    }
    if (since != null && until != null && !until.isAfter(since)) {
      throw new IllegalArgumentException("until must be after since, was " + until + " and " + since);
    }
    if (activityLogs.isEmpty() && (since != null || until != null)) {
      throw new IllegalArgumentException("since and until bound the Activity Log window: give an activity log");
    }
    if (reprice && prices == null) {
      throw new IllegalArgumentException("repricing needs a price list: give prices");
    }
    dialect(); // refuses a delimiter that cannot be used with the decimal comma
  }

  /** A builder: {@code PecInputs.builder().grants(path).prices(path).reprice(true).build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether list costs are taken, with graduated tiers, from the price list ({@code --reprice}). */
  public boolean reprice() {
    return reprice;
  }

  /** The dialect usage CSV files are read in ({@code --delimiter}, {@code --decimal-comma}); JSON is unaffected. */
  public CsvDialect dialect() {
    return CsvDialect.of(delimiter, decimalComma);
  }

  /**
   * The bad rows of the side files and the problems of the access import, as {@code pec credit} reports them on
   * standard error ({@code file:line:column: message}); these rows and records are skipped. Builds the calculator
   * in this JVM if it was not built yet.
   */
  public List<InputProblem> problems() {
    return evaluator().problems;
  }

  /**
   * The warnings {@code pec credit} prints for these inputs, without its {@code pec: warning: } prefix: grants at
   * management-group scope without a hierarchy, imported grants whose principals the principals file lacks.
   */
  public List<String> warnings() {
    return evaluator().warnings;
  }

  /**
   * What {@code pec credit} prints on standard error about these inputs, in its order: each bad row or import
   * problem ({@code file:line:column: message}), and each warning as {@code PROGRAM: warning: ...} (an import's
   * warning right after its problems, the others at the end).
   */
  public List<String> messages(String program) {
    Evaluator e = evaluator();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < e.problems.size(); i++) {
      if (i == e.accessProblems) {
        e.warnings.subList(0, e.accessWarnings).forEach(w -> out.add(program + ": warning: " + w));
      }
      out.add(e.problems.get(i).toString());
    }
    if (e.problems.size() <= e.accessProblems) {
      e.warnings.subList(0, e.accessWarnings).forEach(w -> out.add(program + ": warning: " + w));
    }
    e.warnings.subList(e.accessWarnings, e.warnings.size()).forEach(w -> out.add(program + ": warning: " + w));
    return out;
  }

  /**
   * The calculator and repricing of these inputs, built once per JVM.
   *
   * @throws InputException when a side file cannot be used (missing column, no usable row, price list conflict
   *     under repricing)
   */
  Evaluator evaluator() {
    Evaluator e = BUILT.get(id);
    if (e == null) {
      synchronized (BUILT) {
        e = BUILT.get(id);
        if (e == null) {
          e = build();
          BUILT.put(id, e);
        }
      }
    }
    return e;
  }

  /** Loads the side files with pec-core's readers, as {@code pec credit} does, from a private copy on disk. */
  private Evaluator build() {
    Path dir;
    try {
      dir = Files.createTempDirectory("pec-spark-inputs");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> copies = new LinkedHashMap<>();
    try {
      List<InputProblem> problems = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      PecCalculator.Builder b = PecCalculator.builder().coverage(coverage);
      Uncertainty uncertain = null;
      if (grants != null) {
        b.addAllGrants(report(grants, SideFiles.grants(grants.writeTo(dir, "grants", copies)), problems).value());
      } else {
        ImportResult imported = importAccess(dir, copies, problems);
        b.addAllGrants(imported.grants());
        unmapped(imported, warnings);
        uncertain = Uncertainty.of(imported.uncertainWindows());
      }
      int accessProblems = problems.size();
      int accessWarnings = warnings.size();
      Repricing repricing = null;
      if (prices != null) {
        Path pricesPath = prices.writeTo(dir, "prices", copies);
        List<SideFiles.PriceRow> rows = report(prices, SideFiles.priceListRows(pricesPath, reprice), problems).value();
        List<PriceListEntry> entries = new ArrayList<>(rows.size());
        Map<PriceListEntry, String> names = new IdentityHashMap<>();
        for (SideFiles.PriceRow r : rows) {
          entries.add(r.entry());
          names.put(r.entry(), r.toString());
        }
        PriceList priceList = PriceList.of(entries);
        b.priceList(priceList);
        if (reprice) {
          try {
            repricing = Repricing.of(priceList, e -> names.getOrDefault(e, Repricing.describe(e)));
          } catch (PriceListConflictException e) {
            throw new InputException(prices.given + ": " + e.getMessage(), e);
          }
        }
      }
      if (partners != null) {
        b.partners(report(partners, SideFiles.partners(partners.writeTo(dir, "partners", copies)), problems).value());
      }
      if (rates != null) {
        b.rates(report(rates, SideFiles.rates(rates.writeTo(dir, "rates", copies)), problems).value());
      }
      if (hierarchy != null) {
        b.hierarchy(report(hierarchy, SideFiles.hierarchy(hierarchy.writeTo(dir, "hierarchy", copies)), problems)
            .value());
      }
      PecCalculator calculator = b.build();
      int groupGrants = calculator.unresolvedGroupGrants();
      if (groupGrants > 0) {
        warnings.add(groupGrants + " grant" + (groupGrants == 1 ? "" : "s") + " at management-group scope "
            + (groupGrants == 1 ? "covers" : "cover") + " nothing: no --hierarchy given");
      }
      return new Evaluator(calculator, repricing, List.copyOf(problems), List.copyOf(warnings), uncertain,
          accessProblems, accessWarnings);
    } catch (InputException e) {
      throw renamed(e, copies);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Imports Azure's records as {@code pec credit} does given them in place of a grants file. */
  private ImportResult importAccess(Path dir, Map<String, String> copies, List<InputProblem> problems) {
    Loaded<PrincipalDirectory> directory =
        report(principals, SideFiles.principals(principals.writeTo(dir, "principals", copies)), problems);
    List<ActivityLog> logs = new ArrayList<>();
    for (int i = 0; i < activityLogs.size(); i++) {
      SideFile f = activityLogs.get(i);
      ActivityLog log = AccessFiles.activityLog(f.writeTo(dir, "activity-log-" + i, copies));
      if (log.firstEventAt().isEmpty() && !log.problems().isEmpty()) {
        throw new InputException(f.given + ": no usable event: " + log.eventsRead() + " event(s) read, none "
            + "readable; first problem: " + AccessFiles.problem(log.problems().get(0)));
      }
      logs.add(log);
    }
    List<RoleAssignmentSnapshot> listings = new ArrayList<>();
    for (int i = 0; i < snapshots.size(); i++) {
      Snapshot s = snapshots.get(i);
      RoleAssignmentSnapshot listing =
          AccessFiles.snapshot(s.file.writeTo(dir, "snapshot-" + i, copies), s.takenAt, s.series);
      if (listing.assignments().isEmpty() && !listing.problems().isEmpty()) {
        throw new InputException(s.file.given + ": no usable entry: " + listing.entriesRead() + " entr"
            + (listing.entriesRead() == 1 ? "y" : "ies") + " read, none usable; first problem: "
            + AccessFiles.problem(listing.problems().get(0)));
      }
      listings.add(listing);
    }
    AccessImport.Builder b = AccessImport.builder().principals(directory.value()).addAllActivityLogs(logs)
        .addAllSnapshots(listings);
    if (since != null) {
      b.since(since);
    }
    if (until != null) {
      b.until(until);
    }
    ImportResult result = b.build().run();
    for (ImportProblem p : result.problems()) {
      problems.add(AccessFiles.problem(p));
    }
    return result;
  }

  /** The warning naming the principals that hold imported grants but are not in the principals file. */
  private static void unmapped(ImportResult imported, List<String> warnings) {
    List<ImportSummary.UnmappedPrincipal> unmapped = imported.summary().unmappedPrincipals();
    if (unmapped.isEmpty()) {
      return;
    }
    StringJoiner names = new StringJoiner(", ");
    int count = 0;
    for (ImportSummary.UnmappedPrincipal p : unmapped) {
      names.add(p.principalId().isEmpty() ? "(unknown)" : p.principalId());
      count += p.grants();
    }
    warnings.add(count + " imported grant" + (count == 1 ? "" : "s") + " unattributed: " + unmapped.size()
        + " principal" + (unmapped.size() == 1 ? " is" : "s are") + " not in the principals file: " + names);
  }

  /**
   * Collects the bad rows of a side file.
   *
   * @throws InputException when the file yields no usable row: header only, or every row bad, as {@code pec credit}
   */
  private static <T> Loaded<T> report(SideFile file, Loaded<T> loaded, List<InputProblem> problems) {
    problems.addAll(loaded.problems());
    long rows = loaded.rows();
    long bad = loaded.problems().size();
    if (rows == 0) {
      throw new InputException(file.given + ": no usable row: the file holds a header and no rows");
    }
    if (bad >= rows) {
      throw new InputException(file.given + ": no usable row: " + (rows == 1 ? "its only row is" : "all " + rows
          + " rows are") + " bad; first problem: " + loaded.problems().get(0));
    }
    return loaded;
  }

  /** {@code e} with the private copies' paths replaced by the files as the user gave them. */
  private static InputException renamed(InputException e, Map<String, String> copies) {
    String message = e.getMessage();
    String renamed = message;
    for (Map.Entry<String, String> c : copies.entrySet()) {
      renamed = renamed.replace(c.getKey(), c.getValue());
    }
    return renamed.equals(message) ? e : new InputException(renamed, e);
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder left behind is harmless
    }
  }

  /**
   * What the executors evaluate with: the calculator, the repricing (or null), the side files' bad rows and
   * warnings, and the uncertain windows of an access import (or null with a grants file).
   */
  static final class Evaluator {
    final PecCalculator calculator;
    final Repricing repricing;
    final List<InputProblem> problems;
    final List<String> warnings;
    final Uncertainty uncertain;
    /** How many of the problems, and of the warnings, come from the access history (they are reported first). */
    final int accessProblems;
    final int accessWarnings;

    Evaluator(PecCalculator calculator, Repricing repricing, List<InputProblem> problems, List<String> warnings,
        Uncertainty uncertain, int accessProblems, int accessWarnings) {
      this.accessProblems = accessProblems;
      this.accessWarnings = accessWarnings;
      this.calculator = calculator;
      this.repricing = repricing;
      this.problems = problems;
      this.warnings = warnings;
      this.uncertain = uncertain;
    }
  }

  /** One side file: the path as given (for messages), its name (as problems show it) and its bytes. */
  private static final class SideFile implements Serializable {
    private static final long serialVersionUID = 2L;
    final String given;
    final String name;
    final byte[] bytes;

    SideFile(Path path) {
      this.given = path.toString();
      Path fileName = path.getFileName();
      this.name = fileName == null ? path.toString() : fileName.toString();
      try {
        this.bytes = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new InputException(path + ": cannot read: " + e.getMessage(), e);
      }
    }

    /**
     * Writes the bytes under {@code dir/role/name}, so that problems name the file as the user gave it, and notes
     * the copy in {@code copies}.
     */
    Path writeTo(Path dir, String role, Map<String, String> copies) {
      try {
        Path folder = Files.createDirectories(dir.resolve(role));
        Path copy = Files.write(folder.resolve(name), bytes);
        copies.put(copy.toString(), given);
        return copy;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A role-assignment listing with the instant it was taken and its series. */
  private static final class Snapshot implements Serializable {
    private static final long serialVersionUID = 1L;
    final SideFile file;
    final Instant takenAt;
    final String series;

    Snapshot(SideFile file, Instant takenAt, String series) {
      this.file = file;
      this.takenAt = takenAt;
      this.series = series;
    }
  }

  /** Builds {@link PecInputs}; reads each file when it is given. Not thread-safe. */
  public static final class Builder {
    private SideFile grants;
    private final List<SideFile> activityLogs = new ArrayList<>();
    private final List<Snapshot> snapshots = new ArrayList<>();
    private SideFile principals;
    private Instant since;
    private Instant until;
    private SideFile prices;
    private SideFile partners;
    private SideFile rates;
    private SideFile hierarchy;
    private boolean reprice;
    private CoveragePolicy coverage = CoveragePolicy.UNION;
    private char delimiter = ',';
    private boolean decimalComma;

    private Builder() {}

    /** The grants file, as {@code pec credit --grants}; or give Azure's own records instead. */
    public Builder grants(Path path) {
      grants = new SideFile(path);
      return this;
    }

    /**
     * An Activity Log export (the JSON array of {@code az monitor activity-log list}, or the JSON-lines records
     * diagnostic settings archive), as {@code --activity-log}; several are one log.
     */
    public Builder activityLog(Path path) {
      activityLogs.add(new SideFile(path));
      return this;
    }

    /**
     * A role-assignment listing taken at {@code takenAt}, as {@code --snapshot F@INSTANT[@SERIES]}; listings are
     * compared within their {@code series} (empty text: the default one).
     */
    public Builder snapshot(Path path, Instant takenAt, String series) {
      snapshots.add(new Snapshot(new SideFile(path), Objects.requireNonNull(takenAt, "takenAt"),
          Objects.requireNonNull(series, "series").trim()));
      return this;
    }

    /** The principals file attributing principals to partner IDs, as {@code --principals}. */
    public Builder principals(Path path) {
      principals = new SideFile(path);
      return this;
    }

    /** The start of the Activity Log export window, as {@code --since}. */
    public Builder since(Instant since) {
      this.since = Objects.requireNonNull(since, "since");
      return this;
    }

    /** The end of the Activity Log export window, as {@code --until}. */
    public Builder until(Instant until) {
      this.until = Objects.requireNonNull(until, "until");
      return this;
    }

    /** The consumption price list, as {@code --prices}. */
    public Builder prices(Path path) {
      prices = new SideFile(path);
      return this;
    }

    /** Partner organisations and agreements, as {@code --partners}. */
    public Builder partners(Path path) {
      partners = new SideFile(path);
      return this;
    }

    /** The rate schedule, as {@code --rates}. */
    public Builder rates(Path path) {
      rates = new SideFile(path);
      return this;
    }

    /** The management-group hierarchy, as {@code --hierarchy}. */
    public Builder hierarchy(Path path) {
      hierarchy = new SideFile(path);
      return this;
    }

    /** Take list costs, with graduated tiers, from the price list, as {@code --reprice}. */
    public Builder reprice(boolean reprice) {
      this.reprice = reprice;
      return this;
    }

    /** How grants must cover the day, as {@code --coverage}; union by default. */
    public Builder coverage(CoveragePolicy coverage) {
      this.coverage = Objects.requireNonNull(coverage, "coverage");
      return this;
    }

    /** The field delimiter of usage CSV files, as {@code --delimiter}; {@code ','} by default. */
    public Builder delimiter(char delimiter) {
      this.delimiter = delimiter;
      return this;
    }

    /** Usage CSV numbers are written with a decimal comma ({@code 0,85}), as {@code --decimal-comma}. */
    public Builder decimalComma(boolean decimalComma) {
      this.decimalComma = decimalComma;
      return this;
    }

    /**
     * The inputs.
     *
     * @throws IllegalArgumentException when neither or both of a grants file and Azure's records are given, the
     *     records lack a principals file, the window is empty, repricing is asked for without a price list, or the
     *     delimiter cannot be used (with the decimal comma)
     */
    public PecInputs build() {
      return new PecInputs(this);
    }
  }
}
