package org.openpec.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of openpec, applied to every value package through its {@code package-info}.
 *
 * <p>Generated implementations are package-private and never leak ({@code ImmutableX} is not part of the
 * API): callers use the value type's own {@code of(..)} factories or its public nested {@code Builder}.
 * Only JDK collections are used, and builders are strict (an attribute cannot be set twice).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    strictBuilder = true,
    defaults = @Value.Immutable(copy = true))
public @interface PecStyle {}
