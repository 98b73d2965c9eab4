package org.praxis.member;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first start ({@code praxis.setup.*}): how long a setup link works ({@code linkTtl}, 24 hours)
 * and the email address the first admin's form starts with ({@code adminEmail},
 * {@code PRAXIS_ADMIN_EMAIL}; empty: none).
 */
@ConfigurationProperties("praxis.setup")
public record SetupProperties(Duration linkTtl, String adminEmail) {

    public SetupProperties {
        linkTtl = linkTtl == null || linkTtl.isZero() || linkTtl.isNegative() ? Duration.ofHours(24) : linkTtl;
        adminEmail = adminEmail == null ? "" : adminEmail.strip();
    }
}
