package org.praxis.search.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;
import org.praxis.audit.AuditService;
import org.praxis.base.security.Role;
import org.praxis.base.ui.AccessDeniedView;
import org.praxis.conversation.ThreadService;
import org.praxis.search.Indexer;
import org.praxis.search.SearchService;
import org.praxis.support.KaribuTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

class SearchAdminViewTest extends KaribuTest {

    @Autowired
    Indexer indexer;
    @Autowired
    ThreadService threads;
    @Autowired
    SearchService search;
    @Autowired
    AuditService audit;

    @Test
    void an_admin_sees_the_progress_and_rebuilds_the_index_while_search_keeps_working() throws Exception {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        String word = "zq" + Long.toString(System.nanoTime(), 36);
        data.signIn(member);
        threads.reply(thread, null, "kept through a rebuild " + word, false, false);
        indexer.finishRebuild(); // the one this context began at its start, if it is still going
        indexer.catchUp();

        TestData.Person admin = data.person(Role.ADMIN);
        signInAs(admin);
        navigate("admin/search");
        assertThat(_get(ProgressBar.class, spec -> spec.withId("search-progress")).getValue()).isEqualTo(100);

        _click(_get(Button.class, spec -> spec.withId("search-rebuild")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("confirm-rebuild")));
        indexer.finishRebuild();
        indexer.catchUp();
        _click(_get(Button.class, spec -> spec.withId("search-refresh")));

        assertThat(_get(ProgressBar.class, spec -> spec.withId("search-progress")).getValue()).isEqualTo(100);
        assertThat(_get(Paragraph.class, spec -> spec.withId("search-numbers")).getText()).startsWith("100%");
        assertThat(audit.latestWithAction("search.rebuild", 5)).anySatisfy(e -> assertThat(e.actorId()).isEqualTo(admin.id()));
        data.signIn(member);
        assertThat(search.search(word, 10)).hasSize(1);
    }

    @Test
    void nobody_but_an_admin_opens_it_or_rebuilds() {
        signInAs(data.personIn(data.cohort(), Role.FACILITATOR));
        navigate("admin/search");
        _assertOne(AccessDeniedView.class);
        _assertNone(ProgressBar.class);
        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.security.access.AccessDeniedException.class,
                () -> search.rebuild());
    }
}
