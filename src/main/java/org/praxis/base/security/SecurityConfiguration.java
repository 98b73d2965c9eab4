package org.praxis.base.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.praxis.audit.AuditService;
import org.praxis.base.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
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

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today; the {id} prefix lets stored hashes move to a stronger scheme later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
            SignInThrottle throttle, AuditService audit, TransactionTemplate transaction) {
        ProviderManager manager = new ProviderManager(
                new ThrottledAuthenticationProvider(accounts, encoder, throttle, audit, transaction));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountDetailsService accounts,
            SignedInSessions sessions, Clock clock, AuditService audit, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // calendar apps cannot sign in: the feed's unguessable address is its key
                .requestMatchers("/calendar/feed/**").permitAll());
        http.addFilterAfter(new ActiveAccountFilter(accounts, sessions, clock), SecurityContextHolderFilter.class);
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
