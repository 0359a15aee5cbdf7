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
 * Only JDK collections are used, and builders are strict (an attribute cannot be set twice). No annotation found
 * on the class path is copied into generated classes ({@code allowedClasspathAnnotations} lists only
 * {@code Override}): Immutables' own {@code @Generated} would otherwise be in openpec's class files, and a
 * consumer compiling with {@code -Xlint:all} without the Immutables annotations would be warned about it. Source
 * retention: the style is read while openpec compiles and is not in its class files.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    strictBuilder = true,
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = true))
public @interface PecStyle {}
