package org.praxis.conversation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.praxis.base.ui.Times;
import org.praxis.conversation.ThreadReads;

/**
 * How a list of threads (the commons, a session's prompts) says a thread's last activity and
 * whether the reader has unread posts there: in words, so the marker means the same to a screen
 * reader as to the eye (the badge's colour only repeats it).
 */
public final class ThreadActivityText {

    private ThreadActivityText() {
    }

    /** "Last post Dec 3, 2026, 10:15 AM PST by Leah Jim", in the cohort's zone; empty before any post. */
    public static Optional<Span> lastActivity(Component owner, ThreadReads.Activity activity, ZoneId zone,
            Locale locale) {
        if (activity == null || activity.quiet()) {
            return Optional.empty();
        }
        String when = Times.dateTime(activity.lastAt(), zone, locale);
        String text = activity.lastByMe() ? owner.getTranslation("thread.activity.last-by-you", when)
                : owner.getTranslation("thread.activity.last-by", when,
                        activity.lastBy() == null ? owner.getTranslation("post.name-hidden") : activity.lastBy());
        Span line = new Span(text);
        line.setId("thread-activity-" + activity.threadId());
        line.addClassName("praxis-card-line");
        return Optional.of(line);
    }

    /** "3 unread" (or "New" for a thread never opened) when there are posts by others the reader has not seen. */
    public static Optional<Span> unreadMarker(Component owner, ThreadReads.Activity activity) {
        if (activity == null || activity.unread() == 0) {
            return Optional.empty();
        }
        Span marker = new Span(activity.opened() ? owner.getTranslation("thread.unread", activity.unread())
                : owner.getTranslation("thread.unread.never-opened", activity.unread()));
        marker.setId("thread-unread-" + activity.threadId());
        marker.addClassName("praxis-unread-marker");
        marker.getElement().getThemeList().add("badge primary");
        return Optional.of(marker);
    }
}
