package org.praxis.base.limit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many times one person may do each thing within {@code window}. A zero or negative value
 * takes the default. The defaults are far above what a member of a cohort does in an hour.
 */
@ConfigurationProperties("praxis.rate-limits")
public record RateLimitProperties(Duration window, int posts, int reports, int reactions, int searches,
        int invitationRequests) {

    public RateLimitProperties {
        window = window == null || window.isZero() || window.isNegative() ? Duration.ofHours(1) : window;
        posts = posts > 0 ? posts : 60;
        reports = reports > 0 ? reports : 10;
        reactions = reactions > 0 ? reactions : 300;
        searches = searches > 0 ? searches : 300;
        invitationRequests = invitationRequests > 0 ? invitationRequests : 5;
    }
}
