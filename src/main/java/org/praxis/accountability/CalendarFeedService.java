package org.praxis.accountability;

import static org.praxis.jooq.Tables.CALENDAR_FEED;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.praxis.base.mail.Mailer;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Tokens;
import org.praxis.member.Members;
import org.praxis.session.ICalendar;
import org.praxis.session.SessionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A private calendar feed per person: an unguessable address (only its hash is kept) that any
 * calendar app can subscribe to, listing the sessions of their cohorts. Making a new address, or
 * revoking it, ends the old one.
 */
@Service
public class CalendarFeedService {


    /** What a feed address is worth. */
    public enum State { ACTIVE, REVOKED, UNKNOWN }

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final SessionService sessions;
    private final Mailer mailer;
    private final Clock clock;

    CalendarFeedService(DSLContext db, CurrentUser currentUser, SessionService sessions, Mailer mailer, Clock clock) {
        this.db = db;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Whether the signed-in person has a feed now (its address is shown only when made). */
    @Transactional(readOnly = true)
    public boolean hasFeed() {
        long me = currentUser.require().id();
        return db.fetchExists(CALENDAR_FEED, CALENDAR_FEED.MEMBER_ID.eq(me).and(CALENDAR_FEED.REVOKED_AT.isNull()));
    }

    /** A new feed address for the signed-in person; any earlier one stops working. */
    @Transactional
    public String newFeed() {
        PraxisUser me = currentUser.require();
        revoke();
        String token = Tokens.random();
        db.insertInto(CALENDAR_FEED).set(CALENDAR_FEED.MEMBER_ID, me.id()).set(CALENDAR_FEED.TOKEN_HASH, Tokens.hash(token)).execute();
        return mailer.link("calendar/feed/" + token + ".ics");
    }

    /** Ends the signed-in person's feed. */
    @Transactional
    public void revoke() {
        long me = currentUser.require().id();
        db.update(CALENDAR_FEED).set(CALENDAR_FEED.REVOKED_AT, OffsetDateTime.now(clock))
                .where(CALENDAR_FEED.MEMBER_ID.eq(me)).and(CALENDAR_FEED.REVOKED_AT.isNull()).execute();
    }

    /** The feed behind an address: its state, and for an active one the calendar. No sign-in. */
    @Transactional(readOnly = true)
    public Feed feed(String token) {
        if (!Tokens.plausible(token)) {
            return new Feed(State.UNKNOWN, null);
        }
        var r = db.select(CALENDAR_FEED.MEMBER_ID, CALENDAR_FEED.REVOKED_AT,
                        DSL.field(Members.active(CALENDAR_FEED.MEMBER_ID)))
                .from(CALENDAR_FEED)
                .where(CALENDAR_FEED.TOKEN_HASH.eq(Tokens.hash(token))).fetchOne();
        if (r == null) {
            return new Feed(State.UNKNOWN, null);
        }
        if (r.value2() != null || !r.value3()) {
            return new Feed(State.REVOKED, null);
        }
        return new Feed(State.ACTIVE, ICalendar.of("Praxis", sessions.calendarOf(r.value1()), mailer.link(""),
                ICalendar.host(mailer.link("")), clock.instant()));
    }

    /** A feed's state and, when active, its iCalendar text. */
    public record Feed(State state, String calendar) {
    }

}
