package org.openpec.internal.io;

import java.io.Writer;
import java.util.List;
import org.openpec.io.SideFiles;
import org.openpec.model.AccessGrant;

/**
 * Writes a grants file of rules §11 ({@value #HEADER_TEXT}), which {@link SideFiles#grants} reads back to equal
 * grants. Instants are ISO-8601 UTC; an open grant has an empty {@code RevokedAt}.
 *
 * <p><b>Neutralised text.</b> A text cell that a spreadsheet would run as a formula (it starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return and is not a number) is written with a leading
 * apostrophe: {@code =HYPERLINK(..)} is written {@code '=HYPERLINK(..)}. So that the file still reads back
 * unchanged, a text that itself starts with an apostrophe followed by one of those characters or by another
 * apostrophe gets one more apostrophe, and the grants reader removes exactly one leading apostrophe when the
 * next character is one of {@code = + - @ '}, tab or carriage return ({@link #unescape}). An apostrophe
 * followed by anything else is text as written. Not thread-safe.
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

  /** Writes one grant, its text cells {@link #escape escaped}. */
  public void write(AccessGrant g) {
    write(new String[] {escape(g.grantId()), escape(g.partnerId().orElse("")), escape(g.channel()),
        escape(g.principalId()), escape(g.principalType()), escape(g.roleDefinitionId()), escape(g.roleName()),
        escape(g.scope().path()), g.assignment().name(), g.grantedAt().toString(),
        g.revokedAt().map(Object::toString).orElse("")});
  }

  private static boolean isTrigger(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /**
   * A text cell as the grants file holds it: with a leading apostrophe when a spreadsheet would run it as a
   * formula, or when it starts with an apostrophe that {@link #unescape} would remove. {@code unescape(escape(v))
   * = v} for every text.
   */
  public static String escape(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char c = value.charAt(0);
    if (isTrigger(c) && !TextValues.isNumber(value)) {
      return "'" + value;
    }
    if (c == '\'' && value.length() > 1 && (isTrigger(value.charAt(1)) || value.charAt(1) == '\'')) {
      return "'" + value;
    }
    return value;
  }

  /**
   * A text cell of a grants file as the text it stands for: one leading apostrophe removed when the next
   * character is {@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return or an apostrophe; any other
   * text as it is.
   */
  public static String unescape(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && (isTrigger(cell.charAt(1)) || cell.charAt(1) == '\'')) {
      return cell.substring(1);
    }
    return cell;
  }

  /** Writes every grant, in order. */
  public void writeAll(List<AccessGrant> grants) {
    grants.forEach(this::write);
  }
}
