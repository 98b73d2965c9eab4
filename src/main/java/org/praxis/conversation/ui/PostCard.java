package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.praxis.base.limit.RateLimitedException;
import org.praxis.base.ui.SafeHtml;
import org.praxis.base.ui.Times;
import org.praxis.conversation.PostItem;
import org.praxis.conversation.PostState;
import org.praxis.conversation.ReactionKind;
import org.praxis.conversation.Reactions;
import org.praxis.conversation.ThreadHeader;

/**
 * One post of a thread as its reader sees it: author and time, its text or the placeholder that
 * stands for it, reactions, what got in the way, and the actions this reader may take. The card
 * calls no service; what its buttons do is the {@link Host}'s (the thread view's) business.
 */
class PostCard extends Article {

    /** What a card needs from the page it is on; kept with the card, so serializable like it. */
    interface Host extends Serializable {
        /** A label repeated on every post, translated once per page. */
        String label(String key);

        ThreadHeader header();

        ZoneId zone();

        Reactions reactions();

        /** The obstacles the author named on this post, by label. */
        List<String> obstaclesOn(long postId);

        /** Whether the page has a reply editor a quote can go into. */
        boolean canQuote();

        void revisions(PostItem p);

        void reply(PostItem p);

        void quote(PostItem p);

        void edit(PostItem p);

        void obstacles(PostItem p);

        void delete(PostItem p);

        void hide(PostItem p);

        void unhide(PostItem p);

        void report(PostItem p);

        /** Gives or takes back a reaction; a refusal comes back as the exception. */
        void react(PostItem p, ReactionKind kind);
    }

    private final Host host;

    PostCard(PostItem p, int level, Host host) {
        this.host = host;
        setId("post-" + p.id());
        addClassName("praxis-post");
        getStyle().set("margin-inline-start", (level * 1.5) + "rem");
        if (p.facilitatorsOnly()) {
            addClassName("praxis-post-private");
        }
        HorizontalLayout meta = new HorizontalLayout();
        meta.addClassName("praxis-post-meta");
        meta.setAlignItems(FlexComponent.Alignment.BASELINE);
        meta.setWrap(true);
        Span author = new Span(p.authorName() == null ? host.label("post.name-hidden") : p.authorName());
        author.addClassName("praxis-post-author");
        author.setId("post-author-" + p.id());
        meta.add(author);
        if (p.nameHidden() && p.authorName() != null) {
            meta.add(badge(host.label(p.mine() ? "post.your-name-hidden" : "post.name-hidden-from-peers"), "contrast"));
        }
        if (p.facilitatorsOnly()) {
            meta.add(badge(host.label("post.facilitators-only"), "contrast"));
        }
        Span when = new Span(Times.dateTime(p.createdAt(), host.zone(), getLocale()));
        when.addClassName("praxis-muted");
        meta.add(when);
        if (p.edited() && p.state() != PostState.REMOVED) {
            Button edited = new Button(host.label("post.edited"), click -> host.revisions(p));
            edited.setId("revisions-" + p.id());
            edited.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            meta.add(edited);
        }
        add(meta);

        switch (p.state()) {
            case REMOVED -> add(placeholder(p, "post.removed"));
            case HIDDEN -> {
                add(placeholder(p, "post.hidden"));
                if (p.hiddenReason() != null) {
                    Paragraph why = new Paragraph(getTranslation("post.hidden-reason", p.hiddenReason()));
                    why.setId("post-hidden-reason-" + p.id());
                    add(why);
                }
                if (!p.html().isEmpty()) {
                    SafeHtml text = new SafeHtml(p.html());
                    text.setId("post-body-" + p.id());
                    text.addClassName("praxis-post-hidden-text");
                    add(text);
                }
            }
            default -> {
                SafeHtml text = new SafeHtml(p.html());
                text.setId("post-body-" + p.id());
                add(text);
                add(reactionBar(p));
            }
        }
        List<String> named = host.obstaclesOn(p.id());
        if (!named.isEmpty() && p.state() != PostState.HIDDEN) {
            Paragraph inTheWay = new Paragraph(getTranslation("post.obstacles", String.join(", ", named)));
            inTheWay.setId("post-obstacles-" + p.id());
            inTheWay.addClassName("praxis-muted");
            add(inTheWay);
        }
        add(actions(p));
    }

