package org.praxis.member.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.praxis.base.security.CurrentUser;
import org.praxis.member.MemberService;
import org.springframework.stereotype.Component;

/**
 * Someone signed in with a temporary password (new account or reset) is sent to their account
 * page, wherever they tried to go, until they have chosen their own.
 */
@Component
class PasswordChangeGate implements VaadinServiceInitListener {

    private final transient CurrentUser currentUser;
    private final transient MemberService members;

    PasswordChangeGate(CurrentUser currentUser, MemberService members) {
        this.currentUser = currentUser;
        this.members = members;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == AccountView.class || currentUser.get().isEmpty()) {
            return;
        }
        if (!com.vaadin.flow.component.Component.class.isAssignableFrom(event.getNavigationTarget())
                || event.isErrorEvent()) {
            return;
        }
        if (members.mustChangePassword()) {
            event.rerouteTo(AccountView.class);
        }
    }
}
