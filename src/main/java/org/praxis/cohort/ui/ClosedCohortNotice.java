package org.praxis.cohort.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;
import org.praxis.base.ui.Times;
import org.praxis.cohort.CohortAccess;

/**
 * The notice on a page of a closed cohort ("This cohort closed on … — its work stays readable"),
 * for any feature's view, so that every page says it the same way. Empty while the cohort is open.
 */
public final class ClosedCohortNotice {

    private ClosedCohortNotice() {
    }

    public static Optional<Paragraph> of(Component owner, CohortAccess access, long cohortId) {
        return access.closedAt(cohortId).map(at -> {
            java.util.Locale locale = Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent())
                    .map(com.vaadin.flow.component.UI::getLocale).orElse(java.util.Locale.ENGLISH);
            String on = Times.date(at.atZoneSameInstant(access.zoneOf(cohortId)).toLocalDate(), locale);
            Paragraph notice = new Paragraph(owner.getTranslation("cohort.closed.notice", on));
            notice.setId("cohort-closed-notice-" + cohortId);
            notice.addClassName("praxis-callout");
            return notice;
        });
    }
}
