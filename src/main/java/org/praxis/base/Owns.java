package org.praxis.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a package owns, put on its {@code package-info.java}: only classes of that package
 * (and its sub-packages) read or write them through jOOQ. Every other feature goes through the
 * owner's public service, or through the query conditions and fields it publishes, so that each
 * table's rules (validation, rights, the search outbox) live in one place. Every table has exactly
 * one owner; {@code OwnershipTest} holds both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface Owns {

    /** The owned tables, by their names in the migrations ({@code "cohort_membership"}). */
    String[] value();
}
