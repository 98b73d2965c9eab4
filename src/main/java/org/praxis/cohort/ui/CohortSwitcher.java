package org.praxis.cohort.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Optional;
import org.praxis.base.ui.NavbarContribution;
import org.praxis.cohort.CurrentCohort;
import org.springframework.core.annotation.Order;

/**
 * The cohort switcher in the top bar, for someone who may see more than one cohort: it shows
 * the cohort of the page on the screen (or the current one on pages of none), and choosing
 * another remembers it and opens the same page for that cohort — or that cohort's home, where
 * the page is about one thing of the cohort (a thread, a session) or is for facilitators and the
 * person does not facilitate the other cohort.
 */
@org.springframework.stereotype.Component
@Order(0)
class CohortSwitcher implements NavbarContribution {

    private final CurrentCohort current;

    CohortSwitcher(CurrentCohort current) {
        this.current = current;
    }

    @Override
    public Component create() {
        return new Switcher(current);
    }

    /** Reads the choices again after every navigation, since the shell around the views stays. */
    static final class Switcher extends Select<CurrentCohort.Choice> implements AfterNavigationObserver {

        private final transient CurrentCohort current;
        private boolean filling;
        private Optional<CohortPages.Shown> shown = Optional.empty();

        Switcher(CurrentCohort current) {
            this.current = current;
            setId("cohort-switcher");
            addClassName("praxis-cohort-switcher");
            setAriaLabel(getTranslation("cohort.switcher.label"));
            setTooltipText(getTranslation("cohort.switcher.label"));
            setItemLabelGenerator(c -> c.closed() ? getTranslation("cohort.switcher.closed", c.name()) : c.name());
            addValueChangeListener(e -> {
                if (!filling && e.getValue() != null && !e.getValue().equals(e.getOldValue())) {
                    switchTo(e.getValue());
                }
            });
            setVisible(false);
        }

        @Override
        public void afterNavigation(AfterNavigationEvent event) {
            UI ui = UI.getCurrent();
            shown = CohortPages.shown(ui, event.getLocation().getPath());
            List<CurrentCohort.Choice> choices = current.choices();
            filling = true;
            try {
                setItems(choices);
                long showing = shown.map(CohortPages.Shown::cohortId)
                        .or(() -> current.get().map(CurrentCohort.Choice::id)).orElse(-1L);
                setValue(choices.stream().filter(c -> c.id() == showing).findFirst().orElse(null));
            } finally {
                filling = false;
            }
            setVisible(choices.size() > 1);
        }

        private void switchTo(CurrentCohort.Choice choice) {
            CurrentCohort.Choice chosen = current.choose(choice.id());
            String path = shown.filter(CohortPages.Shown::sameRouteForAnother)
                    .filter(s -> s.need() == CohortPages.Need.MEMBER || chosen.facilitating())
                    .map(CohortPages.Shown::path).orElse("");
            getUI().ifPresent(ui -> ui.navigate(path,
                    QueryParameters.of(CohortPages.PARAMETER, String.valueOf(chosen.id()))));
        }
    }
}
