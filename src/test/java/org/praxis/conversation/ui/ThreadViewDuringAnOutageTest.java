package org.praxis.conversation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.praxis.base.security.Role;
import org.praxis.conversation.ThreadEvents;
import org.praxis.conversation.ThreadService;
import org.praxis.jooq.Tables;
import org.praxis.support.DurableDatabaseTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The thread page and the layout while the embedded database is really gone (killed, and kept
 * from starting again until the test lets it): the page says so, keeps what is on it and what
 * is being written, and tells the truth about what was saved.
 */
class ThreadViewDuringAnOutageTest extends DurableDatabaseTest {

    private static Routes routes;

    @Autowired
    ApplicationContext context;
    @Autowired
    ThreadService threads;
    @Autowired
    ThreadEvents events;

    long thread;
    long earlier;
    TestData.Person author;

    @BeforeAll
    static void discoverRoutes() {
        Locale.setDefault(Locale.ENGLISH);
        routes = new Routes().autoDiscoverViews("org.praxis");
    }

    @BeforeEach
    void aThreadOpenInTheBrowser() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
        long cohort = data.cohort();
        author = data.personIn(cohort, Role.MEMBER);
        thread = data.thread(cohort);
        data.signIn(author);
        earlier = threads.reply(thread, null, "An answer from before", false, false);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(SecurityContextHolder.getContext().getAuthentication());
        request.setUserInRole((principal, role) -> "MEMBER".equals(role));
        UI.getCurrent().navigate("threads/" + thread);
    }

    @AfterEach
    void stopVaadin() {
        MockVaadin.tearDown();
    }

    private static String text(String key) {
        return UI.getCurrent().getTranslation(key);
    }

    /** The banner, shown or not (Karibu's locators see only what is shown). */
    private static Div banner() {
        return find(UI.getCurrent(), "saving-paused").map(Div.class::cast).orElseThrow();
    }

    private static java.util.Optional<com.vaadin.flow.component.Component> find(
            com.vaadin.flow.component.Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return java.util.Optional.of(root);
        }
        return root.getChildren().map(child -> find(child, id)).flatMap(java.util.Optional::stream).findFirst();
    }

    /** Runs what was pushed to the page until the condition holds (the news comes on another thread). */
    private static void roundtripsUntil(String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        awaitThat(what, () -> {
            MockVaadin.clientRoundtrip();
            return condition.getAsBoolean();
        });
    }

    private List<Long> posts() {
        return data.db().select(Tables.POST.ID).from(Tables.POST).where(Tables.POST.THREAD_ID.eq(thread))
                .orderBy(Tables.POST.ID).fetch(Tables.POST.ID);
    }

    @Test
    void the_page_says_saving_is_paused_while_the_database_is_gone_and_stops_saying_it_when_it_is_back()
            throws Exception {
        assertThat(banner().isVisible()).isFalse();

        try (Outage outage = new Outage()) {
            // the news reaches the page after the status flips, on the supervisor's thread
            roundtripsUntil("the banner shows", () -> banner().isVisible());
            assertThat(banner().getText()).isEqualTo(text("database.saving-paused"));
            assertThat(banner().getElement().getAttribute("role")).isEqualTo("status");
            assertThat(healthStatus()).isEqualTo(Status.DOWN);

            outage.end();
            roundtripsUntil("the banner goes", () -> !banner().isVisible());
            assertThat(healthStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void a_reply_written_while_the_database_is_gone_stays_in_the_editor_and_is_posted_once_when_sent_again()
            throws Exception {
        try (Outage outage = new Outage()) {
            _setValue(_get(TextArea.class, spec -> spec.withId("reply-body")), "Written in the dark");
            _click(_get(Button.class, spec -> spec.withId("reply-post")));

            TextArea body = _get(TextArea.class, spec -> spec.withId("reply-body"));
            assertThat(body.getValue()).isEqualTo("Written in the dark");
            assertThat(body.getErrorMessage()).isEqualTo(text("post.saving-paused"));
            _assertOne(Article.class, spec -> spec.withId("post-" + earlier));

            outage.end();
        }
        _click(_get(Button.class, spec -> spec.withId("reply-post")));

        assertThat(posts()).hasSize(2);
        _assertOne(Article.class, spec -> spec.withId("post-" + posts().get(1)));
    }

    @Test
    void a_reply_saved_just_before_the_database_died_is_reported_as_posted_and_shows_once_it_is_back()
            throws Exception {
        AtomicReference<Outage> outage = new AtomicReference<>();
        // right after the reply commits, before the page reads the thread again, the database dies
        Registration dying = events.listen(thread, posted -> {
            try {
                outage.set(new Outage());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            _setValue(_get(TextArea.class, spec -> spec.withId("reply-body")), "Saved at the last moment");
            _click(_get(Button.class, spec -> spec.withId("reply-post")));
        } finally {
            dying.remove();
        }
        assertThat(outage.get()).as("the database went down after the save").isNotNull();
        try (Outage down = outage.get()) {
            NotificationsKt.expectNotifications(text("post.sent-page-later"));
            _assertOne(Article.class, spec -> spec.withId("post-" + earlier));
            assertThat(_get(TextArea.class, spec -> spec.withId("reply-body")).getValue()).isEmpty();

            down.end();
        }
        long saved = posts().get(1);
        roundtripsUntil("the page catches up", () -> !com.github.mvysny.kaributesting.v10.LocatorJ
                ._find(Article.class, spec -> spec.withId("post-" + saved)).isEmpty());

        assertThat(posts()).hasSize(2);
    }
}
