package org.openpec.io;

import java.io.Writer;
import java.util.List;
import org.openpec.model.AccessGrant;

/**
 * Writes a grants file of spec §11 ({@value #HEADER_TEXT}), which {@link SideFiles#grants} reads back to equal
 * grants. Instants are ISO-8601 UTC; an open grant has an empty {@code RevokedAt}. Text is written as it is
 * (not neutralised for spreadsheets) because the file is input to openpec, and must read back unchanged.
 * Not thread-safe.
 */
public final class GrantsCsv extends TableWriter {

  /** The header, comma-separated. */
  public static final String HEADER_TEXT = "GrantId,PartnerId,Channel,PrincipalId,PrincipalType,RoleDefinitionId,"
      + "RoleName,Scope,Assignment,GrantedAt,RevokedAt";

  /** The header cells. */
  public static final List<String> HEADER = List.of(HEADER_TEXT.split(","));

  private GrantsCsv(Writer writer) {
    super(writer, HEADER);
  }

  /** A grants file written to {@code writer}, header first. */
  public static GrantsCsv to(Writer writer) {
    return new GrantsCsv(writer);
  }

  /** Writes one grant. */
  public void write(AccessGrant g) {
    write(new String[] {g.grantId(), g.partnerId().orElse(""), g.channel(), g.principalId(), g.principalType(),
        g.roleDefinitionId(), g.roleName(), g.scope().path(), g.assignment().name(),
        g.grantedAt().toString(), g.revokedAt().map(Object::toString).orElse("")});
  }

  /** Writes every grant, in order. */
  public void writeAll(List<AccessGrant> grants) {
    grants.forEach(this::write);
  }
}
