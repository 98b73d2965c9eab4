package org.praxis.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code addressRetention}: how long an audit event keeps the client address it came from. */
@ConfigurationProperties("praxis.audit")
public record AuditProperties(Duration addressRetention) {

    public AuditProperties {
        addressRetention = addressRetention == null || addressRetention.isNegative() ? Duration.ofDays(30)
                : addressRetention;
    }
}