    static Span badge(String text, String theme) {
        Span s = new Span(text);
        s.getElement().getThemeList().add(("badge " + theme).strip());
        return s;
    }

    private HorizontalLayout reactionBar(PostItem p) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.addClassName("praxis-reactions");
        bar.setSpacing(false);
        bar.setWrap(true);
        Map<ReactionKind, List<String>> given = host.reactions().of(p.id());
        for (ReactionKind kind : ReactionKind.values()) {
            List<String> who = given.getOrDefault(kind, List.of());
            boolean mine = host.reactions().mine(p.id(), kind);
            String label = host.label(kind.messageKey());
            Button b = new Button(who.isEmpty() ? label : label + " · " + who.size(), click -> {
                try {
                    host.react(p, kind);
                } catch (RateLimitedException e) {
                    refused(bar, p, e);
                }
            });
            b.setId("react-" + p.id() + "-" + kind.name());
            b.setEnabled(!p.mine());
            if (p.mine()) {
                b.getElement().setAttribute("aria-describedby", "react-own-" + p.id());
            }
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, mine ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            b.getElement().setAttribute("aria-pressed", String.valueOf(mine));
            if (!who.isEmpty()) {
                b.setTooltipText(getTranslation("reaction.who", label, String.join(", ", who)));
            }
            bar.add(b);
        }
        if (p.mine()) {
            // greyed buttons alone say nothing: tell why, to the eye and to a screen reader
            Span why = new Span(host.label("reaction.own-post"));
            why.setId("react-own-" + p.id());
            why.addClassName("praxis-muted");
            why.addClassName("praxis-reaction-own");
            bar.add(why);
        }
        return bar;
    }

    /** Says, next to the reactions, why this one was not taken. */
    private void refused(HorizontalLayout bar, PostItem p, RateLimitedException e) {
        String id = "react-refused-" + p.id();
        bar.getChildren().filter(c -> c.getId().filter(id::equals).isPresent()).toList().forEach(bar::remove);
        Span message = new Span(getTranslation(e.problem().key(), e.problem().args().toArray()));
        message.setId(id);
        message.addClassName("praxis-form-message");
        message.getElement().setAttribute("role", "alert");
        bar.add(message);
    }

    private Paragraph placeholder(PostItem p, String key) {
        Paragraph placeholder = new Paragraph(host.label(key));
        placeholder.setId("post-placeholder-" + p.id());
        placeholder.addClassName("praxis-muted");
        return placeholder;
    }

    private HorizontalLayout actions(PostItem p) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("praxis-post-actions");
        actions.setWrap(true);
        ThreadHeader h = host.header();
        boolean removed = p.state() == PostState.REMOVED;
        if (h.mayWrite() && !removed) {
            actions.add(small("post.reply", "reply-to-" + p.id(), () -> host.reply(p)));
            if (p.state() == PostState.VISIBLE && host.canQuote()) {
                actions.add(small("post.quote", "quote-" + p.id(), () -> host.quote(p)));
            }
        }
        if (p.mine() && !removed && p.state() != PostState.HIDDEN && h.mayWrite()) {
            actions.add(small("post.edit", "edit-" + p.id(), () -> host.edit(p)));
        }
        if (p.mine() && !removed && p.state() != PostState.HIDDEN) {
            actions.add(small("post.obstacles.name", "obstacles-" + p.id(), () -> host.obstacles(p)));
        }
        if (p.mine() && !removed) {
            actions.add(small("post.delete", "delete-" + p.id(), () -> host.delete(p)));
        }
        if (h.facilitator() && !removed) {
            actions.add(p.state() == PostState.HIDDEN
                    ? small("post.unhide", "unhide-" + p.id(), () -> host.unhide(p))
                    : small("post.hide", "hide-" + p.id(), () -> host.hide(p)));
        }
        if (!p.mine() && !removed) {
            actions.add(small("post.report", "report-" + p.id(), () -> host.report(p)));
        }
        return actions;
    }

    private Button small(String key, String id, Runnable action) {
        Button b = new Button(host.label(key), click -> action.run());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }
}
