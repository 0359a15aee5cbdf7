package org.openpec.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * {@link PecStyle} for values that are hashed often (grants in sets and keys): the hash code is computed once, on
 * construction. Source retention, like {@link PecStyle}: nothing of it reaches openpec's class files.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    strictBuilder = true,
    allowedClasspathAnnotations = {Override.class},
    defaults = @Value.Immutable(copy = true, prehash = true))
public @interface PecHashedStyle {}
