package org.praxis.base.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of failed sign-ins, within {@code window}: after {@code maxFailuresPerAccount}
 * failures for one account from one client address, that address may not try the account again;
 * after {@code accountCeiling} failures for one account from anywhere, nobody may, except from an
 * address the account signed in from before; after {@code maxFailuresPerAddress} failures from one
 * address across accounts, that address may not try any. So guessing from many addresses is
 * capped, and a stranger cannot lock the owner out below the ceiling. Attempts are kept for the
 * window plus {@code retention} (an audit period), then deleted.
 */
@ConfigurationProperties("praxis.sign-in")
public record SignInProperties(Duration window, int maxFailuresPerAccount, int maxFailuresPerAddress,
        int accountCeiling, Duration retention) {

    public SignInProperties {
        window = window == null ? Duration.ofMinutes(15) : window;
        maxFailuresPerAccount = maxFailuresPerAccount > 0 ? maxFailuresPerAccount : 5;
        maxFailuresPerAddress = maxFailuresPerAddress > 0 ? maxFailuresPerAddress : 20;
        accountCeiling = accountCeiling > 0 ? accountCeiling : 100;
        retention = retention == null || retention.isNegative() ? Duration.ofDays(30) : retention;
    }
}
