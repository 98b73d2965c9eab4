package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Problem;
import org.praxis.base.db.DatabaseFailures;
import org.praxis.base.db.DatabaseStatus;
import org.praxis.base.ui.Links;
import org.praxis.base.ui.MainLayout;
import org.praxis.base.ui.RouteIds;
import org.praxis.cohort.CohortAccess;
import org.praxis.conversation.Agreement;
import org.praxis.conversation.AgreementRequiredException;
import org.praxis.conversation.AgreementService;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.PostItem;
import org.praxis.conversation.ReactionKind;
import org.praxis.conversation.ReactionService;
import org.praxis.conversation.Reactions;
import org.praxis.conversation.ThreadHeader;
import org.praxis.conversation.ThreadEvents;
import org.praxis.conversation.ThreadPage;
import org.praxis.conversation.ThreadService;
import org.praxis.cohort.ui.CohortPages;
import org.springframework.security.access.AccessDeniedException;

/**
 * A brave-conversation thread: its content note (posts stay folded until the reader continues),
 * nested replies indented up to {@value #MAX_INDENT} levels (deeper branches continue in a
 * focused view), sorting, replying with preview and drafts, editing with visible history,
 * removing, reporting, and the facilitators' tools.
 */
@Route(value = "threads/:threadId" + RouteIds.ID, layout = MainLayout.class)
@PermitAll
public class ThreadView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ThreadView.class);

    static final int MAX_INDENT = PostTree.MAX_INDENT;
    /** Posts rendered at once; more come with "show more", so a long thread opens quickly. */
    static final int PAGE = PostTree.PAGE;

    private final transient ThreadService threads;
    private final transient ModerationService moderation;
    private final transient AgreementService agreements;
    private final transient CohortAccess access;
    private final transient ThreadEvents events;
    private final transient ReactionService reactionService;
    private Reactions reactions;
    private long reader;
    private final transient org.praxis.base.security.CurrentUser currentUser;

    private long threadId;
    private Long branch;
    private ThreadService.Sort sort = ThreadService.Sort.OLDEST_FIRST;
    private boolean noteAccepted;
    private int shown = PAGE;
    /** A post to open at (from search or a link): shown, marked and scrolled to once. */
    private Long target;
    private ThreadPage page;
    private ZoneId zone;
    private final Div postList = new Div();
    private final Button newReplies = new Button();
    private int unseen;
    private com.vaadin.flow.shared.Registration subscription;
    private ReplyEditor mainEditor;
    private List<org.praxis.conversation.MentionPerson> mentionable;

    private final transient org.praxis.obstacle.ObstacleService obstacles;
    private java.util.Map<Long, List<String>> postObstacles = java.util.Map.of();

    private final transient DatabaseStatus database;
    private final transient org.praxis.conversation.ThreadFollowService follows;
    private final transient org.praxis.conversation.ThreadReads reads;
    private transient DatabaseStatus.Subscription databaseBack;
    /** A reply was posted but the page could not be read again: it is, once the database is back. */
    private boolean stale;

    public ThreadView(ThreadService threads, ModerationService moderation, AgreementService agreements,
            CohortAccess access, ThreadEvents events, org.praxis.base.security.CurrentUser currentUser,
            ReactionService reactionService, org.praxis.obstacle.ObstacleService obstacles, DatabaseStatus database,
            org.praxis.conversation.ThreadFollowService follows, org.praxis.conversation.ThreadReads reads) {
        this.follows = follows;
        this.reads = reads;
        this.database = database;
        this.obstacles = obstacles;
        this.events = events;
        this.reactionService = reactionService;
        this.currentUser = currentUser;
        this.threads = threads;
        this.moderation = moderation;
        this.agreements = agreements;
        this.access = access;
        setId("thread-view");
        addClassName("praxis-view");
        postList.setId("posts");
        postList.addClassName("praxis-posts");
        newReplies.setId("new-replies");
        newReplies.addClassName("praxis-new-replies");
        newReplies.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        newReplies.getElement().setAttribute("aria-live", "polite");
        newReplies.setVisible(false);
        newReplies.addClickListener(click -> {
            unseen = 0;
            newReplies.setVisible(false);
            reload();
        });
    }

    /** Others' replies arrive as a "new replies" button, never by moving the text under the reader. */
    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        subscribe(attachEvent.getUI());
        com.vaadin.flow.component.UI ui = attachEvent.getUI();
        databaseBack = database.onChange(up -> {
            if (up) {
                ui.access(this::catchUp);
            }
        });
    }

    private void catchUp() {
        if (!stale) {
            return;
        }
        try {
            reload();
            stale = false;
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
        }
    }

    private void subscribe(com.vaadin.flow.component.UI ui) {
        if (subscription != null) {
            subscription.remove();
        }
        long listenedThread = threadId;
        subscription = events.listen(listenedThread, event -> ui.access(() -> {
            if (threadId == listenedThread) {
                noticeNewPost(event);
            }
        }));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (subscription != null) {
            subscription.remove();
            subscription = null;
        }
        if (databaseBack != null) {
            databaseBack.cancel();
            databaseBack = null;
        }
        super.onDetach(detachEvent);
    }

    /**
     * Counts again from the rows, with the reader's rights, what was added after the page was
     * given: an event from another node, one repeated, one missed while a node was cut off, or one
     * about a post the reader may not see all end in the same true count.
     */
    private void noticeNewPost(ThreadEvents.NewPost event) {
        if (page == null) {
            return;
        }
        long shown = page.posts().stream().mapToLong(PostItem::id).max().orElse(0);
        try {
            unseen = threads.newPostsSince(threadId, shown, me());
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            // the database went away meanwhile: when it is back, every open page counts again
            return;
        }
        if (unseen > 0) {
            newReplies.setText(getTranslation("thread.new-replies", unseen));
        }
        newReplies.setVisible(unseen > 0);
    }

    /** The reader, as known when the page opened (events arrive on other threads). */
    private long me() {
        return reader;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        threadId = event.getRouteParameters().getLong("threadId").orElse(-1L);
        mentionable = null;
        branch = event.getLocation().getQueryParameters().getSingleParameter("branch")
                .filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        try {
            page = threads.read(threadId, sort);
        } catch (AccessDeniedException e) {
            // a thread of another cohort looks exactly like one that does not exist
            event.rerouteToError(NotFoundException.class);
            return;
        }
        markRead();
        target = event.getLocation().getQueryParameters().getSingleParameter("post")
                .filter(s -> s.matches("\\d{1,18}")).map(Long::valueOf).orElse(null);
        aim();
        zone = access.zoneOf(page.header().cohortId());
        CohortPages.showing(event, page.header().cohortId());
        reader = currentUser.require().id();
        unseen = 0;
        newReplies.setVisible(false);
        // the same view may be reused for another thread: listen to that one
        getUI().ifPresent(this::subscribe);
        render();
    }

    private void reload() {
        unseen = 0;
        newReplies.setVisible(false);
        page = threads.read(threadId, sort);
        markRead();
        aim();
        render();
    }

    /** What the page was given is read: lists of threads show no unread marker for it. */
    private void markRead() {
        page.posts().stream().mapToLong(PostItem::id).max().ifPresent(last -> reads.markRead(threadId, last));
    }

    /** Reads everything first, so a failure leaves the page as it was rather than half-empty. */
    private void render() {
        Map<Long, List<String>> named = obstacles.onPosts(page.posts().stream().map(PostItem::id).toList());
        String draft = !page.header().mayWrite() ? null : threads.draft(threadId, null).orElse("");
        removeAll();
        reactions = page.reactions();
        postObstacles = named;
        ThreadHeader h = page.header();
        add(breadcrumb(h));
        H1 title = new H1(h.title());
        title.setId("thread-title");
        add(title);
        add(status(h));
        add(new FollowToggle(follows, threadId));
        if (h.facilitator()) {
            add(facilitatorTools(h));
        }
        if (h.contentNote() != null && !noteAccepted) {
            add(contentNoteGate(h));
            return;
        }
        // the editor exists before the posts, so their "quote" buttons can fill it
        mainEditor = h.mayWrite() ? editor(null, draft) : null;
        HorizontalLayout top = new HorizontalLayout(sortSelect());
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        if (mainEditor != null) {
            top.add(jumpToReply());
        }
        add(top);
        if (branch != null) {
            var whole = Links.route(getTranslation("thread.whole"), "threads/" + threadId);
            whole.setId("whole-thread");
            add(whole);
        }
        fillPosts();
        add(newReplies, postList);
        H2 yourReply = new H2(getTranslation("thread.your-reply"));
        yourReply.setId("your-reply");
        add(yourReply);
        if (mainEditor == null) {
            // a gate's reason (a consultation's stage) when nothing else makes the thread read-only
            Paragraph closed = new Paragraph(!h.readOnly() && h.postingClosed() != null
                    ? getTranslation(h.postingClosed().key(), h.postingClosed().arguments())
                    : getTranslation(h.cohortClosed() ? "cohort.closed.read-only"
                    : h.locked() ? "thread.locked" : "thread.prompt-closed"));
            closed.setId("thread-read-only");
            closed.addClassName("praxis-callout");
            add(closed);
        } else {
            add(mainEditor);
        }
    }

    /** Near the top, so the reply box is a Tab or two away, not past every post's buttons. */
    private Button jumpToReply() {
        Button jump = new Button(getTranslation("thread.jump-to-reply"), click -> {
            mainEditor.body.focus();
            mainEditor.body.getElement().executeJs("this.scrollIntoView({block: 'center'});");
        });
        jump.setId("jump-to-reply");
        jump.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return jump;
    }

    private Div breadcrumb(ThreadHeader h) {
        Div crumbs = new Div();
        crumbs.addClassName("praxis-breadcrumb");
        var back = h.back() != null
                ? Links.route(getTranslation(h.back().label().key(), h.back().label().arguments()), h.back().route())
                : h.sessionId() != null
                ? Links.route(getTranslation("thread.from-session", h.sessionTitle()), "sessions/" + h.sessionId())
                : Links.route(getTranslation("thread.from-commons"), "commons");
        back.setId("thread-back");
        crumbs.add(back);
        return crumbs;
    }

    private HorizontalLayout status(ThreadHeader h) {
        HorizontalLayout badges = new HorizontalLayout();
        badges.setId("thread-status");
        if (h.pinned()) {
            badges.add(badge("thread.pinned-badge", "contrast"));
        }
        if (h.locked()) {
            badges.add(badge("thread.locked-badge", "error"));
        }
        if (h.slowModeMinutes() != null) {
            Span slow = new Span(getTranslation("thread.slow-mode-badge", h.slowModeMinutes()));
            slow.getElement().getThemeList().add("badge");
            badges.add(slow);
        }
        if (h.namesHideable()) {
            badges.add(badge("thread.names-hideable-badge", ""));
        }
        return badges;
    }

    private Span badge(String key, String theme) {
        return PostCard.badge(label(key), theme);
    }

    private HorizontalLayout facilitatorTools(ThreadHeader h) {
        Button lock = new Button(getTranslation(h.locked() ? "thread.unlock" : "thread.lock"), click -> {
            moderation.lock(threadId, !h.locked());
            reload();
        });
        lock.setId("thread-lock");
        Button pin = new Button(getTranslation(h.pinned() ? "thread.unpin" : "thread.pin"), click -> {
            moderation.pin(threadId, !h.pinned());
            reload();
        });
        pin.setId("thread-pin");
        Select<Integer> slow = new Select<>();
        slow.setId("thread-slow-mode");
        slow.setLabel(getTranslation("thread.slow-mode"));
        slow.setItems(0, 5, 15, 60, 240);
        slow.setItemLabelGenerator(m -> m == 0 ? getTranslation("thread.slow-mode.off")
                : getTranslation("thread.slow-mode.minutes", m));
        slow.setValue(h.slowModeMinutes() == null ? 0 : h.slowModeMinutes());
        slow.addValueChangeListener(e -> {
            if (e.getValue() != null && !e.getValue().equals(e.getOldValue())) {
                moderation.slowMode(threadId, e.getValue() == 0 ? null : e.getValue());
                reload();
            }
        });
        HorizontalLayout tools = new HorizontalLayout(lock, pin, slow);
        tools.setId("facilitator-tools");
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        return tools;
    }

    private Div contentNoteGate(ThreadHeader h) {
        Div gate = new Div();
        gate.setId("content-note");
        gate.addClassName("praxis-callout");
        gate.getElement().setAttribute("role", "note");
        Paragraph label = new Paragraph(getTranslation("thread.content-note"));
        label.addClassName("praxis-callout-title");
        Paragraph note = new Paragraph(h.contentNote());
        note.setId("content-note-text");
        Button go = new Button(getTranslation("thread.content-note.continue"), click -> {
            noteAccepted = true;
            render();
        });
        go.setId("content-note-continue");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        gate.add(label, note, go);
        return gate;
    }

    private Select<ThreadService.Sort> sortSelect() {
        Select<ThreadService.Sort> select = new Select<>();
        select.setId("thread-sort");
        select.setLabel(getTranslation("thread.sort"));
        select.setItems(ThreadService.Sort.values());
        select.setItemLabelGenerator(s -> getTranslation("thread.sort." + s.name()));
        select.setValue(sort);
        select.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != sort) {
                sort = e.getValue();
                reload();
            }
        });
        return select;
    }

    private void fillPosts() {
        postList.removeAll();
        PostTree.Page shownPage = PostTree.page(PostTree.listed(page.posts(), branch), shown);
        if (shownPage.posts().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("thread.no-posts"));
            none.setId("no-posts");
            none.addClassName("praxis-muted");
            postList.add(none);
            return;
        }
        Map<Long, Article> rendered = new HashMap<>();
        for (PostTree.Shown s : shownPage.posts()) {
            Article article = new PostCard(s.post(), s.level(), cards);
            rendered.put(s.post().id(), article);
            postList.add(article);
        }
        if (shownPage.more()) {
            Button more = new Button(getTranslation("thread.show-more"), click -> {
                shown += PAGE;
                fillPosts();
            });
            more.setId("show-more-posts");
            postList.add(more);
        }
        showTarget(rendered);
        // counted under the deepest shown ancestor, which links to the focused view
        shownPage.hiddenReplies().forEach((postId, n) -> {
            Article article = rendered.get(postId);
            if (article != null) {
                var more = Links.route(getTranslation("thread.continue-branch", n),
                        "threads/" + threadId + "?branch=" + postId);
                more.setId("continue-" + postId);
                article.add(more);
            }
        });
    }

    private void aim() {
        PostTree.Aim aim = target == null ? null : PostTree.aim(page.posts(), branch, target, shown);
        if (aim == null) {
            target = null;
            return;
        }
        branch = aim.branch();
        shown = aim.shown();
    }

    /** Marks the target post, scrolls it into the middle of the screen and gives it focus, once. */
    private void showTarget(Map<Long, Article> rendered) {
        Article article = target == null ? null : rendered.get(target);
        if (article == null) {
            return;
        }
        article.addClassName("praxis-post-target");
        article.getElement().setAttribute("tabindex", "-1");
        article.getElement().executeJs("this.scrollIntoView({block: 'center'}); this.focus({preventScroll: true});");
        target = null;
    }

    private void openObstacles(PostItem p) {
        new ObstaclesDialog(obstacles, page.header().cohortId(), p, postObstacles.getOrDefault(p.id(), List.of()),
                this::reload).open();
    }

    private final Map<String, String> labels = new HashMap<>();

    /** What the post cards' buttons do on this page. */
    private final PostCard.Host cards = new PostCard.Host() {
        @Override
        public String label(String key) {
            return ThreadView.this.label(key);
        }

        @Override
        public ThreadHeader header() {
            return page.header();
        }

        @Override
        public ZoneId zone() {
            return zone;
        }

        @Override
        public Reactions reactions() {
            return reactions;
        }

        @Override
        public List<String> obstaclesOn(long postId) {
            return postObstacles.getOrDefault(postId, List.of());
        }

        @Override
        public boolean canQuote() {
            return mainEditor != null;
        }

        @Override
        public void revisions(PostItem p) {
            openRevisions(p);
        }

        @Override
        public void reply(PostItem p) {
            openInlineReply(p);
        }

        @Override
        public void quote(PostItem p) {
            ThreadView.this.quote(p);
        }

        @Override
        public void edit(PostItem p) {
            openEdit(p);
        }

        @Override
        public void obstacles(PostItem p) {
            openObstacles(p);
        }

        @Override
        public void delete(PostItem p) {
            confirmDelete(p);
        }

        @Override
        public void hide(PostItem p) {
            openHide(p);
        }

        @Override
        public void unhide(PostItem p) {
            moderation.unhide(p.id());
            reload();
        }

        @Override
        public void report(PostItem p) {
            openReport(p);
        }

        @Override
        public void react(PostItem p, ReactionKind kind) {
            reactionService.toggle(p.id(), kind);
            reload();
        }
    };

    /** Labels repeated on every post, translated once per view. */
    private String label(String key) {
        return labels.computeIfAbsent(key, this::getTranslation);
    }

    /**
     * Quotes the passage the reader selected inside this post, or the whole post when nothing
     * in it is selected. The selection is read in the browser; only its text comes back.
     */
    private void quote(PostItem p) {
        getElement().executeJs("const s = window.getSelection();"
                + "const post = document.getElementById($0);"
                + "return (s && post && s.rangeCount && post.contains(s.getRangeAt(0).commonAncestorContainer))"
                + " ? s.toString() : '';", "post-body-" + p.id())
                .then(String.class, selected -> mainEditor.quote(quotedAuthor(p), selected == null || selected.isBlank()
                        ? p.markdown() : selected.strip()),
                        error -> mainEditor.quote(quotedAuthor(p), p.markdown()));
    }

    /**
     * Who a quote says wrote the post: never the name of a post whose name is hidden, not even
     * when the reader knows it (its author, a facilitator), since the quote is read by peers.
     */
    private String quotedAuthor(PostItem p) {
        return p.nameHidden() || p.authorName() == null ? getTranslation("post.name-hidden") : p.authorName();
    }

    private ReplyEditor editor(PostItem parent, String draft) {
        Long parentId = parent == null ? null : parent.id();
        String suffix = parent == null ? "" : "-" + parent.id();
        String label = parent == null ? getTranslation("editor.label")
                : getTranslation("editor.label-reply", parent.authorName() == null ? getTranslation("post.name-hidden")
                        : parent.authorName());
        ReplyEditor[] holder = new ReplyEditor[1];
        holder[0] = new ReplyEditor(suffix, label, draft, page.header().namesHideable(), text -> threads.preview(threadId, text),
                text -> keepDraft(parentId, text),
                reply -> send(holder[0], parentId, reply), this::mentionable,
                reply -> checkMentions(parentId, reply));
        if (parent != null && parent.facilitatorsOnly()) {
            holder[0].facilitatorsOnly.setValue(true);
            holder[0].facilitatorsOnly.setEnabled(false);
            holder[0].facilitatorsOnly.setHelperText(getTranslation("editor.facilitators-only.kept"));
        }
        return holder[0];
    }

    /**
     * What the writer is told about their mentions before posting; nothing when the text has no
     * {@code @}, or when the database is away (posting then says that saving is paused).
     */
    private org.praxis.conversation.MentionCheck checkMentions(Long parentId, ReplyEditor.Reply reply) {
        if (reply.body().indexOf('@') < 0) {
            return null;
        }
        try {
            return threads.checkMentions(threadId, parentId, reply.body(), reply.facilitatorsOnly());
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            return null;
        }
    }

    /** The cohort's people to mention, read once per page when the first {@code @} is typed. */
    private List<org.praxis.conversation.MentionPerson> mentionable() {
        if (mentionable == null) {
            mentionable = threads.mentionable(threadId);
        }
        return mentionable;
    }

    /** A draft that cannot be kept while the database is away stays in the field; the banner says why. */
    private void keepDraft(Long parentId, String text) {
        try {
            threads.saveDraft(threadId, parentId, text);
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
        }
    }

    /**
     * Posts, and says what is true: a reply that could not be saved keeps its text and its key
     * (pressing Post again finds it if it was saved after all); a reply that was saved is reported
     * as posted even when the page cannot be read again at once.
     */
    private void send(ReplyEditor editor, Long parentId, ReplyEditor.Reply reply) {
        long posted;
        try {
            posted = threads.reply(threadId, parentId, reply.body(), reply.facilitatorsOnly(), reply.hideName(),
                    reply.key());
        } catch (AgreementRequiredException e) {
            openAgreement(e.agreement(), () -> send(editor, parentId, reply));
            return;
        } catch (InvalidInputException e) {
            Problem problem = e.problems().values().iterator().next();
            editor.showProblem(getTranslation(problem.key(), problem.args().toArray()));
            return;
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            log.warn("A reply in thread {} could not be saved now: {}", threadId, e.toString());
            editor.showProblem(getTranslation("post.saving-paused"));
            return;
        } finally {
            editor.post.setEnabled(true);
        }
        editor.clear();
        String said = "post.sent";
        try {
            // the new reply is shown where it is, however far down a long thread, and gets focus
            target = posted;
            reload();
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            stale = true;
            said = "post.sent-page-later";
        }
        Notification n = Notification.show(getTranslation(said), 5000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void openInlineReply(PostItem parent) {
        postList.getChildren().filter(c -> c.getId().orElse("").equals("post-" + parent.id())).findFirst()
                .ifPresent(c -> {
                    Article article = (Article) c;
                    boolean open = article.getChildren().anyMatch(x -> x instanceof ReplyEditor);
                    if (!open) {
                        ReplyEditor inline = editor(parent, threads.draft(threadId, parent.id()).orElse(""));
                        article.add(inline);
                        inline.body.focus();
                    }
                });
    }

    private void openAgreement(Agreement agreement, Runnable then) {
        new AgreementDialog(agreements, agreement, then).open();
    }

    private void openEdit(PostItem p) {
        new EditDialog(threads, p, this::mentionable, this::reload).open();
    }

    private void confirmDelete(PostItem p) {
        new DeleteConfirm(threads, p, this::reload).open();
    }

    private void openRevisions(PostItem p) {
        new RevisionsDialog(p.markdown(), threads.revisions(p.id()), zone).open();
    }

    private void openHide(PostItem p) {
        new HideDialog(moderation, p, this::reload).open();
    }

    private void openReport(PostItem p) {
        new ReportDialog(moderation, p).open();
    }

    @Override
    public String getPageTitle() {
        return page == null ? getTranslation("app.name") : getTranslation("thread.page-title", page.header().title());
    }
}
