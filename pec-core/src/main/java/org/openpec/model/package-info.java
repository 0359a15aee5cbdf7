/**
 * The values the PEC world knows: {@link org.openpec.model.AccessGrant}, {@link org.openpec.model.UsageLine},
 * {@link org.openpec.model.PriceListEntry}, {@link org.openpec.model.Scope}, {@link org.openpec.model.Role} and
 * {@link org.openpec.model.RoleCatalog}, with the look-up structures built from them (price list, partner
 * directory, management-group hierarchy).
 *
 * <p>Values are immutable; factories normalise (trimmed ids, canonical scopes) and check structural
 * invariants only. Whether a value earns credit is the business of {@code org.openpec.rules}.
 *
 * <pre>{@code
 * Scope vm = Scope.parse("/subscriptions/S/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1");
 * Scope.parse("/SUBSCRIPTIONS/s/").covers(vm);          // true: segments compare ignoring case
 * RoleCatalog.bundled().isPecEligible("", "Reader");     // false
 * }</pre>
 */
@PecStyle
package org.openpec.model;

import org.openpec.value.PecStyle;
