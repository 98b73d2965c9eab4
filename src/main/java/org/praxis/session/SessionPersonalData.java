package org.praxis.session;

import static org.praxis.jooq.Tables.SESSION_ATTENDANCE;
import static org.praxis.jooq.Tables.SESSION_REMINDER_CHOICE;
import static org.praxis.jooq.Tables.SESSION_REMINDER_SENT;

import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.springframework.stereotype.Component;

/**
 * Whether a member said they would join a session, whether they came, their choice of reminders
 * by email and the reminders sent to them. Not something they wrote, so not in the archive; it goes
 * with the account. (Sessions and prompts a facilitator
 * wrote belong to the cohort and stay.)
 */
@Component
class SessionPersonalData implements PersonalData {

    private final DSLContext db;

    SessionPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        db.deleteFrom(SESSION_ATTENDANCE).where(SESSION_ATTENDANCE.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(SESSION_REMINDER_CHOICE).where(SESSION_REMINDER_CHOICE.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(SESSION_REMINDER_SENT).where(SESSION_REMINDER_SENT.MEMBER_ID.eq(memberId)).execute();
    }
}
