package org.praxis.cohort.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.praxis.cohort.CurrentCohort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one way a page that shows one cohort learns which: {@code ?cohort=<id>} in its address
 * when the person may see that cohort (the choice is remembered), the current cohort otherwise —
 * and then the address is completed with it, so what is on the screen can be shared as a link.
 * A cohort the person may not see answers "Page not found", whether it exists or not. Someone
 * with no cohort for the page gets the page's empty state, never "Page not found".
 *
 * <p>It also tells the shell's {@link CohortSwitcher} which cohort the page shows, and whether
 * switching should reload the same page for another cohort; pages of one object (a thread, a
 * session) say their cohort with {@link #showing(BeforeEnterEvent, long)}.
 */
@Component
public class CohortPages {

    /** The query parameter that names the cohort. */
    public static final String PARAMETER = "cohort";

    /** Who a page is for within its cohort. */
    public enum Need {
        /** anyone in the cohort */
        MEMBER,
        /** the cohort's facilitators */
        FACILITATOR
    }

    /** What the page in the UI shows, for the switcher: only for the location it was set on. */
    record Shown(String path, long cohortId, Need need, boolean sameRouteForAnother) {
    }

    private final CurrentCohort current;

    CohortPages(CurrentCohort current) {
        this.current = current;
    }

    /**
     * The cohort for the page being entered. Empty when the page must not render anything: the
     * cohort in the address is refused (the event goes to "Page not found"), or the address is
     * completed with the current cohort (the event forwards there and the page is entered again),
     * or the person has no cohort for this page — then {@code none} builds the empty state.
     */
    public Optional<CurrentCohort.Choice> resolve(BeforeEnterEvent event, Need need, Runnable none) {
        QueryParameters params = event.getLocation().getQueryParameters();
        Optional<String> asked = params.getSingleParameter(PARAMETER);
        if (asked.isPresent()) {
            Optional<CurrentCohort.Choice> chosen = asked.filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf)
                    .flatMap(id -> current.choices().stream().filter(c -> c.id() == id).findFirst())
                    .filter(c -> need == Need.MEMBER || c.facilitating());
            if (chosen.isEmpty()) {
                event.rerouteToError(NotFoundException.class);
                return Optional.empty();
            }
            try {
                current.choose(chosen.get().id());
            } catch (AccessDeniedException e) {
                // left the cohort between the two reads
                event.rerouteToError(NotFoundException.class);
                return Optional.empty();
            }
            remember(event.getUI(), new Shown(event.getLocation().getPath(), chosen.get().id(), need, true));
            return chosen;
        }
        Optional<CurrentCohort.Choice> fallback = need == Need.MEMBER ? current.get() : current.getFacilitated();
        if (fallback.isEmpty()) {
            none.run();
            return Optional.empty();
        }
        Map<String, List<String>> completed = new HashMap<>(params.getParameters());
        completed.put(PARAMETER, List.of(String.valueOf(fallback.get().id())));
        event.forwardTo(event.getLocation().getPath(), new QueryParameters(completed));
        return Optional.empty();
    }

    /**
     * For a page of one object, which knows its cohort: the switcher shows that cohort there, and
     * switching to another goes to that cohort's home.
     */
    public static void showing(BeforeEnterEvent event, long cohortId) {
        remember(event.getUI(), new Shown(event.getLocation().getPath(), cohortId, Need.MEMBER, false));
    }

    /** What the page at this path said it shows, if it did. */
    static Optional<Shown> shown(UI ui, String path) {
        return Optional.ofNullable(ComponentUtil.getData(ui, Shown.class)).filter(s -> s.path().equals(path));
    }

    private static void remember(UI ui, Shown shown) {
        ComponentUtil.setData(ui, Shown.class, shown);
    }

    /** The empty state of a cohort's page for someone with no cohort (to show there). */
    public static Paragraph noCohort(com.vaadin.flow.component.Component page, Need need) {
        Paragraph none = new Paragraph(page.getTranslation(need == Need.MEMBER ? "home.no-cohort"
                : "cohort.not-facilitating"));
        none.setId("no-cohort");
        return none;
    }
}
