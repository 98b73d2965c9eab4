package org.praxis.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a feature puts into the app shell's top bar (for example the notification bell),
 * so the shell needs to know no feature. Implementations are Spring beans.
 */
public interface NavbarContribution {

    /** A new component for one UI; called when the shell is built. */
    Component create();
}
