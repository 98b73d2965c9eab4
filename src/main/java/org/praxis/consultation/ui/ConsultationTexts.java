package org.praxis.consultation.ui;

import com.vaadin.flow.component.Component;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.praxis.consultation.Stage;

/** How the consultation pages say a stage and its end time, the same way everywhere. */
final class ConsultationTexts {

    private ConsultationTexts() {
    }

    static String stage(Component page, Stage stage) {
        return page.getTranslation("consultation.stage." + stage.name());
    }

    /** "Thursday, December 3, 5:00 PM" in the cohort's zone (the time is already in it). */
    static String when(Component page, ZonedDateTime at) {
        java.util.Locale locale = java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent())
                .map(com.vaadin.flow.component.UI::getLocale).orElse(java.util.Locale.ENGLISH);
        return DateTimeFormatter.ofPattern("EEEE, MMMM d, h:mm a", locale).format(at);
    }
}
