package org.praxis.cohort.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ui.ThreadView;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;

class CommonsThreadsSettingViewTest extends KaribuTest {

    @Test
    void a_facilitator_lets_members_open_threads_in_the_cohort_form_and_a_member_then_opens_one_in_the_commons() {
        long cohort = data.cohort();
        TestData.Person facilitator = data.personIn(cohort, Role.FACILITATOR);
        TestData.Person member = data.personIn(cohort, Role.MEMBER);

        signInAs(member);
        follow("commons?cohort=" + cohort);
        _assertNone(Button.class, spec -> spec.withId("open-thread-" + cohort));

        freshSession();
        signInAs(facilitator);
        navigate("admin/cohorts/" + cohort);
        Checkbox allow = _get(Checkbox.class, spec -> spec.withId("cohort-members-open-threads"));
        assertThat(allow.getValue()).isFalse();
        assertThat(allow.isReadOnly()).isFalse();
        _setValue(allow, true);
        _click(_get(Button.class, spec -> spec.withId("cohort-save")));
        assertThat(_get(Checkbox.class, spec -> spec.withId("cohort-members-open-threads")).getValue()).isTrue();

        freshSession();
        signInAs(member);
        follow("commons?cohort=" + cohort);
        _click(_get(Button.class, spec -> spec.withId("open-thread-" + cohort)));
        _setValue(_get(TextField.class, spec -> spec.withId("thread-title-field")), "A question from a member");
        _click(_get(Button.class, spec -> spec.withId("thread-save")));
        _assertOne(ThreadView.class);
    }
}
