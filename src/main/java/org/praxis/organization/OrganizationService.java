package org.praxis.organization;

import static org.praxis.jooq.Tables.ORGANIZATION;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.praxis.audit.AuditService;
import org.praxis.base.InvalidInputException;
import org.praxis.base.Validation;
import org.praxis.base.security.AccountDirectory;
import org.praxis.base.security.CurrentUser;
import org.praxis.base.security.PraxisUser;
import org.praxis.base.security.Role;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner organisations. Anyone signed in may list them (the home view shows each member's);
 * facilitators and admins create and change them.
 */
@Service
public class OrganizationService {

    public static final int NAME_MAX = 200;
    public static final int TRIBAL_NATION_MAX = 200;

    private final DSLContext db;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final AccountDirectory accounts;

    OrganizationService(DSLContext db, CurrentUser currentUser, AuditService audit, AccountDirectory accounts) {
        this.db = db;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Organization> list() {
        currentUser.require();
        return db.selectFrom(ORGANIZATION).orderBy(ORGANIZATION.NAME).fetch(OrganizationService::toOrganization);
    }

    /**
     * Every partner organisation's name by id, in name order. Partners are public: the application
     * form offers them to anyone, signed in or not.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> names() {
        return db.select(ORGANIZATION.ID, ORGANIZATION.NAME).from(ORGANIZATION).orderBy(ORGANIZATION.NAME)
                .fetchMap(ORGANIZATION.ID, ORGANIZATION.NAME);
    }

    /** How many accounts belong to each organisation, for the people view. */
    @Transactional(readOnly = true)
    public int memberCount(long organizationId) {
        currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        return accounts.countInOrganization(organizationId);
    }

    @Transactional
    public Organization create(OrganizationDraft draft) {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        validate(draft);
        try {
            long id = db.insertInto(ORGANIZATION)
                    .set(ORGANIZATION.NAME, draft.getName().strip())
                    .set(ORGANIZATION.SECTOR, draft.getSector().name())
                    .set(ORGANIZATION.COUNTY, draft.getCounty() == null ? null : draft.getCounty().name())
                    .set(ORGANIZATION.TRIBAL_NATION, Validation.clean(draft.getTribalNation()))
                    .returning(ORGANIZATION.ID)
                    .fetchOne(ORGANIZATION.ID);
            audit.record(actor.id(), "organization.created", "organization", id, null, null);
            return get(id);
        } catch (DataIntegrityViolationException e) {
            throw duplicateOr(e);
        }
    }

    @Transactional
    public Organization update(long id, OrganizationDraft draft) {
        PraxisUser actor = currentUser.requireRole(Role.FACILITATOR, Role.ADMIN);
        validate(draft);
        try {
            int changed = db.update(ORGANIZATION)
                    .set(ORGANIZATION.NAME, draft.getName().strip())
                    .set(ORGANIZATION.SECTOR, draft.getSector().name())
                    .set(ORGANIZATION.COUNTY, draft.getCounty() == null ? null : draft.getCounty().name())
                    .set(ORGANIZATION.TRIBAL_NATION, Validation.clean(draft.getTribalNation()))
                    .set(ORGANIZATION.UPDATED_AT, OffsetDateTime.now())
                    .where(ORGANIZATION.ID.eq(id))
                    .execute();
            if (changed == 0) {
                throw new AccessDeniedException("No organisation " + id);
            }
            audit.record(actor.id(), "organization.updated", "organization", id, null, null);
            return get(id);
        } catch (DataIntegrityViolationException e) {
            throw duplicateOr(e);
        }
    }

    private Organization get(long id) {
        return db.selectFrom(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchSingle(OrganizationService::toOrganization);
    }

    private static void validate(OrganizationDraft draft) {
        new Validation()
                .required("name", draft.getName(), NAME_MAX)
                .check(draft.getSector() != null, "sector", "validation.required")
                .maxLength("tribalNation", draft.getTribalNation(), TRIBAL_NATION_MAX)
                .throwIfInvalid();
    }

    private static RuntimeException duplicateOr(DataIntegrityViolationException e) {
        if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("organization_name_key")) {
            return InvalidInputException.of("name", "organization.name.taken");
        }
        return e;
    }

    static Organization toOrganization(Record r) {
        String county = r.get(ORGANIZATION.COUNTY);
        return new Organization(r.get(ORGANIZATION.ID), r.get(ORGANIZATION.NAME),
                Sector.valueOf(r.get(ORGANIZATION.SECTOR)), county == null ? null : County.valueOf(county),
                r.get(ORGANIZATION.TRIBAL_NATION));
    }
}
