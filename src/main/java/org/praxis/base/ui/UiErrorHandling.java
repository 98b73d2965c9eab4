package org.praxis.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.praxis.base.InvalidInputException;
import org.praxis.base.db.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What the user sees when a click fails unexpectedly: a short notice with a reference, the
 * details only in the log. A refusal by a service shows as "not allowed", not as an error; a
 * database that cannot be reached right now as "saving is paused, try again"; a broken rule no
 * form showed (an {@link InvalidInputException}) as its own message.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            UI ui = UI.getCurrent();
            Throwable cause = error.getThrowable();
            if (rootIs(cause, AccessDeniedException.class)) {
                log.info("Refused: {}", cause.getMessage());
                notify(ui, "error.not-allowed");
                return;
            }
            InvalidInputException refused = rootOf(cause, InvalidInputException.class);
            if (refused != null && ui != null) {
                // a rule the click broke (a closed cohort, say) where the view had no field to show it on
                log.info("Refused input: {}", refused.getMessage());
                Notification n = Notification.show(refused.problems().values().stream()
                        .map(p -> ui.getTranslation(p.key(), p.args().toArray()))
                        .collect(java.util.stream.Collectors.joining(" ")), 8000, Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            if (DatabaseFailures.isUnavailable(cause)) {
                // not a bug to chase with a reference: the database is away for a moment
                log.warn("A click could not reach the database: {}", cause.toString());
                notify(ui, "error.saving-paused");
                return;
            }
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Error {} in the UI", reference, cause);
            notify(ui, "error.action-failed", reference);
        }));
    }

    private static <T extends Throwable> T rootOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static boolean rootIs(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static void notify(UI ui, String key, Object... args) {
        if (ui == null) {
            return;
        }
        Notification n = Notification.show(ui.getTranslation(key, args), 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
