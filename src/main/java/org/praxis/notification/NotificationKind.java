package org.praxis.notification;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of notice Praxis makes, in one list: what is stored in {@code notification.kind}
 * ({@link #code}), the message key of its text, and how people hear of it unless they chose
 * otherwise ({@link #defaultDelivery}). Kinds that share a choice ({@code SESSION_REINSTATED} with
 * {@code SESSION_CANCELLED}) name the kind whose choice they follow ({@link #choice}).
 */
public enum NotificationKind {

    POST_REPLY(Delivery.EMAIL, Audience.EVERYONE),
    THREAD_REPLY(Delivery.APP, Audience.EVERYONE),
    MENTION(Delivery.DIGEST, Audience.EVERYONE),
    ANALYSIS_COMMENT(Delivery.DIGEST, Audience.EVERYONE),
    HELP_OFFERED(Delivery.DIGEST, Audience.EVERYONE),
    REPORT_NEW(Delivery.EMAIL, Audience.FACILITATORS),
    REPORT_HANDLED(Delivery.APP, Audience.EVERYONE),
    WORKSHEET_ASSIGNED(Delivery.APP, Audience.EVERYONE),
    WORKSHEET_DUE(Delivery.APP, Audience.EVERYONE),
    WORKSHEET_REVIEW(Delivery.APP, Audience.EVERYONE),
    /** The day before a session one said they will join (its own email is chosen next to "I'll join"). */
    SESSION_REMINDER(Delivery.APP, Audience.EVERYONE, EnumSet.of(Delivery.APP, Delivery.OFF)),
    SESSION_CANCELLED(Delivery.EMAIL, Audience.EVERYONE),
    SESSION_REINSTATED(Delivery.EMAIL, Audience.EVERYONE),
    NEW_APPLICATION(Delivery.APP, Audience.FACILITATORS),
    INVITATION_REQUESTED(Delivery.APP, Audience.FACILITATORS),
    /** A peer consultation one presents or takes part in moved to another stage. */
    CONSULTATION_STAGE(Delivery.APP, Audience.EVERYONE),
    /** A peer consultation of one's cohort was scheduled (in a session, or over a few days). */
    CONSULTATION_SCHEDULED(Delivery.APP, Audience.EVERYONE),
    /** The time of a stage of a consultation one facilitates is up: it waits for them to move it. */
    CONSULTATION_TIME_UP(Delivery.APP, Audience.FACILITATORS),
    /** One's practice note was published to the network by a facilitator. */
    NOTE_PUBLISHED(Delivery.APP, Audience.EVERYONE),
    /** A practice note of the cohort waits for a facilitator to publish it to the network. */
    NOTE_AWAITING(Delivery.APP, Audience.FACILITATORS);

    /** How a person hears of a kind of notice. */
    public enum Delivery {
        /** In Praxis only: the bell and the notifications page. */
        APP,
        /** In Praxis, and by email at once. */
        EMAIL,
        /** In Praxis, and in the next email digest. */
        DIGEST,
        /** Not at all: no notice is kept. */
        OFF
    }

    /** Who can get a kind of notice (the account page offers the choice to them). */
    public enum Audience { EVERYONE, FACILITATORS }

    private final Delivery defaultDelivery;
    private final Audience audience;
    private final Set<Delivery> offered;

    NotificationKind(Delivery defaultDelivery, Audience audience) {
        this(defaultDelivery, audience, EnumSet.allOf(Delivery.class));
    }

    NotificationKind(Delivery defaultDelivery, Audience audience, Set<Delivery> offered) {
        this.defaultDelivery = defaultDelivery;
        this.audience = audience;
        this.offered = offered;
    }

    /** What {@code notification.kind} and {@code notification_preference.kind} hold. */
    public String code() {
        return name();
    }

    /** The kind stored as {@code code}, if it is one of the list. */
    public static Optional<NotificationKind> of(String code) {
        for (NotificationKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The kind whose choice this one follows (itself, for most). */
    public NotificationKind choice() {
        return switch (this) {
            case SESSION_REINSTATED -> SESSION_CANCELLED;
            case INVITATION_REQUESTED -> NEW_APPLICATION;
            default -> this;
        };
    }

    /** Whether the kind has a choice of its own on the account page. */
    public boolean chosen() {
        return choice() == this;
    }

    public Delivery defaultDelivery() {
        return defaultDelivery;
    }

    public Audience audience() {
        return audience;
    }

    /** The deliveries offered for it. */
    public Set<Delivery> offered() {
        return offered;
    }

    /** Whether the notice points to a post ({@code threads/<id>?post=<postId>}) rather than a path. */
    public boolean aboutPost() {
        return this == POST_REPLY || this == THREAD_REPLY || this == MENTION;
    }

    /** Whether its {@code subject} is the actor's name (which goes when their account is deleted). */
    boolean subjectNamesActor() {
        return this != ANALYSIS_COMMENT && this != REPORT_HANDLED && this != CONSULTATION_STAGE
                && this != CONSULTATION_SCHEDULED && this != CONSULTATION_TIME_UP;
    }

    /**
     * The message key of a notice's text: about a post, {0} who wrote it and {1} the thread's title;
     * otherwise {0} its subject and {1} who did it.
     */
    public String textKey() {
        return this == MENTION ? "notifications.mentioned" : "notifications." + code().toLowerCase(Locale.ROOT);
    }

    /** The message key of the kind's name on the account page. */
    public String labelKey() {
        return "notifications.kind." + code().toLowerCase(Locale.ROOT);
    }
}
