package org.praxis.member;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What people do with their own account. {@code emailChangeTtl}: how long the link that confirms
 * a new email address works; {@code emailChangesPerHour}: how many changes of address (refused
 * ones too) one person may ask for within an hour, so the form can neither flood an inbox nor
 * serve to guess the current password.
 */
@ConfigurationProperties("praxis.account")
public record AccountProperties(Duration emailChangeTtl, Integer emailChangesPerHour) {

    public AccountProperties {
        emailChangeTtl = emailChangeTtl == null || emailChangeTtl.isNegative() || emailChangeTtl.isZero()
                ? Duration.ofHours(24) : emailChangeTtl;
        emailChangesPerHour = emailChangesPerHour == null || emailChangesPerHour < 1 ? 5 : emailChangesPerHour;
    }
}
