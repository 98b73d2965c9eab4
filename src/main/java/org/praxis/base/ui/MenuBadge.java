package org.praxis.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A small count a feature shows beside one of the drawer's menu entries (for example the open
 * reports beside "Reports"), so the shell needs to know no feature. Implementations are Spring
 * beans; the component keeps itself current and carries its own accessible name.
 */
public interface MenuBadge {

    /** The route path of the menu entry it belongs to, as in {@code @Route} (e.g. {@code "reports"}). */
    String path();

    /** A new component for one UI; called when the shell is built. */
    Component create();
}
