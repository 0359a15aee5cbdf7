package org.openpec.io;

import java.io.Closeable;
import java.io.Flushable;
import java.io.Writer;
import java.util.List;
import org.openpec.model.AccessGrant;

/**
 * Writes a grants file of spec §11 ({@value #HEADER_TEXT}), which {@link SideFiles#grants} reads back to equal
 * grants. Instants are ISO-8601 UTC; an open grant has an empty {@code RevokedAt}. Text is written as it is
 * (not neutralised for spreadsheets) because the file is input to openpec, and must read back unchanged.
 * Not thread-safe.
 */
public final class GrantsCsv implements Closeable, Flushable {

  /** The header, comma-separated. */
  public static final String HEADER_TEXT = "GrantId,PartnerId,Channel,PrincipalId,PrincipalType,RoleDefinitionId,"
      + "RoleName,Scope,Assignment,GrantedAt,RevokedAt";

  private final CsvOutput out;

  private GrantsCsv(CsvOutput out) {
    this.out = out;
    out.row(HEADER_TEXT.split(","));
  }

  /** A grants file written to {@code writer}, header first. */
  public static GrantsCsv to(Writer writer) {
    return new GrantsCsv(CsvOutput.to(writer));
  }

  /** Writes one grant. */
  public void write(AccessGrant g) {
    out.row(g.grantId(), g.partnerId().orElse(""), g.channel(), g.principalId(), g.principalType(),
        g.roleDefinitionId(), g.roleName(), g.scope().path(), g.assignment().name(),
        g.grantedAt().toString(), g.revokedAt().map(Object::toString).orElse(""));
  }

  /** Writes every grant, in order. */
  public void writeAll(List<AccessGrant> grants) {
    grants.forEach(this::write);
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    out.close();
  }
}
