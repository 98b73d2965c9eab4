package org.praxis.base.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of failed sign-ins: after {@code maxFailuresPerAccount} failures for one account, or
 * {@code maxFailuresPerAddress} from one client address, within {@code window}, further attempts
 * are refused until the window has passed.
 */
@ConfigurationProperties("praxis.sign-in")
public record SignInProperties(Duration window, int maxFailuresPerAccount, int maxFailuresPerAddress) {

    public SignInProperties {
        window = window == null ? Duration.ofMinutes(15) : window;
        maxFailuresPerAccount = maxFailuresPerAccount > 0 ? maxFailuresPerAccount : 5;
        maxFailuresPerAddress = maxFailuresPerAddress > 0 ? maxFailuresPerAddress : 20;
    }
}
