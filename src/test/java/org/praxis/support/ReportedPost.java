package org.praxis.support;

import org.praxis.base.security.Role;
import org.praxis.conversation.ModerationService;
import org.praxis.conversation.ThreadService;

/**
 * The shared set-up of report tests: a member's post in a new thread of the cohort, reported to
 * the cohort's facilitators by another member (each signed in for their step; sign in afterwards).
 */
public record ReportedPost(TestData.Person author, TestData.Person reporter, long thread, long post, long report) {

    public static ReportedPost in(TestData data, ThreadService threads, ModerationService moderation, long cohort,
            String text, String reason) {
        TestData.Person author = data.personIn(cohort, Role.MEMBER);
        TestData.Person reporter = data.personIn(cohort, Role.MEMBER);
        long thread = data.thread(cohort);
        data.signIn(author);
        long post = threads.reply(thread, null, text, false, false);
        data.signIn(reporter);
        long report = moderation.report(post, reason, false);
        return new ReportedPost(author, reporter, thread, post, report);
    }
}
