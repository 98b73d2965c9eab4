package org.praxis.support;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password checks through the application's {@link AuthenticationManager}, as the login view makes
 * them. Each attempt names a client address; {@link #newAddress()} gives one no other test uses,
 * so the per-address throttle of one test never refuses another's attempts.
 */
public final class SignInAttempts {

    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

    private final AuthenticationManager authenticationManager;

    public SignInAttempts(AuthenticationManager authenticationManager) {
        this.authenticationManager = authenticationManager;
    }

    /** A client address of the form 10.9.x.y not handed out before in this JVM. */
    public static String newAddress() {
        int n = NEXT.getAndIncrement() & 0xFFFF;
        return "10.9." + (n >> 8) + "." + (n & 0xFF);
    }

    /** Checks the password from the given address; throws the {@code AuthenticationException} on refusal. */
    public Authentication attempt(String email, String password, String clientAddress) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        token.setDetails(new WebAuthenticationDetails(clientAddress, null));
        return authenticationManager.authenticate(token);
    }

    /** Checks the password from a fresh address. */
    public Authentication attempt(String email, String password) {
        return attempt(email, password, newAddress());
    }
}
