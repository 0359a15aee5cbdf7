/**
 * The shared Immutables style of openpec's value types ({@link org.openpec.value.PecStyle}).
 *
 * <p>Nothing here is needed at run time: the annotation is read by the annotation processor only.
 */
package org.openpec.value;
