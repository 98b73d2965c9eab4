package org.praxis.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code retention}: notices older than this are deleted ({@code PRAXIS_NOTIFICATION_RETENTION}, 90 days). */
@ConfigurationProperties("praxis.notifications")
public record NotificationProperties(Duration retention) {

    public NotificationProperties {
        retention = retention == null ? Duration.ofDays(90) : retention;
    }
}
