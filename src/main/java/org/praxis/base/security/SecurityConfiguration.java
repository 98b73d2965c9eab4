package org.praxis.base.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import org.praxis.base.AuditTrail;
import org.praxis.base.mail.MailProperties;
import org.praxis.base.ui.LoginView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Security for Vaadin: every view declares who may enter and anything undeclared is
 * denied (Vaadin's navigation access control); all other requests need a signed-in user, except
 * the health check used by load balancers and container runtimes.
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /** HSTS for a year once the base URL is https; subdomains are left to whoever runs them. */
    static final java.time.Duration HSTS_MAX_AGE = java.time.Duration.ofDays(365);

    /**
     * The session cookie is {@code Secure} once people reach Praxis over https, so it never travels
     * in clear (HttpOnly, SameSite=Lax and cookie-only sessions are set in application.yml).
     */
    @Bean
    ServletContextInitializer secureSessionCookie(MailProperties site) {
        return servletContext -> {
            if (site.secure()) {
                servletContext.getSessionCookieConfig().setSecure(true);
            }
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; the {id} prefix lets stored hashes move to a stronger scheme later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
            SignInThrottle throttle, AuditTrail audit, TransactionTemplate transaction) {
        ProviderManager manager = new ProviderManager(
                new ThrottledAuthenticationProvider(accounts, encoder, throttle, audit, transaction));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountDetailsService accounts,
            SignedInSessions sessions, Clock clock, AuditTrail audit, RequestUtil vaadinRequests,
            MailProperties site, ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                // the error page of a refused or failed request is shown to whoever made it, signed in or not
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // calendar apps cannot sign in: the feed's unguessable address is its key
                .requestMatchers("/calendar/feed/**").permitAll());
        http.headers(headers -> {
            headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.everywhere()));
            headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)));
            headers.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY));
            if (site.secure()) {
                // behind a TLS proxy the request itself may look like plain HTTP: the base URL decides
                headers.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                        .maxAgeInSeconds(HSTS_MAX_AGE.toSeconds()).includeSubDomains(false));
            } else {
                headers.httpStrictTransportSecurity(hsts -> hsts.disable());
            }
        });
        http.addFilterAfter(new ActiveAccountFilter(accounts, sessions, clock,
                contexts.getIfUnique(SecurityContextHolder::getContextHolderStrategy)), SecurityContextHolderFilter.class);
        // Vaadin's own requests carry Vaadin's CSRF token and are exempt from Spring's. Vaadin would also
        // exempt the login path, for a form that posts there; the login view signs in through Vaadin's
        // requests instead, so POST /login needs Spring's token like any other form: another site cannot
        // sign a visitor into an account of its choosing (login CSRF).
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .enableCsrfConfiguration(false)
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null && authentication.getPrincipal() instanceof PraxisUser user) {
                        audit.record(user.id(), "sign-out", "member", user.id(), request.getRemoteAddr(), null);
                    }
                }));
        return http.build();
    }
}
