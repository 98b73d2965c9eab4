package org.praxis.member.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.MEMBER;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.cohort.ui.HomeView;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountViewTest extends KaribuTest {

    @Autowired
    PasswordEncoder encoder;

    private PasswordField field(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }

    private void change(String current, String next, String repeated) {
        _setValue(field("current-password"), current);
        _setValue(field("new-password"), next);
        _setValue(field("repeat-password"), repeated);
        _click(_get(Button.class, spec -> spec.withId("change-password")));
    }

    private String hashOf(long id) {
        return data.db().select(MEMBER.PASSWORD_HASH).from(MEMBER).where(MEMBER.ID.eq(id)).fetchSingle(MEMBER.PASSWORD_HASH);
    }

    @Test
    void someone_with_a_temporary_password_is_sent_to_choose_their_own_and_then_goes_on() {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);
        data.db().update(MEMBER).set(MEMBER.PASSWORD_MUST_CHANGE, true).where(MEMBER.ID.eq(member.id())).execute();
        signInAs(member);

        navigate("");
        _assertOne(AccountView.class);
        _assertNone(HomeView.class);
        assertThat(_get(Div.class, spec -> spec.withId("must-change-password")).isVisible()).isTrue();

        change(TestData.PASSWORD, "a longer sentence I remember", "a longer sentence I remember");

        NotificationsKt.expectNotifications("Your password has been changed.");
        assertThat(encoder.matches("a longer sentence I remember", hashOf(member.id()))).isTrue();
        _assertNone(Div.class, spec -> spec.withId("must-change-password"));
        navigate("");
        _assertOne(HomeView.class);
    }

    @Test
    void a_wrong_current_password_a_short_one_and_a_mismatch_are_each_named_and_nothing_changes() {
        TestData.Person member = data.personIn(data.cohort(), Role.MEMBER);
        signInAs(member);
        String before = hashOf(member.id());
        navigate("account");

        change("not my password", "long enough password", "long enough password");
        assertThat(field("current-password").getErrorMessage()).isEqualTo("This is not your current password.");
        assertThat(field("new-password").getValue()).isEqualTo("long enough password");

        change(TestData.PASSWORD, "short", "short");
        assertThat(field("new-password").getErrorMessage()).isEqualTo("Please use at least 10 characters.");

        change(TestData.PASSWORD, "long enough password", "long enough passwort");
        assertThat(field("repeat-password").getErrorMessage()).isEqualTo("The two new passwords are not the same.");

        assertThat(hashOf(member.id())).isEqualTo(before);
        NotificationsKt.expectNoNotifications();
    }
}
