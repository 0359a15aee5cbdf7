package org.openpec.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The manifest of a Microsoft Graph billed or unbilled usage reconciliation export (v2): a JSON object naming the
 * gzip-compressed JSON Lines blobs that together hold the usage, in the order they are read.
 *
 * <p>The fields read: {@code dataFormat} (must be {@code compressedJSONLines}), {@code blobCount}, {@code blobs}
 * (each with {@code name} and {@code partitionValue}), {@code schemaVersion}, {@code eTag} and
 * {@code attributeSet} ({@code full} or {@code basic}); others are ignored. The blobs are files downloaded beside
 * the manifest: a blob's {@code name} is resolved against the manifest's folder, and when no file is there, its
 * last path segment is. Immutable and thread-safe.
 *
 * @param file the manifest file
 * @param dataFormat the blobs' format as the manifest names it
 * @param schemaVersion the version of the usage schema, or empty
 * @param eTag the version of the data, or empty
 * @param attributeSet {@code full}, {@code basic}, or empty when the manifest does not say
 * @param blobs the blobs in the order the manifest lists them
 */
record UsageManifest(Path file, String dataFormat, String schemaVersion, String eTag, String attributeSet,
    List<Blob> blobs) {

  /** The only data format of the v2 export. */
  public static final String COMPRESSED_JSON_LINES = "compressedJSONLines";

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /**
   * One blob of the export.
   *
   * @param name the blob's name (a path inside the export's root directory)
   * @param partitionValue the partition the blob holds, as written
   * @param path the local file that holds it
   */
  public record Blob(String name, String partitionValue, Path path) {

    /** Validates the blob. */
    public Blob {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(partitionValue, "partitionValue");
      Objects.requireNonNull(path, "path");
    }
  }

  /** Validates the manifest and copies the blob list. */
  public UsageManifest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(dataFormat, "dataFormat");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(eTag, "eTag");
    Objects.requireNonNull(attributeSet, "attributeSet");
    blobs = List.copyOf(blobs);
  }

  /** Whether the export was made with the basic attribute set, which leaves out fields pec needs. */
  public boolean isBasic() {
    return attributeSet.equalsIgnoreCase("basic");
  }

  /**
   * Whether {@code path} holds a manifest: a JSON object whose top level has {@code blobs} or {@code dataFormat}.
   * Reads at most the first object; false for anything else (JSON Lines of usage, CSV, gzip).
   */
  static boolean isManifest(Path path) {
    try (InputStream in = Files.newInputStream(path); JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String key = p.currentName();
        if (key.equalsIgnoreCase("blobs") || key.equalsIgnoreCase("dataFormat")) {
          return true;
        }
        p.nextToken();
        p.skipChildren();
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads a manifest and finds its blobs beside it.
   *
   * @throws InputException when the file cannot be read or is not a manifest of compressed JSON Lines, when
   *     {@code blobCount} disagrees with the blobs listed, or a blob's file is not found
   */
  public static UsageManifest read(Path file) {
    String display = file.toString();
    String dataFormat = "";
    String schemaVersion = "";
    String eTag = "";
    String attributeSet = "";
    Long blobCount = null;
    List<String[]> listed = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InputException(display + ": not a usage manifest (a JSON object)");
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String key = p.currentName().toLowerCase(Locale.ROOT);
        JsonToken v = p.nextToken();
        switch (key) {
          case "dataformat" -> dataFormat = text(p, v);
          case "schemaversion" -> schemaVersion = text(p, v);
          case "etag" -> eTag = text(p, v);
          case "attributeset" -> attributeSet = text(p, v);
          case "blobcount" -> blobCount = v.isNumeric() ? p.getLongValue() : null;
          case "blobs" -> readBlobs(p, v, display, listed);
          default -> p.skipChildren();
        }
      }
    } catch (NoSuchFileException e) {
      throw new InputException(display + ": file not found");
    } catch (JsonProcessingException e) {
      throw new InputException(display + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
          + ": not a valid manifest: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InputException(display + ": cannot read file: " + e.getMessage(), e);
    }
    if (!dataFormat.equalsIgnoreCase(COMPRESSED_JSON_LINES)) {
      throw new InputException(display + ": the manifest's dataFormat is \"" + dataFormat + "\"; pec reads "
          + COMPRESSED_JSON_LINES);
    }
    if (blobCount != null && blobCount != listed.size()) {
      throw new InputException(display + ": the manifest says blobCount " + blobCount + " but lists "
          + listed.size() + " blob" + (listed.size() == 1 ? "" : "s"));
    }
    Path folder = file.getParent() == null ? Path.of("") : file.getParent();
    List<Blob> blobs = new ArrayList<>(listed.size());
    for (String[] b : listed) {
      blobs.add(new Blob(b[0], b[1], locate(folder, b[0], display)));
    }
    return new UsageManifest(file, dataFormat, schemaVersion, eTag, attributeSet, blobs);
  }

  private static void readBlobs(JsonParser p, JsonToken v, String display, List<String[]> out) throws IOException {
    if (v != JsonToken.START_ARRAY) {
      throw new InputException(display + ": the manifest's blobs must be an array");
    }
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        throw new InputException(display + ": blob " + (out.size() + 1) + " of the manifest is not an object "
            + "with a name and a partitionValue");
      }
      String name = null;
      String partition = "";
      for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
        String key = p.currentName().toLowerCase(Locale.ROOT);
        JsonToken value = p.nextToken();
        if (key.equals("name")) {
          name = text(p, value);
        } else if (key.equals("partitionvalue")) {
          partition = text(p, value);
        } else {
          p.skipChildren();
        }
      }
      if (name == null || name.isBlank()) {
        throw new InputException(display + ": blob " + (out.size() + 1) + " of the manifest has no name");
      }
      out.add(new String[] {name, partition});
    }
  }

  private static String text(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
      p.skipChildren();
      return "";
    }
    return v == JsonToken.VALUE_NULL ? "" : p.getText();
  }

  private static Path locate(Path folder, String name, String display) {
    String relative = name.replace('\\', '/');
    while (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    Path full = folder.resolve(relative).normalize();
    boolean inside = full.toAbsolutePath().normalize().startsWith(folder.toAbsolutePath().normalize());
    if (inside && Files.isRegularFile(full)) {
      return full;
    }
    String last = relative.substring(relative.lastIndexOf('/') + 1);
    Path beside = folder.resolve(last);
    if (!last.isEmpty() && Files.isRegularFile(beside)) {
      return beside;
    }
    throw new InputException(display + ": blob " + name + " not found beside the manifest (looked for "
        + full + (last.equals(relative) ? "" : " and " + beside) + ")");
  }

  /** The blob named {@code name}, if listed. */
  public Optional<Blob> blob(String name) {
    return blobs.stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
