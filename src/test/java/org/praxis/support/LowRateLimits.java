package org.praxis.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * Limits low enough to reach in a test: three posts, two reports, three reactions, three
 * searches and two invitation requests per person, three applications per address. The window is
 * so long that no test ever sees it turn over. Test classes with this annotation share one
 * application context.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@TestPropertySource(properties = {
        "praxis.rate-limits.window=100000d",
        "praxis.rate-limits.posts=3",
        "praxis.rate-limits.reports=2",
        "praxis.rate-limits.reactions=3",
        "praxis.rate-limits.searches=3",
        "praxis.rate-limits.invitation-requests=2",
        "praxis.joining.max-applications-per-address=3",
        "praxis.joining.application-window=100000d"})
public @interface LowRateLimits {

    int POSTS = 3;
    int REPORTS = 2;
    int REACTIONS = 3;
    int SEARCHES = 3;
    int INVITATION_REQUESTS = 2;
    int APPLICATIONS = 3;
}
