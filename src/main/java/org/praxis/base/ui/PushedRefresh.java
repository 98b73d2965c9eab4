package org.praxis.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.function.Function;

/**
 * Keeps a component current through push: while it is attached, {@code listen} is given a
 * callback that runs {@code refresh} in the component's UI ({@code UI.access}); on detach the
 * listening stops. For counts in the shell (the bell, the open reports) whose events come from
 * other people's requests.
 */
public final class PushedRefresh {

    private PushedRefresh() {
    }

    /** {@code listen} subscribes a callback (called on any thread) and returns how to unsubscribe. */
    public static void keep(Component component, Function<Runnable, Registration> listen, Runnable refresh) {
        Registration[] subscription = new Registration[1];
        component.addAttachListener(attach -> {
            if (subscription[0] != null) {
                subscription[0].remove();
            }
            UI ui = attach.getUI();
            subscription[0] = listen.apply(() -> ui.access(refresh::run));
        });
        component.addDetachListener(detach -> {
            if (subscription[0] != null) {
                subscription[0].remove();
                subscription[0] = null;
            }
        });
    }
}
