package org.praxis.member;

import static org.praxis.jooq.Tables.MEMBER;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.i18n.Messages;
import org.praxis.base.privacy.PersonalArchive;
import org.praxis.base.privacy.PersonalData;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.praxis.base.security.SignedInSessions;
import org.praxis.base.security.Tokens;
import org.praxis.cohort.CohortAccess;
import org.praxis.organization.Organizations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's data as a whole, gathered from every feature's {@link PersonalData}: the archive a
 * member downloads of everything they wrote, and the deletion of an account on request, which
 * only an admin does. The account's row stays, with nothing left that names the person, so what
 * is kept of their contributions shows as by "a former member".
 */
@Service
public class PersonalDataService {

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final List<PersonalData> parts;
    private final AuditService audit;
    private final SignedInSessions sessions;
    private final PasswordEncoder passwordEncoder;
    private final ObjectMapper json;
    private final Messages messages;
    private final Clock clock;
    private final CohortAccess cohortAccess;

    PersonalDataService(DSLContext db, CurrentUser currentUser, List<PersonalData> parts, AuditService audit,
            SignedInSessions sessions, PasswordEncoder passwordEncoder, ObjectMapper json, Messages messages, Clock clock,
            CohortAccess cohortAccess) {
        this.cohortAccess = cohortAccess;
        this.db = db;
        this.currentUser = currentUser;
        this.parts = parts;
        this.audit = audit;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    record Profile(String name, String email, String pronouns, String title, String organization, String bio,
            String role, OffsetDateTime created, String digest, List<Membership> cohorts) {
    }

    record Membership(String cohort, String role, OffsetDateTime joined) {
    }

    /**
     * Writes the member's archive (a zip) to {@code out}: their profile and, from every feature,
     * what they wrote. Only the member themselves may take it.
     *
     * @param translate the bundle in the reader's language, for the headings around the data
     */
    @Transactional
    public void export(long memberId, OutputStream out, BiFunction<String, Object[], String> translate) {
        PraxisUser me = currentUser.require();
        if (me.id() != memberId) {
            throw new AccessDeniedException("Only the member takes their own archive");
        }
        try (PersonalArchive archive = new PersonalArchive(out, json, translate)) {
            archive.json("profile.json", profile(memberId));
            for (PersonalData part : parts) {
                part.export(memberId, archive);
            }
            StringBuilder readme = new StringBuilder("# ").append(archive.text("export.readme.title")).append("\n\n")
                    .append(archive.text("export.readme.text", me.displayName(), OffsetDateTime.now(clock).toLocalDate()))
                    .append("\n\n");
            archive.paths().forEach(p -> readme.append("- `").append(p).append("`\n"));
            archive.add("README.md", readme.toString());
        }
        audit.record(me.id(), "member.data-exported", "member", me.id(), null, null);
    }

    private Profile profile(long memberId) {
        List<Membership> cohorts = cohortAccess.membershipsOf(memberId).stream()
                .sorted(Comparator.comparing(org.praxis.cohort.Membership::joinedAt))
                .map(m -> new Membership(m.cohortName(), m.role().name(), m.joinedAt()))
                .toList();
        return db.select(MEMBER.DISPLAY_NAME, MEMBER.EMAIL, MEMBER.PRONOUNS, MEMBER.TITLE,
                        Organizations.name(MEMBER.ORGANIZATION_ID), MEMBER.BIO, MEMBER.ROLE, MEMBER.CREATED_AT, MEMBER.DIGEST)
                .from(MEMBER)
                .where(MEMBER.ID.eq(memberId))
                .fetchSingle(r -> new Profile(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), cohorts));
    }

    /**
     * An admin deletes an account at the person's request. What is private to them goes; with
     * {@code keepContributions} what they shared stays as by "a former member", otherwise it is
     * removed too. Their sessions end, and the deletion is audited. Nobody deletes their own account
     * here (an admin would lock themselves out mid-way); another admin does.
     */
    @Transactional
    public void erase(long memberId, boolean keepContributions) {
        PraxisUser me = currentUser.requireRole(Role.ADMIN);
        if (me.id() == memberId) {
            throw InvalidInputException.of("erase", "member.erase.self");
        }
        var row = db.select(MEMBER.ERASED_AT).from(MEMBER).where(MEMBER.ID.eq(memberId)).fetchOptional()
                .orElseThrow(() -> new AccessDeniedException("No account " + memberId));
        if (row.value1() != null) {
            return;
        }
        for (PersonalData part : parts) {
            part.erase(memberId, keepContributions);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // a waiting change of address names an address of theirs
        db.deleteFrom(org.praxis.jooq.Tables.EMAIL_CHANGE).where(org.praxis.jooq.Tables.EMAIL_CHANGE.MEMBER_ID.eq(memberId))
                .execute();
        db.update(MEMBER)
                .set(MEMBER.DISPLAY_NAME, messages.text("member.former"))
                .set(MEMBER.EMAIL, "erased-" + memberId + "@invalid")
                // nobody knows this password, not even the database
                .set(MEMBER.PASSWORD_HASH, passwordEncoder.encode(Tokens.random()))
                .setNull(MEMBER.PRONOUNS)
                .setNull(MEMBER.TITLE)
                .setNull(MEMBER.BIO)
                .setNull(MEMBER.ORGANIZATION_ID)
                .set(MEMBER.ACTIVE, false)
                .set(MEMBER.PASSWORD_MUST_CHANGE, false)
                .set(MEMBER.DIGEST, "OFF")
                .set(MEMBER.DEACTIVATED_AT, org.jooq.impl.DSL.coalesce(MEMBER.DEACTIVATED_AT, org.jooq.impl.DSL.val(now)))
                .set(MEMBER.ERASED_AT, now)
                .set(MEMBER.UPDATED_AT, now)
                .where(MEMBER.ID.eq(memberId))
                .execute();
        audit.record(me.id(), "member.erased", "member", memberId, null,
                keepContributions ? "contributions kept" : "contributions removed");
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sessions.endSessionsOf(memberId);
                }
            });
        } else {
            sessions.endSessionsOf(memberId);
        }
    }
}
