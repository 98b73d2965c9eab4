package org.praxis.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.praxis.jooq.Tables.POST;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.praxis.base.db.DatabaseStatus;
import org.praxis.base.security.Role;
import org.praxis.support.DurableDatabaseTest;
import org.praxis.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code kill -9} of the embedded postmaster right after a run of replies, each acknowledged to
 * its author: every one is there afterwards, and the app recovers without anyone's help.
 */
class RepliesSurviveADatabaseCrashTest extends DurableDatabaseTest {

    @Autowired
    ThreadService threads;

    @Test
    void every_acknowledged_reply_is_kept_through_a_sigkill_of_the_postmaster_and_the_app_recovers_by_itself()
            throws Exception {
        long cohort = data.cohort();
        TestData.Person member = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(member);
        List<Boolean> heard = Collections.synchronizedList(new ArrayList<>());
        List<Status> healthWhileGone = Collections.synchronizedList(new ArrayList<>());
        DatabaseStatus.Subscription watching = database.onChange(up -> {
            heard.add(up);
            if (!up) {
                healthWhileGone.add(healthStatus());
            }
        });
        List<Long> acknowledged = new ArrayList<>();
        try {
            for (int i = 1; i <= 60; i++) {
                acknowledged.add(threads.reply(thread, null, "Acknowledged reply " + i, false, false));
            }

            kill(dataDirectory());

            awaitThat("the database is back", () -> heard.contains(true));
        } finally {
            watching.cancel();
        }
        assertThat(heard).containsExactly(false, true);
        assertThat(healthWhileGone).as("health said DOWN while the database was gone").containsExactly(Status.DOWN);
        assertThat(healthStatus()).isEqualTo(Status.UP);
        assertThat(data.db().select(POST.ID).from(POST).where(POST.THREAD_ID.eq(thread)).orderBy(POST.ID)
                .fetch(POST.ID)).containsExactlyElementsOf(acknowledged);
        long after = threads.reply(thread, null, "Written after the crash", false, false);
        assertThat(after).isGreaterThan(acknowledged.get(acknowledged.size() - 1));
    }
}
