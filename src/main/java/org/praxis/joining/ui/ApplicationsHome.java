package org.praxis.joining.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.praxis.cohort.ui.CohortPages;
import org.praxis.cohort.ui.HomeBlock;
import org.praxis.cohort.ui.HomeContext;
import org.praxis.cohort.ui.HomeContribution;
import org.praxis.joining.ApplicationService;
import org.praxis.joining.ApplicationStatus;

/** For facilitators' home: how many new applications wait for a first look, linking to them. */
@org.springframework.stereotype.Component
class ApplicationsHome implements HomeContribution {

    private final ApplicationService applications;

    ApplicationsHome(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public HomeContext.Group group() {
        return HomeContext.Group.NEEDS_YOU;
    }

    @Override
    public int position() {
        return 20;
    }

    @Override
    public Optional<Component> block(HomeContext home) {
        if (!home.facilitator()) {
            return Optional.empty();
        }
        HomeBlock block = new HomeBlock(home, "home-applications", home.t("home.applications"));
        block.empty(home.t("home.applications.none"));
        int fresh = applications.statusCounts(home.cohortId()).getOrDefault(ApplicationStatus.NEW, 0);
        if (fresh > 0) {
            block.card("home-applications-new", home.t("home.applications.new", fresh),
                    "applications?" + CohortPages.PARAMETER + "=" + home.cohortId() + "&status=" + ApplicationStatus.NEW.name());
        }
        return Optional.of(block);
    }
}
