package org.openpec.io;

/**
 * A source of usage records other than one CSV file (JSON Lines, a manifest's blobs, several files in a row),
 * which a {@link UsageReader} hands on as it would its own records. Records come already decoded and numbered.
 */
interface UsageFeed extends AutoCloseable {

  /** The next record, or null at the end. */
  UsageRecord next();

  /** The name (without folders) of the file now being read, for messages. */
  String fileName();

  /** Whether the records of this source carry the column (by its CSV name, case ignored). */
  boolean hasColumn(String column);

  @Override
  void close();
}
