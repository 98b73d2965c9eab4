/**
 * Sign-in and roles: Spring Security with Vaadin's configurer, accounts read from the
 * {@code member} table, throttling of failed sign-ins per account and per client address,
 * ending the sessions of deactivated accounts, and the signed-in user for services.
 */
@Owns({"app_secret", "sign_in_attempt"})
package org.praxis.base.security;

import org.praxis.base.Owns;
