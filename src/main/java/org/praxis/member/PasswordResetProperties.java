package org.praxis.member;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Forgotten passwords ({@code praxis.password-reset.*}): how long a mailed link works
 * ({@code linkTtl}, 30 minutes); how many links one email address typed into the form, and one
 * account, may ask for within {@code window} ({@code perAddress}), and how many requests one
 * client address may make ({@code perClient}); and the shortest time the form takes to answer
 * ({@code answerTime}), so that an address with an account and one without take about as long.
 */
@ConfigurationProperties("praxis.password-reset")
public record PasswordResetProperties(Duration linkTtl, Duration window, Integer perAddress, Integer perClient,
        Duration answerTime) {

    public PasswordResetProperties {
        linkTtl = linkTtl == null || linkTtl.isZero() || linkTtl.isNegative() ? Duration.ofMinutes(30) : linkTtl;
        window = window == null || window.isZero() || window.isNegative() ? Duration.ofHours(1) : window;
        perAddress = perAddress == null || perAddress < 1 ? 3 : perAddress;
        perClient = perClient == null || perClient < 1 ? 20 : perClient;
        answerTime = answerTime == null || answerTime.isNegative() ? Duration.ofMillis(400) : answerTime;
    }
}
