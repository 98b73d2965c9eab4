package org.praxis.member.ui;

import com.vaadin.flow.component.Component;

/**
 * One way Praxis tells a person about things (the email digest, …), chosen in the "Notifications"
 * part of their account page. The feature that notifies implements it as a Spring bean, so the
 * account page knows none of them and a new kind of notice adds its choice without touching it.
 */
public interface NotificationChoice {

    /** Where the choice stands among the others: lower first. */
    default int order() {
        return 0;
    }

    /** A new component for one page: a third-level heading and the choice, saved as it changes. */
    Component create();
}
