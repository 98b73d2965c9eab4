package org.praxis.joining;

import static org.praxis.jooq.Tables.APPLICATION;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.base.security.AccountDirectory;
import org.praxis.base.security.Accounts;
import org.praxis.cohort.Cohorts;
import org.praxis.notification.NotificationService;
import org.praxis.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * The applications a member sent (the one they joined by, and any other with their email), with
 * the representation facts in them: in the archive, and deleted with the account, with the
 * facilitators' notices of them. A facilitator's notes on others' applications are not theirs to
 * take: they are about the applicants, are read by the cohort's facilitators alone and go with
 * each application; they stay with the review when the facilitator's account is deleted.
 */
@Component
class JoiningPersonalData implements PersonalData {

    private final DSLContext db;
    private final ApplicationService applications;
    private final NotificationService notifications;
    private final AccountDirectory accounts;

    JoiningPersonalData(DSLContext db, ApplicationService applications, NotificationService notifications,
            AccountDirectory accounts) {
        this.accounts = accounts;
        this.db = db;
        this.applications = applications;
        this.notifications = notifications;
    }

    record ApplicationRecord(String cohort, OffsetDateTime submitted, String status, String name, String email,
            String organization, String sector, String role, String authority, String why, String bring,
            RepresentationFacts facts) {
    }

    private Condition theirs(long memberId) {
        String email = accounts.email(memberId).orElse(null);
        Condition joined = APPLICATION.MEMBER_ID.eq(memberId);
        return email == null ? joined : joined.or(APPLICATION.EMAIL.lower().eq(Accounts.key(email)));
    }

    @Override
    public void export(long memberId, PersonalArchive archive) {
        List<ApplicationRecord> sent = db.select(Cohorts.name(APPLICATION.COHORT_ID), APPLICATION.CREATED_AT,
                        APPLICATION.STATUS, APPLICATION.NAME, APPLICATION.EMAIL,
                        Organizations.name(APPLICATION.ORGANIZATION_ID), APPLICATION.ORGANIZATION_NAME, APPLICATION.SECTOR,
                        APPLICATION.ROLE_TITLE, APPLICATION.AUTHORITY, APPLICATION.WHY, APPLICATION.BRING, APPLICATION.FACTS)
                .from(APPLICATION)
                .where(theirs(memberId)).orderBy(APPLICATION.CREATED_AT)
                .fetch(r -> new ApplicationRecord(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() != null ? r.value6() : r.value7(), r.value8(), r.value9(), r.value10(), r.value11(),
                        r.value12(), applications.facts(r.value13())));
        if (!sent.isEmpty()) {
            archive.json("applications/applications.json", sent);
        }
    }

    @Override
    public void erase(long memberId, boolean keepContributions) {
        for (long id : db.deleteFrom(APPLICATION).where(theirs(memberId)).returning(APPLICATION.ID).fetch(APPLICATION.ID)) {
            notifications.forget("applications/" + id);
        }
    }
}
