package org.praxis.conversation;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.praxis.base.i18n.Messages;
import org.praxis.cohort.CohortAccess;
import org.praxis.cohort.CohortRole;
import org.praxis.cohort.Membership;
import org.praxis.member.MemberService;
import org.springframework.stereotype.Component;

/**
 * Whom a stored mention shows, for everything that shows a post (the thread, its history, search,
 * the export): the person's current name when they are one of the cohort's people, else "a
 * former member" — a deleted account, or someone who is not (or no longer) in the cohort, whose
 * name this cohort has no business reading. No rights check: the caller decided the reader may
 * read the post.
 */
@Component
class MentionNames {

    private final CohortAccess access;
    private final MemberService members;
    private final Messages messages;

    MentionNames(CohortAccess access, MemberService members, Messages messages) {
        this.access = access;
        this.members = members;
        this.messages = messages;
    }

    /** The cohort's people with an active account, by name: whom a writer may mention. */
    List<MentionPerson> people(long cohortId) {
        List<Long> ids = access.roster(cohortId).stream().map(Membership.Person::memberId).toList();
        return members.activeNamesInOrder(ids).entrySet().stream()
                .map(e -> new MentionPerson(e.getKey(), e.getValue())).toList();
    }

    /** The cohort's people among {@code ids}, by their role there. */
    Map<Long, CohortRole> rolesIn(long cohortId, Collection<Long> ids) {
        Set<Long> wanted = new HashSet<>(ids);
        Map<Long, CohortRole> roles = new HashMap<>();
        for (Membership.Person p : access.roster(cohortId)) {
            if (wanted.contains(p.memberId())) {
                roles.put(p.memberId(), p.role());
            }
        }
        return roles;
    }

    /** Names to show for the mentioned {@code ids} in a post of the cohort; never null. */
    LongFunction<String> shown(long cohortId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return id -> formerMember();
        }
        Map<Long, String> names = members.names(rolesIn(cohortId, ids).keySet());
        return id -> names.getOrDefault(id, formerMember());
    }

    /** Names a writer sees in the text they edit: the cohort's people with an active account. */
    Map<Long, String> editable(long cohortId, Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : members.activeNames(rolesIn(cohortId, ids).keySet());
    }

    String formerMember() {
        return messages.text("member.former");
    }
}
