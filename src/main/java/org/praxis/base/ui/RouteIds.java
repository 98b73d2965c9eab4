package org.praxis.base.ui;

/**
 * The pattern every numeric route parameter carries ({@code "threads/:threadId" + RouteIds.ID}):
 * an address with letters, or with more digits than a {@code long} holds, matches no route and is
 * answered "not found", instead of failing later when the view reads the parameter as a number.
 */
public final class RouteIds {

    /** One to 18 digits: every such number fits a {@code long}. */
    public static final String ID = "(\\d{1,18})";

    private RouteIds() {
    }
}
