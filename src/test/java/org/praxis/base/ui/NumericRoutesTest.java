package org.praxis.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationState;
import com.vaadin.flow.router.Route;
import java.util.Optional;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.support.KaribuTest;

/**
 * An address whose id is not a number a {@code long} holds is a page that does not exist, on every
 * route that takes an id; it never ends on the internal error page.
 */
class NumericRoutesTest extends KaribuTest {

    private static Optional<Class<? extends Component>> routeOf(String path) {
        // the router's own resolution: Karibu leaves a navigation to no route at all to the browser's router
        return UI.getCurrent().getInternals().getRouter().resolveNavigationTarget(new Location(path))
                .map(NavigationState::getNavigationTarget);
    }

    @ParameterizedTest
    @ValueSource(strings = {"worksheets/responses/abc", "worksheets/assignments/abc", "commitments/abc",
            "applications/abc", "applications/99999999999999999999", "commitments/99999999999999999999",
            "threads/abc", "sessions/12abc", "analyses/-1", "worksheets/responses/1e3"})
    void an_id_that_is_no_number_matches_no_route_so_it_is_not_found(String path) {
        assertThat(routeOf(path)).as(path).isEmpty();
    }

    @Test
    void ids_that_are_numbers_open_their_views() {
        assertThat(routeOf("commitments/42")).contains(org.praxis.accountability.ui.CommitmentView.class);
        assertThat(routeOf("applications/999999999999999999")).contains(org.praxis.joining.ui.ApplicationView.class);
        assertThat(routeOf("worksheets/responses/7")).contains(org.praxis.worksheet.ui.ResponseView.class);
    }

    @Test
    void a_signed_in_member_asking_for_a_missing_record_sees_not_found_not_an_error() {
        signInAs(data.personIn(data.cohort(), Role.MEMBER));
        for (String path : List.of("commitments/999999999999999999", "worksheets/responses/999999999999999999",
                "worksheets/assignments/999999999999999999", "threads/999999999999999999")) {
            navigate(path);
            _assertOne(NotFoundView.class);
            _assertNone(InternalErrorView.class);
        }
    }

    @Test
    void every_route_parameter_that_names_an_id_carries_the_digit_pattern() {
        Pattern parameter = Pattern.compile(":(\\w+)(\\([^)]*\\))?");
        List<JavaClass> routes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.praxis").stream()
                .filter(c -> c.isAnnotatedWith(Route.class)).toList();
        assertThat(routes).hasSizeGreaterThan(20);
        int ids = 0;
        for (JavaClass route : routes) {
            String template = route.getAnnotationOfType(Route.class).value();
            Matcher m = parameter.matcher(template);
            while (m.find()) {
                if (m.group(1).endsWith("Id")) {
                    ids++;
                    assertThat(m.group(2)).as("%s in %s", m.group(1), route.getSimpleName()).isEqualTo(RouteIds.ID);
                }
            }
        }
        assertThat(ids).isGreaterThanOrEqualTo(7);
    }
}
