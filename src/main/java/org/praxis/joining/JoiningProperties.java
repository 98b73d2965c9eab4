package org.praxis.joining;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code retention}: how long applications not selected are kept after the decision;
 * {@code invitationTtl}: how long an invitation link works; {@code maxApplicationsPerAddress}
 * within {@code applicationWindow} from one client address.
 */
@ConfigurationProperties("praxis.joining")
public record JoiningProperties(Duration retention, Duration invitationTtl, Integer maxApplicationsPerAddress,
        Duration applicationWindow) {

    public JoiningProperties {
        retention = retention == null ? Duration.ofDays(180) : retention;
        invitationTtl = invitationTtl == null ? Duration.ofDays(7) : invitationTtl;
        maxApplicationsPerAddress = maxApplicationsPerAddress == null ? 5 : maxApplicationsPerAddress;
        applicationWindow = applicationWindow == null ? Duration.ofHours(1) : applicationWindow;
    }
}
