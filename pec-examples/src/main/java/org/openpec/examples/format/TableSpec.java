package org.openpec.examples.format;

import java.util.List;
import java.util.Objects;

/**
 * An output table's name (a sheet's name), header and column kinds.
 *
 * @param name the table's name, e.g. {@code credit}
 * @param header the column names
 * @param kinds the kind of each column, as many as the header has
 */
public record TableSpec(String name, List<String> header, List<ColumnKind> kinds) {

  /** Validates the spec. */
  public TableSpec {
    Objects.requireNonNull(name, "name");
    header = List.copyOf(header);
    kinds = List.copyOf(kinds);
    if (header.size() != kinds.size()) {
      throw new IllegalArgumentException("header has " + header.size() + " columns, kinds " + kinds.size());
    }
  }

  /** The kind of the column named {@code column}. */
  public ColumnKind kind(String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + column);
    }
    return kinds.get(i);
  }
}
