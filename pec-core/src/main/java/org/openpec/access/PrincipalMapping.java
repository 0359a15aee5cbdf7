package org.openpec.access;

import java.util.Objects;

/**
 * One row of the principals file: a principal's object id, the partner ID its grants are attributed to, and the
 * channel through which it holds access. See {@link PrincipalDirectory} for the file format.
 *
 * <p>Fields are trimmed. An empty {@code partnerId} marks a principal as known and deliberately unattributed.
 * Immutable and thread-safe.
 *
 * @param principalId the object id of a user, group or service principal; never blank
 * @param partnerId the partner ID (MPN ID) its grants earn for; empty for a known, unattributed principal
 * @param channel how it holds access ({@code AOBO}, {@code LIGHTHOUSE_OFFER}, {@code LIGHTHOUSE_TEMPLATE},
 *     {@code CUSTOMER_DIRECTORY}, or any other text, kept as written); may be empty
 */
public record PrincipalMapping(String principalId, String partnerId, String channel) {

  /**
   * Validates and trims the row.
   *
   * @param principalId the Azure AD object id of the principal
   * @param partnerId the partner ID (MPN id)
   * @param channel the channel ({@code AOBO}, {@code GDAP}, {@code LIGHTHOUSE_OFFER}, …), or empty text
   * @throws IllegalArgumentException if {@code principalId} is blank
   */
  public PrincipalMapping {
    principalId = Objects.requireNonNull(principalId, "principalId").trim();
    partnerId = Objects.requireNonNull(partnerId, "partnerId").trim();
    channel = Objects.requireNonNull(channel, "channel").trim();
    if (principalId.isEmpty()) {
      throw new IllegalArgumentException("principalId must not be blank");
    }
  }

  /** {@return whether the row attributes the principal's grants to a partner ID} */
  public boolean isAttributed() {
    return !partnerId.isEmpty();
  }
}
