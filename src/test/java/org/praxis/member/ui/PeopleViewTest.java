package org.praxis.member.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.base.security.SignInService;
import org.praxis.cohort.CohortChoice;
import org.praxis.member.MemberSummary;
import org.praxis.organization.Organization;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.junit.jupiter.api.Assertions;

class PeopleViewTest extends KaribuTest {

    @Autowired
    SignInService signIn;

    private long cohort;
    private TestData.Person facilitator;

    private void openAsFacilitator() {
        cohort = data.cohort();
        facilitator = data.personIn(cohort, Role.FACILITATOR);
        signInAs(facilitator);
        navigate("people");
    }

    private TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private void fillNewAccount(String name, String email) {
        _click(_get(Button.class, spec -> spec.withId("new-member")));
        _setValue(field("member-display-name"), name);
        _setValue(field("member-email"), email);
        _setValue(field("member-pronouns"), "they/them");
    }

    @SuppressWarnings("unchecked")
    private Grid<MemberSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("members-grid"));
    }

    private List<String> names() {
        Grid<MemberSummary> grid = grid();
        return java.util.stream.IntStream.range(0, _size(grid)).mapToObj(i -> GridKt._get(grid, i).displayName()).toList();
    }

    @Test
    void the_columns_fit_a_desktop_and_a_phone_keeps_name_role_and_status() {
        openAsFacilitator();
        PeopleView view = _get(PeopleView.class);
        // no column sized to its longest value: their widths add up to what a desktop has
        assertThat(grid().getColumns()).allSatisfy(c -> assertThat(c.isAutoWidth()).isFalse());
        assertThat(grid().getColumns()).allSatisfy(c -> assertThat(c.getWidth()).endsWith("rem"));
        view.fitColumns(390);
        assertThat(grid().getColumns().stream().filter(c -> c.isVisible()).map(c -> c.getKey()))
                .containsExactly("name", "role", "status");
        view.fitColumns(1280);
        assertThat(grid().getColumns()).allSatisfy(c -> assertThat(c.isVisible()).isTrue());
    }

    @Test
    void a_facilitator_creates_a_member_in_their_cohort_and_sees_the_temporary_password_once() {
        openAsFacilitator();
        String name = TestData.unique("Noor");
        fillNewAccount(name, name + "@test.example");
        @SuppressWarnings("unchecked")
        ComboBox<CohortChoice> cohortBox = _get(ComboBox.class, spec -> spec.withId("member-cohort"));
        _setValue(cohortBox, cohortBox.getListDataView().getItems().filter(c -> c.id() == cohort).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("member-save")));

        String temporary = _get(Paragraph.class, spec -> spec.withId("temporary-password")).getText();
        assertThat(temporary).hasSize(19);
        _click(_get(Button.class, spec -> spec.withId("temporary-password-done")));
        _assertNone(Paragraph.class, spec -> spec.withId("temporary-password"));
        assertThat(names()).contains(name);

        // the new member signs in with it
        SecurityContextHolder.clearContext();
        String next = signIn.signIn(name + "@test.example", temporary, new MockHttpServletRequest(),
                new MockHttpServletResponse());
        assertThat(next).isEmpty();
    }

    @Test
    void a_facilitator_may_only_give_the_member_role() {
        openAsFacilitator();
        _click(_get(Button.class, spec -> spec.withId("new-member")));

        @SuppressWarnings("unchecked")
        Select<Role> role = _get(Select.class, spec -> spec.withId("member-role"));
        assertThat(role.getListDataView().getItems()).containsExactly(Role.MEMBER);
    }

    @Test
    void a_ten_thousand_character_name_is_refused_next_to_the_field_and_what_was_typed_stays() {
        openAsFacilitator();
        String longName = "N".repeat(10_000);
        String email = TestData.unique("long") + "@test.example";
        fillNewAccount(longName, email);
        _click(_get(Button.class, spec -> spec.withId("member-save")));

        TextField name = field("member-display-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Please keep this to 100 characters or fewer.");
        assertThat(name.getValue()).isEqualTo(longName);
        assertThat(field("member-email").getValue()).isEqualTo(email);
        assertThat(field("member-pronouns").getValue()).isEqualTo("they/them");
        assertThat(data.membersWithEmail(email)).isZero();
    }

    @Test
    void empty_name_and_a_malformed_email_are_each_named_at_their_field() {
        openAsFacilitator();
        fillNewAccount("  ", "not-an-email");
        _click(_get(Button.class, spec -> spec.withId("member-save")));

        assertThat(field("member-display-name").getErrorMessage()).isEqualTo("Please fill this in.");
        assertThat(field("member-email").getErrorMessage()).startsWith("Please enter an email address");
        assertThat(data.membersWithEmail("not-an-email")).isZero();
    }

    @Test
    void a_duplicate_email_gets_a_clear_message() {
        openAsFacilitator();
        TestData.Person existing = data.person(Role.MEMBER);
        fillNewAccount(TestData.unique("Twin"), existing.email().toUpperCase());
        _click(_get(Button.class, spec -> spec.withId("member-save")));

        assertThat(field("member-email").getErrorMessage()).isEqualTo("There is already an account with this email address.");
        assertThat(data.membersWithEmail(existing.email())).isEqualTo(1);
    }

    @Test
    void a_deactivated_member_cannot_sign_in_any_more() {
        openAsFacilitator();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        navigate("");
        navigate("people");
        _setValue(_get(TextField.class, spec -> spec.withId("people-filter")), member.name());
        Grid<MemberSummary> grid = grid();
        assertThat(_size(grid)).isEqualTo(1);
        GridKt._selectRow(grid, 0);

        _click(_get(Button.class, spec -> spec.withId("deactivate-member")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-toggle")));

        NotificationsKt.expectNotifications(member.name() + " has been deactivated and signed out.");
        assertThat(data.active(member.id())).isFalse();
        assertThat(GridKt._get(grid(), 0).active()).isFalse();
        SecurityContextHolder.clearContext();
        Assertions.assertThrows(DisabledException.class, () -> signIn.signIn(member.email(), TestData.PASSWORD,
                new MockHttpServletRequest(), new MockHttpServletResponse()));
    }

    @Test
    void resetting_a_password_shows_a_new_temporary_one_that_works() {
        openAsFacilitator();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        navigate("");
        navigate("people");
        _setValue(_get(TextField.class, spec -> spec.withId("people-filter")), member.email());
        GridKt._selectRow(grid(), 0);

        _click(_get(Button.class, spec -> spec.withId("reset-password")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-reset")));

        String temporary = _get(Paragraph.class, spec -> spec.withId("temporary-password")).getText();
        SecurityContextHolder.clearContext();
        assertThat(signIn.signIn(member.email(), temporary, new MockHttpServletRequest(), new MockHttpServletResponse()))
                .isEmpty();
    }

    @Test
    void a_facilitator_adds_an_organisation_and_a_duplicate_name_is_refused() {
        openAsFacilitator();
        _get(TabSheet.class, spec -> spec.withId("people-tabs")).setSelectedIndex(1);
        _click(_get(Button.class, spec -> spec.withId("new-organization")));
        String name = TestData.unique("Lummi Valley Clinic");
        _setValue(field("organization-name"), name);
        @SuppressWarnings("unchecked")
        Select<org.praxis.organization.Sector> sector = _get(Select.class, spec -> spec.withId("organization-sector"));
        _setValue(sector, org.praxis.organization.Sector.TRIBAL_HEALTH);
        _click(_get(Button.class, spec -> spec.withId("organization-save")));
        NotificationsKt.expectNotifications(name + " saved.");

        @SuppressWarnings("unchecked")
        Grid<Organization> organizations = _get(Grid.class, spec -> spec.withId("organizations-grid"));
        assertThat(java.util.stream.IntStream.range(0, _size(organizations))
                .mapToObj(i -> GridKt._get(organizations, i).name())).contains(name);

        _click(_get(Button.class, spec -> spec.withId("new-organization")));
        _setValue(field("organization-name"), name.toUpperCase());
        _setValue(sector = _get(Select.class, spec -> spec.withId("organization-sector")),
                org.praxis.organization.Sector.HOUSING);
        _click(_get(Button.class, spec -> spec.withId("organization-save")));
        assertThat(field("organization-name").getErrorMessage()).isEqualTo("There is already an organisation with this name.");
        NotificationsKt.expectNoNotifications();
        _assertOne(org.praxis.organization.ui.OrganizationForm.class);
    }
}
