package org.praxis.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.praxis.conversation.ThreadFollowService;
import org.praxis.conversation.ThreadFollowService.Follow;

/**
 * Follow and Mute of one thread, for its page: two toggle buttons (aria-pressed) and a line that
 * says what each means for the reader's notices. Posting in the thread follows it.
 */
class FollowToggle extends Div {

    private final transient ThreadFollowService follows;
    private final long threadId;
    private final Button follow = new Button();
    private final Button mute = new Button();
    private final Span status = new Span();

    FollowToggle(ThreadFollowService follows, long threadId) {
        this.follows = follows;
        this.threadId = threadId;
        setId("thread-follow");
        addClassName("praxis-follow");
        follow.setId("thread-follow-toggle");
        mute.setId("thread-mute-toggle");
        follow.addThemeVariants(ButtonVariant.LUMO_SMALL);
        mute.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        status.setId("thread-follow-status");
        status.addClassName("praxis-muted");
        status.getElement().setAttribute("role", "status");
        follow.addClickListener(click -> change(follows.state(threadId) == Follow.FOLLOWING ? Follow.NONE : Follow.FOLLOWING));
        mute.addClickListener(click -> change(follows.state(threadId) == Follow.MUTED ? Follow.NONE : Follow.MUTED));
        add(follow, mute, status);
        show(follows.state(threadId));
    }

    private void change(Follow next) {
        follows.set(threadId, next);
        show(next);
    }

    private void show(Follow state) {
        follow.setText(getTranslation(state == Follow.FOLLOWING ? "thread.following" : "thread.follow"));
        follow.getElement().setAttribute("aria-pressed", String.valueOf(state == Follow.FOLLOWING));
        mute.setText(getTranslation(state == Follow.MUTED ? "thread.muted" : "thread.mute"));
        mute.getElement().setAttribute("aria-pressed", String.valueOf(state == Follow.MUTED));
        status.setText(getTranslation("thread.follow-status." + state.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
